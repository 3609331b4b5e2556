import { DistObject, objectsOfTree } from '../output/dist-objects';

/** A HelmRelease of a build as written to dist/: the chart, version and values Flux installs. */
export interface PinnedChart {
  /** The build folder. */
  readonly build: string;
  /** The HelmRelease's name. */
  readonly name: string;
  /** Helm's release name (spec.releaseName, else the HelmRelease's name). */
  readonly releaseName: string;
  /** Where the chart's namespaced objects go (spec.targetNamespace, else the HelmRelease's). */
  readonly namespace: string;
  readonly chart: string;
  /** The pinned version (spec.chart.spec.version). */
  readonly version: string;
  /** The HelmRepository's URL, when the build holds it. */
  readonly repository?: string;
  readonly values: Record<string, unknown>;
  /** spec.valuesFrom: values from ConfigMaps or Secrets of the cluster, which a render here cannot read. */
  readonly valuesFromCluster: boolean;
}

/** The `helm pull` that fetches a release's chart at `version` into the current folder. */
export function helmPullCommand(r: PinnedChart, version: string): string {
  return `helm pull ${r.chart} --version ${version}${r.repository ? ` --repo ${r.repository}` : ''}`;
}

/** `<build>/<HelmRelease name>`, how the chart command and the diff name a release. */
export function releaseLabel(r: PinnedChart): string {
  return `${r.build}/${r.name}`;
}

/** The HelmReleases of a dist/ tree, by build and name. */
export function helmReleasesOf(tree: ReadonlyMap<string, string>): PinnedChart[] {
  const objects = [...objectsOfTree(tree).values()];
  const repositories = new Map(objects.filter((o) => o.kind === 'HelmRepository').map((o) => [`${o.platform}/${o.namespace}/${o.name}`, o]));
  return objects
    .filter((o) => o.kind === 'HelmRelease')
    .map((o) => chartRelease(o, repositories))
    .sort((a, b) => releaseLabel(a).localeCompare(releaseLabel(b)));
}

function chartRelease(o: DistObject, repositories: ReadonlyMap<string, DistObject>): PinnedChart {
  const spec = o.object.spec ?? {};
  const chart = spec.chart?.spec ?? {};
  const source = chart.sourceRef ?? {};
  const repository = repositories.get(`${o.platform}/${source.namespace ?? o.namespace}/${source.name}`);
  return {
    build: o.platform,
    name: o.name,
    releaseName: spec.releaseName ?? o.name,
    namespace: spec.targetNamespace ?? o.namespace ?? 'default',
    chart: String(chart.chart),
    version: String(chart.version ?? '(no version pinned)'),
    repository: repository?.object.spec?.url,
    values: spec.values ?? {},
    valuesFromCluster: Array.isArray(spec.valuesFrom) && spec.valuesFrom.length > 0,
  };
}
