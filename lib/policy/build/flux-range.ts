import { compareFluxVersions, FLUX_APIS, FLUX_FIELDS, FLUX_RELEASES, FluxRelease } from '../../addons/flux-releases';
import { supportedRanges } from '../../addons/chart-release';
import { ValidationError } from '../../core/errors';
import { KubernetesVersion, KubernetesVersions } from '../../core/kubernetes-version';
import { Manifest } from '../../core/manifest';

const FLUX_GROUP = /\.toolkit\.fluxcd\.io\//;

/** The Flux releases that serve a build, and the object and field that set the oldest one. */
export interface FluxRange {
  /** Every recorded release serving both the cluster's Kubernetes versions and each Flux field the build writes, oldest first. */
  readonly releases: readonly FluxRelease[];
  /** The oldest release the build's Flux objects need, and where it comes from. */
  readonly needs: { readonly version: string; readonly path?: string; readonly field?: string; readonly value?: unknown };
  readonly errors: readonly Error[];
}

/** "2.8-2.9", "2.9", or "none". */
export function fluxVersions(releases: readonly FluxRelease[]): string {
  if (releases.length === 0) return 'none';
  const [first, last] = [releases[0].version, releases[releases.length - 1].version];
  return first === last ? first : `${first}-${last}`;
}

/** The recorded releases serving every version of `kubernetes`, from `since` on. */
export function fluxReleasesServing(kubernetes: KubernetesVersions, since = FLUX_RELEASES[0].version): FluxRelease[] {
  return FLUX_RELEASES.filter((r) => compareFluxVersions(r.version, since) >= 0 && r.kubernetes.covers(kubernetes));
}

/** The recorded releases serving one Kubernetes version, from `since` on. */
export function fluxReleasesFor(version: KubernetesVersion, since = FLUX_RELEASES[0].version): FluxRelease[] {
  return fluxReleasesServing(KubernetesVersions.of(version.toString()), since);
}

/** Every field path an object sets, lists as `[]`: `spec.dependsOn[].name`. */
function fieldsOf(value: unknown, prefix = ''): { field: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item) => fieldsOf(item, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return prefix ? [{ field: prefix, value }] : [];
  return Object.entries(value).flatMap(([key, v]) => [
    { field: prefix ? `${prefix}.${key}` : key, value: v },
    ...fieldsOf(v, prefix ? `${prefix}.${key}` : key),
  ]);
}

/**
 * The Flux releases a build can be reconciled by: each Flux API and field its objects write is
 * served (FLUX_APIS, FLUX_FIELDS), and so is every Kubernetes version of its cluster
 * (FLUX_RELEASES). A Flux API the table does not know, and a build no recorded release serves, are
 * errors: `build` names the build for the latter (its cluster.kubernetes is at fault).
 */
export function fluxRange(build: string, manifests: readonly Manifest[], kubernetes: KubernetesVersions): FluxRange {
  const errors: Error[] = [];
  let needs: FluxRange['needs'] = { version: FLUX_RELEASES[0].version };
  for (const m of manifests) {
    if (!FLUX_GROUP.test(`${m.apiVersion}/`)) continue;
    const api = `${m.apiVersion}/${m.kind}`;
    const since = FLUX_APIS[api];
    if (!since) {
      errors.push(
        new ValidationError({
          path: m.path,
          field: 'apiVersion',
          value: m.apiVersion,
          problem: `is a Flux API (${m.kind}) no recorded Flux release is known to serve, so no Flux version can be stated for the build`,
          fix: `use one of ${Object.keys(FLUX_APIS).join(', ')}; or record the releases that serve it in lib/addons/flux-releases.ts`,
        }),
      );
      continue;
    }
    if (compareFluxVersions(since, needs.version) > 0) needs = { version: since, path: m.path, field: 'apiVersion', value: m.apiVersion };
    // Only this API's recorded fields: most Flux objects (and HelmRelease values) need no walk at all.
    const apiFields = FLUX_FIELDS.filter((f) => f.api === api);
    for (const set of apiFields.length > 0 ? fieldsOf(m.object) : []) {
      const added = apiFields.find((f) => set.field === f.field || set.field.startsWith(`${f.field}.`) || set.field.startsWith(`${f.field}[]`));
      if (added && compareFluxVersions(added.since, needs.version) > 0)
        needs = { version: added.since, path: m.path, field: set.field, value: set.value };
    }
  }
  const releases = fluxReleasesServing(kubernetes, needs.version);
  if (releases.length === 0 && errors.length === 0) errors.push(noFluxError(build, kubernetes, needs));
  return { releases, needs, errors };
}

function noFluxError(build: string, kubernetes: KubernetesVersions, needs: FluxRange['needs']): ValidationError {
  const serving = fluxReleasesServing(kubernetes);
  const table = supportedRanges(FLUX_RELEASES);
  if (serving.length === 0 || !needs.path) {
    return new ValidationError({
      path: build,
      field: 'cluster.kubernetes',
      value: kubernetes.toString(),
      problem: 'is served by no single Flux release, so no Flux can reconcile the build on all of them',
      fix: `choose versions one release serves: ${table}`,
    });
  }
  const later = FLUX_RELEASES.filter((r) => compareFluxVersions(r.version, needs.version) >= 0);
  return new ValidationError({
    path: needs.path,
    field: needs.field ?? 'apiVersion',
    value: needs.value,
    problem: `needs Flux ${needs.version} or later, and none of those serves Kubernetes ${String(kubernetes)} (Flux ${fluxVersions(serving)} does)`,
    fix: `remove the field, or run the platform on Kubernetes versions a release from ${needs.version} serves: ${supportedRanges(later)}`,
  });
}
