import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './command-request';
import { PinnedChart, releaseLabel } from './helm-releases';

/** Where the chart command finds charts: archives or folders given per release, and a folder of archives. */
export interface ChartSources {
  /** `--chart <release>=<path>`: the release's HelmRelease name, or `<build>/<name>` when builds share a name. */
  readonly charts?: readonly string[];
  /** `--charts-dir`: `<chart>-<version>.tgz` archives, as `helm pull` names them. */
  readonly chartsDir?: string;
}

/** Environment variable of the charts folder for `npm run diff` (the same as --charts-dir). */
export const CHARTS_DIR_ENV = 'K8S_PLATFORMS_CHARTS_DIR';

/**
 * The chart to render for `release` at `version` (its pinned one by default): the path given
 * with --chart for it, else `<charts-dir>/<chart>-<version>.tgz` when present; undefined when
 * neither is at hand. A --chart path serves only the release's pinned version, so a diff's other
 * side comes from the charts folder.
 */
export function chartSourceOf(release: PinnedChart, sources: ChartSources, version = release.version): string | undefined {
  const given = givenCharts(sources.charts ?? []);
  const path = given.get(releaseLabel(release)) ?? given.get(release.name);
  if (path !== undefined && version === release.version) return path;
  if (sources.chartsDir === undefined) return undefined;
  const archive = join(sources.chartsDir, `${release.chart}-${version}.tgz`);
  return existsSync(archive) ? archive : undefined;
}

/** The --chart arguments as release -> path; a malformed one, or a path that is not there, is refused. */
export function givenCharts(charts: readonly string[]): Map<string, string> {
  const given = new Map<string, string>();
  for (const arg of charts) {
    const at = arg.indexOf('=');
    if (at <= 0 || at === arg.length - 1)
      throw new UsageError(
        `charts: --chart ${JSON.stringify(arg)} is not <release>=<path>; e.g. --chart cert-manager=charts/cert-manager-v1.16.5.tgz`,
      );
    const [release, path] = [arg.slice(0, at), arg.slice(at + 1)];
    if (!existsSync(path)) throw new UsageError(`charts: --chart ${release}=${path}: there is no such file or folder`);
    given.set(release, path);
  }
  return given;
}

/** Refuses a --chart naming no HelmRelease of the chosen builds, and a --charts-dir that is not a folder. */
export function checkSources(sources: ChartSources, releases: readonly PinnedChart[]): void {
  for (const name of givenCharts(sources.charts ?? []).keys()) {
    if (!releases.some((r) => r.name === name || releaseLabel(r) === name))
      throw new UsageError(
        `charts: --chart ${name}=... names no HelmRelease of the chosen builds; they are ${releases.map(releaseLabel).join(', ') || '(none)'}`,
      );
  }
  if (sources.chartsDir !== undefined && !(existsSync(sources.chartsDir) && statSync(sources.chartsDir).isDirectory()))
    throw new UsageError(`charts: --charts-dir ${sources.chartsDir} is not a folder`);
}
