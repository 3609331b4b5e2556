import { AddonNeed } from '../core/addon-needs';
import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition } from './addon-definition';
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

/** kube-prometheus-stack 88.3.0 (Prometheus Operator v0.93.0, the pinned CRDs). */
export const prometheusOperator: AddonDefinition = {
  name: 'prometheus-operator',
  summary:
    "Prometheus Operator v0.93.0 with Prometheus, Alertmanager, node-exporter and kube-state-metrics (chart kube-prometheus-stack 88.3.0), in the stack's namespace (privileged: node-exporter uses the host network, PID namespace and paths)",
  kinds: [
    'monitoring.coreos.com/ServiceMonitor',
    'monitoring.coreos.com/PodMonitor',
    'monitoring.coreos.com/PrometheusRule',
    'monitoring.coreos.com/Prometheus',
    'monitoring.coreos.com/Alertmanager',
  ],
  install(installer, need: AddonNeed) {
    if (need.addon !== 'prometheus-operator') return;
    installer.namespace(need.namespace, PodSecurityLevel.PRIVILEGED, 'kube-prometheus-stack');
    installer.release<KubePrometheusStackValues>({
      name: need.releaseName,
      namespace: need.namespace,
      chart: {
        repository: { name: 'prometheus-community', url: 'https://prometheus-community.github.io/helm-charts' },
        chart: 'kube-prometheus-stack',
        version: '88.3.0',
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
