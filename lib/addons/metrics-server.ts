import { AddonDefinition } from './addon-definition';

/** The values of the metrics-server chart the build sets; the chart's defaults run under Pod Security restricted (chart 3.10.0 on). */
export interface MetricsServerValues {
  /** The APIService v1beta1.metrics.k8s.io: the reason to install it. */
  readonly apiService: { readonly create: boolean };
}

/**
 * metrics-server 0.7.2 (chart 3.12.2), which serves the aggregated metrics API
 * (metrics.k8s.io) that HorizontalPodAutoscalers on CPU or memory read at run time. The 0.7 line
 * supports Kubernetes 1.27 and later, 0.8 only 1.31 and later (compatibility matrix,
 * github.com/kubernetes-sigs/metrics-server README; chart CHANGELOG 3.12.2). EKS does not ship
 * it; k3s and the managed add-ons of other clouds do (declare those provided).
 */
export const metricsServer: AddonDefinition = {
  name: 'metrics-server',
  summary:
    'metrics-server 0.7.2 serving the metrics API metrics.k8s.io for HorizontalPodAutoscalers (chart metrics-server 3.12.2), namespace kube-system',
  kinds: [],
  apis: ['metrics.k8s.io'],
  install(installer) {
    installer.release<MetricsServerValues>({
      name: 'metrics-server',
      namespace: 'kube-system',
      chart: {
        repository: { name: 'metrics-server', url: 'https://kubernetes-sigs.github.io/metrics-server/' },
        chart: 'metrics-server',
        version: '3.12.2',
      },
      values: { apiService: { create: true } },
    });
  },
};
