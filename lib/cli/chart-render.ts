import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { isClusterScoped } from '../core/kinds';
import { Manifest } from '../core/manifest';
import { UsageError } from './command-request';
import { helmPullCommand, PinnedChart, releaseLabel } from './helm-releases';

/** A chart Helm could not render (a template error, a missing dependency), with Helm's own words. */
export class ChartRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartRenderError';
  }
}

/** What one release's chart creates, as `helm template` renders it. */
export interface RenderedChart {
  readonly release: PinnedChart;
  /** The chart archive or folder rendered. */
  readonly source: string;
  readonly version: string;
  /** The Kubernetes version it was rendered at (helm template --kube-version) and is checked at. */
  readonly kubernetes: string;
  readonly objects: readonly Manifest[];
}

/** Runs Helm with its config, cache and data in a scratch folder: no repository the user added is read, nothing is fetched. */
export function runHelm(helm: string, args: readonly string[]): string {
  const home = mkdtempSync(join(tmpdir(), 'k8s-platforms-helm-'));
  try {
    const run = spawnSync(helm, args, {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        HELM_CACHE_HOME: join(home, 'cache'),
        HELM_CONFIG_HOME: join(home, 'config'),
        HELM_DATA_HOME: join(home, 'data'),
      },
    });
    if (run.error) throw new ChartRenderError(`could not run ${helm}: ${run.error.message}`);
    if (run.status !== 0) throw new ChartRenderError(`helm ${args[0]} failed: ${(run.stderr || run.stdout).trim()}`);
    return run.stdout;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Renders `release` from the chart at `source` with `helm template`, at the release's pinned
 * version (or `version`) and values (or `values`), for Kubernetes `kubeVersion`; CRDs included
 * (the releases create and replace them), test hooks left out (Flux runs them only when asked).
 * A chart whose Chart.yaml names another chart or version than the release pins is refused: its
 * objects would be reviewed as the ones the cluster installs, and they are not.
 */
export function renderChart(
  helm: string,
  release: PinnedChart,
  source: string,
  kubeVersion: string,
  pinned: { readonly version: string; readonly values: Record<string, unknown> } = release,
): RenderedChart {
  const chartYaml = parse(runHelm(helm, ['show', 'chart', source])) as { name?: string; version?: string } | null;
  if (chartYaml?.name !== release.chart || String(chartYaml?.version) !== pinned.version) {
    throw new UsageError(
      `charts: ${source} is chart ${chartYaml?.name} version ${chartYaml?.version}, and HelmRelease ${releaseLabel(release)} installs chart ${release.chart} version ${pinned.version}; fix: give the chart it installs (${helmPullCommand(release, pinned.version)})`,
    );
  }
  const scratch = mkdtempSync(join(tmpdir(), 'k8s-platforms-values-'));
  try {
    const valuesFile = join(scratch, 'values.json');
    writeFileSync(valuesFile, JSON.stringify(pinned.values));
    const stream = runHelm(helm, [
      'template',
      release.releaseName,
      source,
      '--namespace',
      release.namespace,
      '--kube-version',
      kubeVersion,
      '--include-crds',
      '--skip-tests',
      '--values',
      valuesFile,
    ]);
    return { release, source, version: pinned.version, kubernetes: kubeVersion, objects: manifestsOf(stream, release, pinned.version) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The objects of Helm's output; a namespaced object without a namespace goes to the release's, as Helm installs it. */
function manifestsOf(stream: string, release: PinnedChart, version: string): Manifest[] {
  return parseAllDocuments(stream)
    .map((d) => d.toJS() as Record<string, any> | null)
    .filter((o): o is Record<string, any> => !!o && typeof o === 'object' && typeof o.kind === 'string')
    .map((object) => {
      const namespace = isClusterScoped(object.kind) ? undefined : (object.metadata?.namespace ?? release.namespace);
      if (namespace !== undefined) object.metadata = { ...object.metadata, namespace };
      return {
        path: `${releaseLabel(release)} chart ${release.chart} ${version}: ${object.kind} ${namespace ? `${namespace}/` : ''}${object.metadata?.name}`,
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata?.name,
        namespace,
        object,
      };
    });
}
