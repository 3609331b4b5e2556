import { KubernetesVersions } from '../core/kubernetes-version';
import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition } from './addon-definition';
import { ChartRelease } from './chart-release';
import { webhookCaBundles } from './helm-release';

/** The values of the cert-manager chart the build sets (the same keys in every release below: `crds` since v1.15). */
export interface CertManagerValues {
  /** The CRDs are chart templates: installed and kept (helm.sh/resource-policy: keep) by the release. */
  readonly crds: { readonly enabled: boolean; readonly keep: boolean };
}

/**
 * The cert-manager releases the build may install: the last patch of each line, with the Kubernetes
 * versions cert-manager supports it on (cert-manager/website content/docs/releases/README.md,
 * "Supported releases" and "Old releases" tables, 2026-08-22). The chart's own `kubeVersion` is
 * ">= 1.22.0-0" in every one (deploy/charts/cert-manager/Chart.yaml at each tag), a floor only.
 */
export const CERT_MANAGER_RELEASES: readonly ChartRelease[] = [
  { version: 'v1.16.5', kubernetes: KubernetesVersions.between('1.25', '1.32') },
  { version: 'v1.18.6', kubernetes: KubernetesVersions.between('1.29', '1.33') },
  { version: 'v1.19.6', kubernetes: KubernetesVersions.between('1.31', '1.35') },
  { version: 'v1.20.3', kubernetes: KubernetesVersions.between('1.32', '1.35') },
  { version: 'v1.21.1', kubernetes: KubernetesVersions.between('1.33', '1.36') },
];

/** cert-manager: the ACME issuers and certificates. */
export const certManager: AddonDefinition = {
  name: 'cert-manager',
  summary: 'cert-manager, namespace cert-manager (restricted)',
  chart: 'cert-manager',
  releases: CERT_MANAGER_RELEASES,
  kinds: [
    'cert-manager.io/ClusterIssuer',
    'cert-manager.io/Issuer',
    'cert-manager.io/Certificate',
    'acme.cert-manager.io/Order',
    'acme.cert-manager.io/Challenge',
  ],
  install(installer, _need, _inputs, release) {
    installer.namespace('cert-manager', PodSecurityLevel.RESTRICTED, 'cert-manager');
    installer.release<CertManagerValues>({
      name: 'cert-manager',
      namespace: 'cert-manager',
      chart: { repository: { name: 'jetstack', url: 'https://charts.jetstack.io' }, chart: 'cert-manager', version: release.version },
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
