import { LoadBalancerImplementation } from './load-balancer-implementation';
import { Construct } from 'constructs';
import { AddonNeed } from '../core/addon-needs';
import { Site } from '../core/errors';
import { KubernetesVersions } from '../core/kubernetes-version';
import { kubernetesVersions } from '../imports/schema-validators';
import { AddonDefinition, AddonInputs } from './addon-definition';
import { ADDONS } from './catalog';
import { ChartRelease, chartReleaseFor } from './chart-release';
import { ClusterContract, ProvidedAddon } from './cluster-contract';
import { AddonInstaller } from './helm-release';

/** The add-ons of one build: each needed one, once, either installed or provided by the cluster. */
export interface AddonPlan {
  readonly installed: readonly AddonDefinition[];
  readonly provided: readonly ProvidedAddon[];
  /** The chart release installed of each add-on of `installed`, by add-on name. */
  readonly releases: ReadonlyMap<string, ChartRelease>;
}

/** The Kubernetes versions a contract names, or the default. */
export function kubernetesOf(contract: ClusterContract): KubernetesVersions {
  return contract.kubernetes ?? KubernetesVersions.DEFAULT;
}

const MIN_REASON = 10;

/** Checks a cluster contract's declarations: each provided add-on and prerequisite says why, once. */
export function checkClusterContract(site: Site, contract: ClusterContract): void {
  const range = kubernetesOf(contract);
  const unknown = range.versions().filter((v) => !kubernetesVersions.includes(v.toString()));
  if (unknown.length > 0) {
    site
      .at('kubernetes')
      .fail(
        range.toString(),
        `names Kubernetes ${unknown.join(', ')}, which the package has no API schemas for (it has ${kubernetesVersions[0]}-${kubernetesVersions[kubernetesVersions.length - 1]}), so no object could be validated there`,
        `use versions from ${kubernetesVersions[0]} to ${kubernetesVersions[kubernetesVersions.length - 1]}; for a newer one, add its schemas to ../shared/schemas and run npm run import`,
      );
  }
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
 * each, at the newest recorded chart release that supports every Kubernetes version of the
 * contract. Two constructs needing one add-on with different settings, an add-on only a cluster
 * can provide that the contract does not declare, and an add-on no recorded release of which
 * supports the platform's versions (refused at `site`, the contract's) are refused.
 */
export function installAddons(
  scope: () => Construct,
  needs: readonly { readonly path: string; readonly need: AddonNeed }[],
  contract: ClusterContract,
  site: Site = new Site('cluster'),
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
  const releases = new Map<string, ChartRelease>();
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
    const release = chartReleaseFor(
      site.at('kubernetes'),
      { name: definition.name, releases: definition.releases ?? [] },
      kubernetesOf(contract),
      wanted.path,
    );
    installer ??= new AddonInstaller(scope(), 'addons');
    definition.install(installer, wanted.need, addonInputsOf(contract), release);
    installed.push(definition);
    releases.set(definition.name, release);
  }
  return { installed, provided, releases };
}

/**
 * The inputs the add-ons are told: what the platform gives, and where it says nothing, what its
 * cluster implies (EKS GPU node groups boot an image that carries the NVIDIA driver and toolkit).
 */
export function addonInputsOf(contract: ClusterContract): AddonInputs {
  const inputs = contract.inputs ?? {};
  return { ...inputs, gpuDriverOnNodes: inputs.gpuDriverOnNodes ?? contract.controlPlane?.gpuNodeImagesCarryDriver ?? false };
}
