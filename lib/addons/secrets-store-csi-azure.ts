import { KubernetesVersions } from '../core/kubernetes-version';
import { AddonDefinition } from './addon-definition';
import { ChartRelease } from './chart-release';

/** The values of the Azure provider chart (which bundles the Secrets Store CSI driver 1.5.x) the build sets. */
export interface SecretsStoreAzureValues {
  readonly 'secrets-store-csi-driver': {
    readonly install: boolean;
    /** The build's SecretProviderClasses sync Kubernetes Secrets (secretObjects). */
    readonly syncSecret: { readonly enabled: boolean };
    readonly enableSecretRotation: boolean;
  };
}

/**
 * The Azure provider release the build installs: chart 1.8.2 bundles the Secrets Store CSI driver
 * chart 1.5.6 and states only a floor, `kubeVersion: ">=1.16.0-0"`
 * (Azure/secrets-store-csi-driver-provider-azure charts/csi-secrets-store-provider-azure/Chart.yaml);
 * its docs recommend "v1.16.0+" (website/content/en/getting-started/installation/_index.md).
 */
export const SECRETS_STORE_AZURE_RELEASES: readonly ChartRelease[] = [
  { version: '1.8.2', app: 'Secrets Store CSI driver 1.5.6 + Azure provider 1.8.2', kubernetes: KubernetesVersions.from('1.16') },
];

/** The Secrets Store CSI driver and its Azure Key Vault provider, in kube-system (privileged: host paths). */
export const secretsStoreCsiAzure: AddonDefinition = {
  name: 'secrets-store-csi-azure',
  summary: 'Secrets Store CSI driver + Azure provider, namespace kube-system (privileged: the driver DaemonSet mounts host paths)',
  chart: 'csi-secrets-store-provider-azure',
  releases: SECRETS_STORE_AZURE_RELEASES,
  kinds: ['secrets-store.csi.x-k8s.io/SecretProviderClass', 'secrets-store.csi.x-k8s.io/SecretProviderClassPodStatus'],
  install(installer, _need, _inputs, release) {
    installer.release<SecretsStoreAzureValues>({
      name: 'csi-secrets-store-provider-azure',
      namespace: 'kube-system',
      chart: {
        repository: { name: 'csi-secrets-store-provider-azure', url: 'https://azure.github.io/secrets-store-csi-driver-provider-azure/charts' },
        chart: 'csi-secrets-store-provider-azure',
        version: release.version,
      },
      values: { 'secrets-store-csi-driver': { install: true, syncSecret: { enabled: true }, enableSecretRotation: true } },
    });
  },
};
