import { AddonNeed } from '../core/addon-needs';
import { KubernetesVersions } from '../core/kubernetes-version';
import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition } from './addon-definition';
import { ChartRelease } from './chart-release';
import { webhookCaBundles } from './helm-release';

/** The values of kube-prometheus-stack the build sets. */
export interface KubePrometheusStackValues {
  /** The CRDs subchart's crds/ folder: created and replaced by the release (CreateReplace). */
  readonly crds: { readonly enabled: boolean };
  readonly defaultRules: { readonly create: boolean };
  readonly grafana: { readonly enabled: boolean };
  readonly alertmanager: { readonly enabled: boolean };
  readonly nodeExporter: { readonly enabled: boolean };
  readonly kubeStateMetrics: { readonly enabled: boolean };
  /** Prometheus selects monitors and rules labelled `release: <release name>`. */
  readonly prometheus: {
    readonly prometheusSpec: { readonly serviceMonitorSelectorNilUsesHelmValues: boolean; readonly ruleSelectorNilUsesHelmValues: boolean };
  };
}

/**
 * The kube-prometheus-stack release the build installs: 88.3.0 ships Prometheus Operator v0.93.0,
 * the version of the pinned CRDs. Its chart states only a floor, `kubeVersion: ">=1.25.0-0"`
 * (prometheus-community/helm-charts charts/kube-prometheus-stack/Chart.yaml at
 * kube-prometheus-stack-88.3.0), so it supports every later version.
 */
export const KUBE_PROMETHEUS_STACK_RELEASES: readonly ChartRelease[] = [
  { version: '88.3.0', app: 'Prometheus Operator v0.93.0', kubernetes: KubernetesVersions.from('1.25') },
];

/** kube-prometheus-stack: the Prometheus Operator with Prometheus, Alertmanager, node-exporter and kube-state-metrics. */
export const prometheusOperator: AddonDefinition = {
  name: 'prometheus-operator',
  summary:
    "Prometheus Operator with Prometheus, Alertmanager, node-exporter and kube-state-metrics, in the stack's namespace (privileged: node-exporter uses the host network, PID namespace and paths)",
  chart: 'kube-prometheus-stack',
  releases: KUBE_PROMETHEUS_STACK_RELEASES,
  kinds: [
    'monitoring.coreos.com/ServiceMonitor',
    'monitoring.coreos.com/PodMonitor',
    'monitoring.coreos.com/PrometheusRule',
    'monitoring.coreos.com/Prometheus',
    'monitoring.coreos.com/Alertmanager',
  ],
  install(installer, need: AddonNeed, _inputs, release) {
    if (need.addon !== 'prometheus-operator') return;
    installer.namespace(need.namespace, PodSecurityLevel.PRIVILEGED, 'kube-prometheus-stack');
    installer.release<KubePrometheusStackValues>({
      name: need.releaseName,
      namespace: need.namespace,
      chart: {
        repository: { name: 'prometheus-community', url: 'https://prometheus-community.github.io/helm-charts' },
        chart: 'kube-prometheus-stack',
        version: release.version,
      },
      values: {
        crds: { enabled: true },
        defaultRules: { create: true },
        grafana: { enabled: false },
        alertmanager: { enabled: true },
        nodeExporter: { enabled: true },
        kubeStateMetrics: { enabled: true },
        prometheus: { prometheusSpec: { serviceMonitorSelectorNilUsesHelmValues: true, ruleSelectorNilUsesHelmValues: true } },
      },
      // The chart's admission-patch Job (kube-webhook-certgen patch, a post-install/post-upgrade
      // hook) writes the CA into both webhook configurations, one webhook each, which the chart
      // renders without one (templates/prometheus-operator/admission-webhooks/*WebhookConfiguration.yaml,
      // job-patch/job-patchWebhook.yaml). Their failurePolicy is the chart's own value: no drift.
      driftIgnore: [
        { kind: 'ValidatingWebhookConfiguration', paths: webhookCaBundles(1) },
        { kind: 'MutatingWebhookConfiguration', paths: webhookCaBundles(1) },
      ],
    });
  },
};
