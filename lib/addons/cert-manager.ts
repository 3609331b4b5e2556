import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition } from './addon-definition';
import { webhookCaBundles } from './helm-release';

/** The values of the cert-manager chart the build sets. */
export interface CertManagerValues {
  /** The CRDs are chart templates: installed and kept (helm.sh/resource-policy: keep) by the release. */
  readonly crds: { readonly enabled: boolean; readonly keep: boolean };
}

/** cert-manager v1.16 (Kubernetes 1.25-1.32): the ACME issuers and certificates. */
export const certManager: AddonDefinition = {
  name: 'cert-manager',
  summary: 'cert-manager v1.16.5 (chart cert-manager), namespace cert-manager (restricted)',
  kinds: [
    'cert-manager.io/ClusterIssuer',
    'cert-manager.io/Issuer',
    'cert-manager.io/Certificate',
    'acme.cert-manager.io/Order',
    'acme.cert-manager.io/Challenge',
  ],
  install(installer) {
    installer.namespace('cert-manager', PodSecurityLevel.RESTRICTED, 'cert-manager');
    installer.release<CertManagerValues>({
      name: 'cert-manager',
      namespace: 'cert-manager',
      chart: { repository: { name: 'jetstack', url: 'https://charts.jetstack.io' }, chart: 'cert-manager', version: 'v1.16.5' },
      values: { crds: { enabled: true, keep: true } },
      // cainjector writes the CA into the webhook configurations' one webhook each (chart templates
      // webhook-validating-webhook.yaml and webhook-mutating-webhook.yaml carry
      // cert-manager.io/inject-ca-from-secret, and no caBundle of their own).
      driftIgnore: [
        { kind: 'ValidatingWebhookConfiguration', paths: webhookCaBundles(1) },
        { kind: 'MutatingWebhookConfiguration', paths: webhookCaBundles(1) },
      ],
    });
  },
};
