import { LoadBalancerImplementation } from './load-balancer-implementation';
import { Construct } from 'constructs';
import { AddonNeed } from '../core/addon-needs';
import { Site } from '../core/errors';
import { AddonDefinition, AddonInputs } from './addon-definition';
import { ADDONS } from './catalog';
import { ClusterContract, ProvidedAddon } from './cluster-contract';
import { AddonInstaller } from './helm-release';

/** The add-ons of one build: each needed one, once, either installed or provided by the cluster. */
export interface AddonPlan {
  readonly installed: readonly AddonDefinition[];
  readonly provided: readonly ProvidedAddon[];
}

const MIN_REASON = 10;

/** Checks a cluster contract's declarations: each provided add-on and prerequisite says why, once. */
export function checkClusterContract(site: Site, contract: ClusterContract): void {
  contract.loadBalancer?.check(site.at('loadBalancer'));
  LoadBalancerImplementation.of(site, contract);
  const seen = new Set<string>();
  (contract.provided ?? []).forEach((p, i) => {
    if (seen.has(p.addon)) site.at('provided').at(i).at('addon').fail(p.addon, 'is declared provided twice', 'declare each provided add-on once');
    seen.add(p.addon);
    if (p.reason.trim().length < MIN_REASON)
      site
        .at('provided')
        .at(i)
        .at('reason')
        .fail(p.reason, `must say why the cluster provides it (at least ${MIN_REASON} characters)`, 'e.g. "k3s ships Traefik in kube-system"');
  });
  (contract.prerequisites ?? []).forEach((p, i) => {
    if (p.reason.trim().length < MIN_REASON)
      site
        .at('prerequisites')
        .at(i)
        .at('reason')
        .fail(
          p.reason,
          `must say who creates ${p.kind} ${p.name} (at least ${MIN_REASON} characters)`,
          'e.g. "created at bootstrap with kubectl create secret"',
        );
  });
}

/**
 * Installs, under `scope`, every add-on the `needs` name that the cluster does not provide, once
 * each. Two constructs needing one add-on with different settings, or an add-on only a cluster
 * can provide that the contract does not declare, are refused.
 */
export function installAddons(
  scope: () => Construct,
  needs: readonly { readonly path: string; readonly need: AddonNeed }[],
  contract: ClusterContract,
): AddonPlan {
  const chosen = new Map<string, { path: string; need: AddonNeed }>();
  for (const { path, need } of needs) {
    const first = chosen.get(need.addon);
    if (first && JSON.stringify(first.need) !== JSON.stringify(need)) {
      new Site(path)
        .at('addon')
        .fail(
          need,
          `asks for ${need.addon} with other settings than ${first.path} (${JSON.stringify(first.need)}); one cluster runs one ${need.addon}`,
          'give both the same settings (namespace, names, flags)',
        );
    }
    if (!first) chosen.set(need.addon, { path, need });
  }
  const provided = contract.provided ?? [];
  const installed: AddonDefinition[] = [];
  let installer: AddonInstaller | undefined;
  for (const definition of ADDONS) {
    const wanted = chosen.get(definition.name);
    if (!wanted || provided.some((p) => p.addon === definition.name)) continue;
    if (!definition.install) {
      return new Site(wanted.path)
        .at('addon')
        .fail(
          definition.name,
          `is an add-on only the cluster can provide (${definition.summary}), and the platform does not declare it provided`,
          `declare it in the platform's cluster.provided with a reason, e.g. { addon: "${definition.name}", reason: "..." }, or choose one the build installs`,
        );
    }
    installer ??= new AddonInstaller(scope(), 'addons');
    definition.install(installer, wanted.need, addonInputsOf(contract));
    installed.push(definition);
  }
  return { installed, provided };
}

/**
 * The inputs the add-ons are told: what the platform gives, and where it says nothing, what its
 * cluster implies (EKS GPU node groups boot an image that carries the NVIDIA driver and toolkit).
 */
export function addonInputsOf(contract: ClusterContract): AddonInputs {
  const inputs = contract.inputs ?? {};
  return { ...inputs, gpuDriverOnNodes: inputs.gpuDriverOnNodes ?? contract.controlPlane?.gpuNodeImagesCarryDriver ?? false };
}
