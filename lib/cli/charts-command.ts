import { Environment } from '../core/environment';
import { EXCEPTION_ANNOTATION_PREFIX } from '../core/exceptions';
import { verifyPlatform } from '../policy/verify';
import { ChartRenderError, RenderedChart, renderChart, runHelm } from './chart-render';
import { ChartSources, checkSources, chartSourceOf } from './chart-sources';
import { helmBinary, HelmUnavailableError } from './helm-binary';
import { PinnedChart, helmPullCommand, helmReleasesOf, releaseLabel } from './helm-releases';
import { chartKubernetesVersion } from './kubernetes-version';
import { KubernetesVersions } from '../core/kubernetes-version';

/** One release as the chart command saw it: rendered and checked, or not seen, with why. */
export type ChartOutcome =
  | { readonly release: PinnedChart; readonly rendered: RenderedChart; readonly findings: readonly string[] }
  | { readonly release: PinnedChart; readonly notSeen: string };

/** Helm, found once per command (extracting it on first use), and the release's Kubernetes version. */
export class ChartRenderer {
  private helm?: string;

  /** `versions`: each build's Kubernetes versions (buildVersions of the synth's report). */
  constructor(private readonly versions: ReadonlyMap<string, string> = new Map()) {}

  get binary(): string {
    return (this.helm ??= helmBinary());
  }

  version(): string {
    return runHelm(this.binary, ['version', '--template', '{{.Version}}']).trim();
  }

  render(release: PinnedChart, source: string, pinned?: { readonly version: string; readonly values: Record<string, unknown> }): RenderedChart {
    return renderChart(this.binary, release, source, chartKubernetesVersion(this.versions, release.build), pinned);
  }
}

/**
 * Renders each HelmRelease of `tree` (the chosen builds' dist/) whose chart is at hand and runs
 * the checks that need no node pools on what it creates: the schemas and every policy rule, as for
 * objects outside a platform (lib/pipeline/app-checks.ts). The chart's objects are third-party:
 * findings are reported, never a refusal of the synth.
 */
export function chartOutcomes(tree: ReadonlyMap<string, string>, sources: ChartSources, renderer: ChartRenderer): ChartOutcome[] {
  const releases = helmReleasesOf(tree);
  checkSources(sources, releases);
  return releases.map((release) => {
    const source = chartSourceOf(release, sources);
    if (source === undefined) return { release, notSeen: neededChart(release) };
    const rendered = renderer.render(release, source);
    return { release, rendered, findings: checkRendered(rendered) };
  });
}

/**
 * Schema and policy findings on a rendered chart's objects, as messages. A chart's object is
 * excused the way any object is, by the exception annotation on it, which the release sets through
 * the chart's values (most charts take annotations); the messages say so instead of
 * declareException, which only objects made in TypeScript can call.
 */
export function checkRendered(rendered: RenderedChart): string[] {
  const { errors } = verifyPlatform({
    name: releaseLabel(rendered.release),
    environment: Environment.PRODUCTION,
    kubernetes: KubernetesVersions.of(rendered.kubernetes),
    manifests: [...rendered.objects],
  });
  return errors.map((e) =>
    e.message.replace(
      /declareException\(obj, \{ rule: PolicyRule\.\w+, reason \}\)/,
      () =>
        `set the annotation ${EXCEPTION_ANNOTATION_PREFIX}${/ \[([a-z][a-z0-9-]*)\](?= \(got|;)/.exec(e.message)?.[1] ?? '<rule>'}: <reason> on it through the release's values`,
    ),
  );
}

/** What it would take to see a release's chart: the archive, where it comes from, and how to fetch it. */
export function neededChart(release: PinnedChart, version = release.version): string {
  const pull = helmPullCommand(release, version);
  return `no chart at hand: needs chart ${release.chart} ${version}${release.repository ? ` from ${release.repository}` : ''} (${pull}, into the --charts-dir folder, or --chart ${release.name}=<archive or folder>)`;
}

/** `3 Deployment, 1 Service`: a rendered chart's objects by kind. */
export function kindCounts(rendered: RenderedChart): string {
  const counts = new Map<string, number>();
  for (const o of rendered.objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

/** The command's report: per release, rendered (objects by kind, findings) or not seen; then the totals. */
export function formatChartOutcomes(outcomes: readonly ChartOutcome[], helmVersion: string | undefined): string {
  const lines = [`chart contents of ${outcomes.length} HelmReleases${helmVersion ? ` (Helm ${helmVersion})` : ''}:`];
  for (const o of outcomes) {
    const label = releaseLabel(o.release);
    if ('notSeen' in o) {
      lines.push(`  ${label}: not seen: ${o.notSeen}`);
      continue;
    }
    const { rendered, findings } = o;
    lines.push(
      `  ${label}: chart ${o.release.chart} ${rendered.version} from ${rendered.source}, Kubernetes ${rendered.kubernetes}: ${rendered.objects.length} objects (${kindCounts(rendered) || 'none'}); ${findings.length === 0 ? 'passes every check' : `${findings.length} findings`}`,
    );
    if (o.release.valuesFromCluster)
      lines.push(`      its valuesFrom (ConfigMaps and Secrets of the cluster) are not applied here: rendered with spec.values only`);
    for (const finding of findings) lines.push(...finding.split('\n').map((l) => `      ${l}`));
  }
  const seen = outcomes.filter((o) => 'rendered' in o);
  const findings = seen.reduce((n, o) => n + ('findings' in o ? o.findings.length : 0), 0);
  lines.push(`${seen.length} rendered (${findings} findings), ${outcomes.length - seen.length} not seen`);
  return lines.join('\n');
}

/** True when the error is one the chart command explains itself (Helm missing, a chart Helm refuses). */
export function isChartError(error: unknown): error is Error {
  return error instanceof ChartRenderError || error instanceof HelmUnavailableError;
}
