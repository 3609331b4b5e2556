import { KubernetesVersions } from '../core/kubernetes-version';
import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition } from './addon-definition';
import { ChartRelease } from './chart-release';
import { webhookCaBundles } from './helm-release';

/** The values of the ingress-nginx chart the build sets (the same keys in every release below). */
export interface IngressNginxValues {
  readonly controller: {
    readonly ingressClass: string;
    readonly ingressClassResource: { readonly name: string; readonly enabled: boolean; readonly default: boolean; readonly controllerValue: string };
    readonly watchIngressWithoutClass: boolean;
  };
}

/**
 * The ingress-nginx releases the build may install: the last chart of each controller line, with the
 * Kubernetes versions the project tested it on (kubernetes/ingress-nginx README.md, "Supported
 * Versions table", at its last commit, 2026-03-19). The chart's `kubeVersion` is '>=1.21.0-0' in
 * each (charts/ingress-nginx/Chart.yaml at the helm-chart-4.x tags), a floor only. The project is
 * retired (no release after March 2026), so no release supports Kubernetes 1.36.
 */
export const INGRESS_NGINX_RELEASES: readonly ChartRelease[] = [
  { version: '4.12.8', app: 'controller 1.12.8', kubernetes: KubernetesVersions.between('1.28', '1.32') },
  { version: '4.13.9', app: 'controller 1.13.9', kubernetes: KubernetesVersions.between('1.29', '1.33') },
  { version: '4.14.5', app: 'controller 1.14.5', kubernetes: KubernetesVersions.between('1.30', '1.34') },
  { version: '4.15.1', app: 'controller 1.15.1', kubernetes: KubernetesVersions.between('1.31', '1.35') },
];

/** ingress-nginx. The project is retired (no fixes after March 2026): prefer another controller for a new platform. */
export const ingressNginx: AddonDefinition = {
  name: 'ingress-nginx',
  summary: 'ingress-nginx (the project is retired, no fixes after March 2026), namespace ingress-nginx (restricted)',
  chart: 'ingress-nginx',
  releases: INGRESS_NGINX_RELEASES,
  kinds: [],
  objects: ['IngressClass/nginx'],
  install(installer, _need, _inputs, release) {
    installer.namespace('ingress-nginx', PodSecurityLevel.RESTRICTED, 'ingress-nginx');
    installer.release<IngressNginxValues>({
      name: 'ingress-nginx',
      namespace: 'ingress-nginx',
      chart: {
        repository: { name: 'ingress-nginx', url: 'https://kubernetes.github.io/ingress-nginx' },
        chart: 'ingress-nginx',
        version: release.version,
      },
      values: {
        controller: {
          ingressClass: 'nginx',
          ingressClassResource: { name: 'nginx', enabled: true, default: false, controllerValue: 'k8s.io/ingress-nginx' },
          watchIngressWithoutClass: false,
        },
      },
      // The chart's admission-patch Job (kube-webhook-certgen patch, a Helm hook) writes the CA into
      // the one webhook of its validating configuration (templates/admission-webhooks/
      // validating-webhook.yaml renders none; job-patch/job-patchWebhook.yaml). The failurePolicy it
      // also sets is the chart's own value: no drift.
      driftIgnore: [{ kind: 'ValidatingWebhookConfiguration', paths: webhookCaBundles(1) }],
    });
  },
};
