import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition } from './addon-definition';
import { webhookCaBundles } from './helm-release';

/** The values of the ingress-nginx chart the build sets. */
export interface IngressNginxValues {
  readonly controller: {
    readonly ingressClass: string;
    readonly ingressClassResource: { readonly name: string; readonly enabled: boolean; readonly default: boolean; readonly controllerValue: string };
    readonly watchIngressWithoutClass: boolean;
  };
}

/**
 * ingress-nginx 4.12 (controller 1.12, the last line for Kubernetes 1.28). The project is retired
 * (no fixes after March 2026): prefer another controller for a new platform.
 */
export const ingressNginx: AddonDefinition = {
  name: 'ingress-nginx',
  summary: 'ingress-nginx 4.12.8 (controller 1.12; the project is retired, no fixes after March 2026), namespace ingress-nginx (restricted)',
  kinds: [],
  objects: ['IngressClass/nginx'],
  install(installer) {
    installer.namespace('ingress-nginx', PodSecurityLevel.RESTRICTED, 'ingress-nginx');
    installer.release<IngressNginxValues>({
      name: 'ingress-nginx',
      namespace: 'ingress-nginx',
      chart: { repository: { name: 'ingress-nginx', url: 'https://kubernetes.github.io/ingress-nginx' }, chart: 'ingress-nginx', version: '4.12.8' },
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
