import { KubernetesVersion, KubernetesVersions, minorOf } from '../../core/kubernetes-version';
import { kubernetesApi } from '../../imports/schema-validators';
import { removedApiVersion } from './removed-api-versions';

/** Why some versions of a range do not serve an apiVersion/kind, and what to write instead. */
export interface NotServed {
  /** The versions of the range that do not serve it. */
  readonly versions: KubernetesVersions;
  /** "was removed in 1.32", "is served from 1.34". */
  readonly why: string;
  /** The apiVersion of the same kind every version of the range serves, if there is one. */
  readonly use?: string;
  /** The version to move the platform to instead, when a later one serves it. */
  readonly servedFrom?: string;
  /** The kind is gone from Kubernetes altogether (PodSecurityPolicy). */
  readonly gone?: boolean;
}

// Stable before beta before alpha; a later beta before an earlier one.
const STABILITY = /^v(\d+)(?:(alpha|beta)(\d+))?$/;
function stability(apiVersion: string): number {
  const m = STABILITY.exec(apiVersion.split('/').at(-1) ?? '');
  if (!m) return 0;
  const level = m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1;
  return level * 10_000 + Number(m[1]) * 100 + Number(m[3] ?? 0);
}

/** The apiVersions that serve `kind` of `group` at every version of `range`, most stable first. */
export function servedAlternatives(group: string, kind: string, range: KubernetesVersions): string[] {
  const { served } = kubernetesApi();
  return Object.entries(served)
    .map(([key, [first, last]]) => ({ key, first, last }))
    .filter(({ key }) => key.endsWith(`/${kind}`) && groupOf(key.slice(0, -kind.length - 1)) === group)
    .filter(({ first, last }) => range.oldest.minor >= minorOf(first) && range.newest !== undefined && range.newest.minor <= minorOf(last))
    .map(({ key }) => key.slice(0, -kind.length - 1))
    .sort((a, b) => stability(b) - stability(a));
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/**
 * Which versions of `range` do not serve the built-in apiVersion/kind: removed (before 1.28, from
 * the Kubernetes deprecation guide; from 1.28 on, from the schemas of ../shared), or not served yet.
 * Undefined when every version of the range serves it, or when it is not a built-in kind at all.
 */
export function notServed(apiVersion: string, kind: string, range: KubernetesVersions): NotServed | undefined {
  const group = groupOf(apiVersion);
  const early = removedApiVersion(apiVersion, kind);
  if (early) {
    return { versions: range, why: `was removed in ${early.removedIn}`, use: early.use, gone: early.use === undefined };
  }
  const span = kubernetesApi().served[`${apiVersion}/${kind}`];
  if (!span) return undefined;
  const [first, last] = span;
  const missing = range.versions().filter((v) => v.minor < minorOf(first) || v.minor > minorOf(last));
  if (missing.length === 0) return undefined;
  const notYet = missing[0].minor < minorOf(first);
  return {
    versions: rangeOf(missing),
    why: notYet ? `is served from ${first}` : `was removed in ${String(KubernetesVersions.of(last).oldest.plus(1))}`,
    use: servedAlternatives(group, kind, range)[0],
    servedFrom: notYet ? first : undefined,
  };
}

function rangeOf(versions: readonly KubernetesVersion[]): KubernetesVersions {
  return KubernetesVersions.between(versions[0].toString(), versions[versions.length - 1].toString());
}
