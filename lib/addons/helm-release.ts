import { k8s } from 'cdk8s-plus-28';
import {
  HelmRelease,
  HelmReleaseSpecChartSpecSourceRefKind,
  HelmReleaseSpecDriftDetectionMode,
  HelmReleaseSpecInstallCrds,
  HelmReleaseSpecUpgradeCrds,
  HelmReleaseSpecUpgradeRemediationStrategy,
} from '../imports/helmrelease-helm.toolkit.fluxcd.io';
import { HelmRepository } from '../imports/helmrepository-source.toolkit.fluxcd.io';
import { declareException, PolicyRule } from '../core/exceptions';
import { FLUX_NAMESPACE, KUBERNETES_NAMESPACES } from '../core/kinds';
import { podSecurityLabels, PodSecurityLevel } from '../core/pod-security';
import { CheckedConstruct } from '../core/app-checks';

/** An HTTP Helm repository (the Flux source of 1.28-era controllers serves OCIRepository only as v1beta2). */
export interface HelmRepositorySource {
  readonly name: string;
  readonly url: string;
}

/** A chart at one pinned version. */
export interface HelmChart {
  readonly repository: HelmRepositorySource;
  readonly chart: string;
  readonly version: string;
}

/** One Helm release of an add-on; `V` is the chart's values, typed by the add-on. */
export interface AddonRelease<V extends object> {
  /** The HelmRelease's name and the Helm release name (set explicitly: selectors rely on it). */
  readonly name: string;
  /** Where the chart's objects go. */
  readonly namespace: string;
  readonly chart: HelmChart;
  readonly values: V;
  /** Releases of this build that must be Ready first (same layer: Flux orders them). */
  readonly dependsOn?: readonly string[];
  /**
   * Fields of the chart's objects that the add-on's own controllers (or hook jobs) rewrite in the
   * cluster, which drift detection must leave alone or it "corrects" them on every reconcile. Each
   * add-on lists the ones its chart and controllers are known to rewrite, with the source.
   * @default none: drift detection corrects every field
   */
  readonly driftIgnore?: readonly DriftIgnore[];
}

/** Fields of one kind of the release's objects that drift detection ignores (JSON pointers, RFC 6901). */
export interface DriftIgnore {
  readonly kind: string;
  /** @default every object of the kind in the release */
  readonly name?: string;
  readonly paths: readonly string[];
}

/** The caBundle of the first `count` webhooks of a webhook configuration, which a controller injects at run time. */
export function webhookCaBundles(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `/webhooks/${i}/clientConfig/caBundle`);
}

// Charts are looked up twice a day; a release is reconciled (and drift corrected) every 30m, with
// up to 3 retries on a failed install or upgrade, the upgrade rolled back when they run out.
const REPOSITORY_INTERVAL = '12h';
const RELEASE_INTERVAL = '30m';
const RELEASE_TIMEOUT = '10m';
const RETRIES = 3;

/**
 * Where a build's add-ons are made: each namespace and Helm repository once, and one HelmRelease
 * (helm.toolkit.fluxcd.io/v2) per release, with its CRDs created and replaced by the release,
 * remediation with retries, and drift detection that ignores what the add-on's controllers rewrite.
 */
export class AddonInstaller extends CheckedConstruct {
  private readonly namespaces = new Set<string>();
  private readonly repositories = new Set<string>();
  /** Release names, in the order they were made. */
  readonly releases: string[] = [];

  /** The namespace an add-on runs in, enforcing the Pod Security level its pods need; Kubernetes' own are never created. */
  namespace(name: string, level: PodSecurityLevel, why: string): void {
    if (KUBERNETES_NAMESPACES.includes(name) || this.namespaces.has(name)) return;
    this.namespaces.add(name);
    const namespace = new k8s.KubeNamespace(this, `namespace-${name}`, { metadata: { name, labels: podSecurityLabels(level) } });
    declareException(namespace, {
      rule: PolicyRule.DEFAULT_DENY,
      reason: `${why}: its chart's pods take traffic from the API server (webhooks) and the nodes, which a default deny would cut`,
    });
  }

  release<V extends object>(release: AddonRelease<V>): void {
    const { repository } = release.chart;
    if (!this.repositories.has(repository.name)) {
      this.repositories.add(repository.name);
      new HelmRepository(this, `repository-${repository.name}`, {
        metadata: { name: repository.name, namespace: FLUX_NAMESPACE },
        spec: { interval: REPOSITORY_INTERVAL, url: repository.url },
      });
    }
    this.releases.push(release.name);
    new HelmRelease(this, `release-${release.name}`, {
      metadata: { name: release.name, namespace: FLUX_NAMESPACE },
      spec: {
        interval: RELEASE_INTERVAL,
        timeout: RELEASE_TIMEOUT,
        releaseName: release.name,
        targetNamespace: release.namespace,
        chart: {
          spec: {
            chart: release.chart.chart,
            version: release.chart.version,
            interval: REPOSITORY_INTERVAL,
            sourceRef: { kind: HelmReleaseSpecChartSpecSourceRefKind.HELM_REPOSITORY, name: repository.name, namespace: FLUX_NAMESPACE },
          },
        },
        dependsOn: release.dependsOn?.length ? release.dependsOn.map((name) => ({ name })) : undefined,
        install: { crds: HelmReleaseSpecInstallCrds.CREATE_REPLACE, remediation: { retries: RETRIES } },
        upgrade: {
          crds: HelmReleaseSpecUpgradeCrds.CREATE_REPLACE,
          remediation: { retries: RETRIES, remediateLastFailure: true, strategy: HelmReleaseSpecUpgradeRemediationStrategy.ROLLBACK },
        },
        driftDetection: {
          mode: HelmReleaseSpecDriftDetectionMode.ENABLED,
          ignore: release.driftIgnore?.length
            ? release.driftIgnore.map((rule) => ({ paths: [...rule.paths], target: { kind: rule.kind, name: rule.name } }))
            : undefined,
        },
        values: release.values,
      },
    });
  }
}
