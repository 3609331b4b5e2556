import { Site } from '../core/errors';
import { KubernetesVersion, KubernetesVersions } from '../core/kubernetes-version';

/** One release of an add-on's chart, and the Kubernetes versions it supports. */
export interface ChartRelease {
  /** The chart version the HelmRelease pins. */
  readonly version: string;
  /** What the release installs, when the chart version does not say it: "controller 1.12.8". */
  readonly app?: string;
  /** The Kubernetes versions it supports, as its project states them (an open range when the chart's `kubeVersion` is all there is). */
  readonly kubernetes: KubernetesVersions;
}

/** The newest of `releases` (oldest first) that supports every version of `range`; undefined when none does. */
export function newestReleaseFor(releases: readonly ChartRelease[], range: KubernetesVersions): ChartRelease | undefined {
  return [...releases].reverse().find((r) => r.kubernetes.covers(range));
}

/** The newest of `releases` that supports `version`; undefined when none does. */
export function newestReleaseSupporting(releases: readonly ChartRelease[], version: KubernetesVersion): ChartRelease | undefined {
  return [...releases].reverse().find((r) => r.kubernetes.includes(version));
}

/** "4.12.8 (1.28-1.32), 4.15.1 (1.31-1.35)": what each recorded release supports. */
export function supportedRanges(releases: readonly ChartRelease[]): string {
  return releases.map((r) => `${r.version} (${String(r.kubernetes)})`).join(', ');
}

/**
 * The release of `addon` a build installs: the newest recorded one that supports every Kubernetes
 * version of the platform. A platform whose versions no recorded release supports is refused at
 * `site` (its cluster.kubernetes) with the ranges the releases do support.
 */
export function chartReleaseFor(
  site: Site,
  addon: { readonly name: string; readonly releases: readonly ChartRelease[] },
  range: KubernetesVersions,
  neededBy: string,
): ChartRelease {
  const chosen = newestReleaseFor(addon.releases, range);
  if (chosen) return chosen;
  return site.fail(
    range.toString(),
    `is supported by no recorded release of ${addon.name}, which ${neededBy} needs`,
    `run the platform on Kubernetes versions one release supports: ${supportedRanges(addon.releases)}; or record a release that supports ${String(range)} in lib/addons/${addon.name}.ts`,
  );
}
