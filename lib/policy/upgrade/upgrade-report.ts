import { newestReleaseSupporting } from '../../addons/chart-release';
import { FluxRelease } from '../../addons/flux-releases';
import { KubernetesVersion, KubernetesVersions } from '../../core/kubernetes-version';
import { Manifest, objectId } from '../../core/manifest';
import { kubernetesApi } from '../../imports/schema-validators';
import { fluxRange, fluxReleasesFor } from '../build/flux-range';
import { PolicyInput } from '../policy-check';
import { SCHEMA_VERSIONS } from '../schema/schema-registry';
import { servedAlternatives } from '../schema/served-api-versions';
import { fieldFindings } from './field-findings';

/** An object a later version does not take as it is. */
export interface ApiFinding {
  /** `Deployment apps/web`. */
  readonly object: string;
  /** What changes: "apiVersion policy/v1beta1 is removed in 1.25; use policy/v1", "spec.x is removed in 1.36". */
  readonly change: string;
}

/** An installed add-on whose chart release does not support a later version. */
export interface AddonFinding {
  readonly addon: string;
  /** The release installed now, and what it supports. */
  readonly installed: { readonly version: string; readonly kubernetes: string };
  /** The newest recorded release that supports the later version, if any. */
  readonly moveTo?: { readonly version: string; readonly kubernetes: string };
}

/** What moving a build's cluster to one later Kubernetes version takes. */
export interface UpgradeStep {
  readonly version: string;
  readonly apis: readonly ApiFinding[];
  readonly addons: readonly AddonFinding[];
  /** The Flux releases that serve the version and every Flux field the build writes; empty when none recorded does. */
  readonly flux: readonly FluxRelease[];
}

/**
 * What moving the build's cluster to each later Kubernetes version the package has schemas for
 * takes, from its newest version on: objects whose API that version removes or reads differently
 * (kubernetes-api.js, generated from ../shared/schemas: no validators are loaded), add-ons whose
 * chart release stops supporting it with the release to move to, and the Flux releases that serve
 * it. Steps are cumulative: the one for 1.36 includes what 1.35 changed.
 */
export function upgradeReport(input: PolicyInput): UpgradeStep[] {
  const range = input.kubernetes ?? KubernetesVersions.DEFAULT;
  const from = range.newest ?? range.oldest;
  const later = SCHEMA_VERSIONS.map((v) => KubernetesVersions.of(v).oldest).filter((v) => v.compare(from) > 0);
  const needs = fluxRange(input.name, input.manifests, range).needs.version;
  return later.map((version) => ({
    version: version.toString(),
    apis: apiFindings(input.manifests, from, version),
    addons: addonFindings(input, version),
    flux: fluxReleasesFor(version, needs),
  }));
}

function apiFindings(manifests: readonly Manifest[], from: KubernetesVersion, to: KubernetesVersion): ApiFinding[] {
  const { served } = kubernetesApi();
  const out: ApiFinding[] = [];
  for (const m of manifests) {
    const key = `${m.apiVersion}/${m.kind}`;
    const span = served[key];
    if (!span) continue; // a custom resource: its CRD, not the Kubernetes version, decides
    const last = KubernetesVersions.of(span[1]).oldest;
    if (last.compare(to) < 0) {
      const group = m.apiVersion.includes('/') ? m.apiVersion.split('/')[0] : '';
      const use = servedAlternatives(group, m.kind, KubernetesVersions.of(to.toString()))[0];
      out.push({
        object: objectId(m),
        change: `apiVersion ${m.apiVersion} is removed in ${String(last.plus(1))}; ${use ? `use ${use}` : `Kubernetes ${String(to)} serves no version of ${m.kind}`}`,
      });
      continue;
    }
    for (const finding of fieldFindings(m, from, to)) out.push({ object: objectId(m), change: finding });
  }
  return out;
}

function addonFindings(input: PolicyInput, version: KubernetesVersion): AddonFinding[] {
  const plan = input.cluster?.addons;
  if (!plan) return [];
  return plan.installed.flatMap((addon) => {
    const release = plan.releases.get(addon.name);
    if (!release || release.kubernetes.includes(version)) return [];
    const moveTo = newestReleaseSupporting(addon.releases ?? [], version);
    return [
      {
        addon: addon.name,
        installed: { version: release.version, kubernetes: release.kubernetes.toString() },
        moveTo: moveTo && { version: moveTo.version, kubernetes: moveTo.kubernetes.toString() },
      },
    ];
  });
}
