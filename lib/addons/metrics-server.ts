import { KubernetesVersions } from '../core/kubernetes-version';
import { AddonDefinition } from './addon-definition';
import { ChartRelease } from './chart-release';

/** The values of the metrics-server chart the build sets; the chart's defaults run under Pod Security restricted (chart 3.10.0 on). */
export interface MetricsServerValues {
  /** The APIService v1beta1.metrics.k8s.io: the reason to install it. */
  readonly apiService: { readonly create: boolean };
}

/**
 * The metrics-server releases the build may install, with the Kubernetes versions each supports
 * (compatibility matrix, github.com/kubernetes-sigs/metrics-server README: 0.7.x 1.27+, 0.8.x
 * 1.31+). Chart 3.12.2 ships 0.7.2 and chart 3.13.0 ships 0.8.0 (charts/metrics-server/Chart.yaml
 * appVersion; CHANGELOG). `apiService.create` has the same meaning in both.
 */
export const METRICS_SERVER_RELEASES: readonly ChartRelease[] = [
  { version: '3.12.2', app: 'metrics-server 0.7.2', kubernetes: KubernetesVersions.from('1.27') },
  { version: '3.13.0', app: 'metrics-server 0.8.0', kubernetes: KubernetesVersions.from('1.31') },
];

/**
 * metrics-server, which serves the aggregated metrics API (metrics.k8s.io) that
 * HorizontalPodAutoscalers on CPU or memory read at run time. EKS does not ship it; k3s and the
 * managed add-ons of other clouds do (declare those provided).
 */
export const metricsServer: AddonDefinition = {
  name: 'metrics-server',
  summary: 'metrics-server serving the metrics API metrics.k8s.io for HorizontalPodAutoscalers, namespace kube-system',
  chart: 'metrics-server',
  releases: METRICS_SERVER_RELEASES,
  kinds: [],
  apis: ['metrics.k8s.io'],
  install(installer, _need, _inputs, release) {
    installer.release<MetricsServerValues>({
      name: 'metrics-server',
      namespace: 'kube-system',
      chart: {
        repository: { name: 'metrics-server', url: 'https://kubernetes-sigs.github.io/metrics-server/' },
        chart: 'metrics-server',
        version: release.version,
      },
      values: { apiService: { create: true } },
    });
  },
};
