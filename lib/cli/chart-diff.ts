import { stringify } from 'yaml';
import { diffTrees, PlatformChanges } from '../changes/object-changes';
import { fileName } from '../output/layout';
import { RenderedChart } from './chart-render';
import { ChartSources, chartSourceOf } from './chart-sources';
import { ChartRenderer, checkRendered, neededChart } from './charts-command';
import { PinnedChart, helmReleasesOf, releaseLabel } from './helm-releases';

/** What the diff says about charts: each changed release's objects compared, or why it could not look inside. */
export interface ChartDiff {
  /** Per changed release whose charts were at hand: its objects added, removed and changed. */
  readonly changes: readonly PlatformChanges[];
  /** Findings of the checks on what the new side's charts create. */
  readonly findings: readonly string[];
  /** Per changed release it could not render: which and why. */
  readonly notSeen: readonly string[];
  /** Releases whose chart, version and values did not change (their objects cannot have). */
  readonly unchanged: number;
}

/**
 * Compares what each HelmRelease whose chart, version or values changed between `before` and
 * `after` (dist/ trees) creates: its chart rendered at the baseline's pinned version and values and
 * at the new ones, object by object, as the object diff compares dist/. The charts come from the
 * charts folder (`<chart>-<version>.tgz`); a release with either side missing is named as not seen.
 */
export function chartDiff(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  sources: ChartSources,
  renderer: ChartRenderer,
): ChartDiff {
  const old = new Map(helmReleasesOf(before).map((r) => [releaseLabel(r), r]));
  const next = new Map(helmReleasesOf(after).map((r) => [releaseLabel(r), r]));
  const labels = [...new Set([...old.keys(), ...next.keys()])].sort();
  const changes: PlatformChanges[] = [];
  const findings: string[] = [];
  const notSeen: string[] = [];
  let unchanged = 0;
  for (const label of labels) {
    const [was, now] = [old.get(label), next.get(label)];
    if (was && now && sameInstall(was, now)) {
      unchanged++;
      continue;
    }
    const sides = [was, now].map((r) => (r ? { release: r, source: chartSourceOf(r, sources) } : undefined));
    const missing = sides.filter((s) => s && s.source === undefined).map((s) => neededChart(s!.release));
    if (missing.length > 0) {
      notSeen.push(`${label} (${describe(was, now)}): ${missing.join('; ')}`);
      continue;
    }
    const [oldRender, newRender] = sides.map((s) => (s ? renderer.render(s.release, s.source!) : undefined));
    // The object diff reads the first path segment as the build: a label without '/'.
    const platform = `${label.replace('/', ': HelmRelease ')}, ${describe(was, now)}`;
    changes.push(...diffTrees(treeOf(platform, oldRender), treeOf(platform, newRender)));
    if (newRender) findings.push(...checkRendered(newRender));
  }
  return { changes, findings, notSeen, unchanged };
}

function sameInstall(a: PinnedChart, b: PinnedChart): boolean {
  return (
    a.chart === b.chart &&
    a.version === b.version &&
    a.releaseName === b.releaseName &&
    a.namespace === b.namespace &&
    JSON.stringify(a.values) === JSON.stringify(b.values)
  );
}

function describe(was: PinnedChart | undefined, now: PinnedChart | undefined): string {
  if (!was) return `added: chart ${now!.chart} ${now!.version}`;
  if (!now) return `removed: chart ${was.chart} ${was.version}`;
  return was.chart === now.chart && was.version === now.version
    ? `chart ${now.chart} ${now.version}, values changed`
    : `chart ${was.chart} ${was.version} -> ${now.chart} ${now.version}`;
}

/** A rendered chart as a dist/-shaped tree under one folder, so the object diff reads it. */
function treeOf(platform: string, rendered: RenderedChart | undefined): Map<string, string> {
  const tree = new Map<string, string>();
  for (const m of rendered?.objects ?? []) tree.set(`${platform}/chart/${fileName(m, true)}`, stringify(m.object));
  return tree;
}

/** The diff's chart section for a terminal (or, with `markdown`, a pull-request comment). */
export function formatChartDiff(
  diff: ChartDiff,
  sourcesGiven: boolean,
  format: (changes: readonly PlatformChanges[]) => string,
  markdown = false,
): string {
  const lines: string[] = [];
  const heading = markdown ? '## Chart contents' : 'chart contents:';
  lines.push(heading);
  if (diff.changes.length > 0) lines.push(format(diff.changes));
  if (diff.findings.length > 0)
    lines.push(`checks on what the changed charts create: ${diff.findings.length} findings`, ...diff.findings.map((f) => `  ${f}`));
  if (diff.notSeen.length > 0)
    lines.push(
      `could not look inside ${diff.notSeen.length} changed HelmReleases${sourcesGiven ? '' : ' (no charts given: --charts-dir <folder> or K8S_PLATFORMS_CHARTS_DIR)'}:`,
      ...diff.notSeen.map((n) => `  ${n}`),
    );
  lines.push(`${diff.unchanged} HelmReleases unchanged (same chart, version and values: the same objects)`);
  return lines.join('\n');
}
