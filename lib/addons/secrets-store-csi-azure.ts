import { AddonDefinition } from './addon-definition';

/** The values of the Azure provider chart (which bundles the Secrets Store CSI driver 1.5.x) the build sets. */
export interface SecretsStoreAzureValues {
  readonly 'secrets-store-csi-driver': {
    readonly install: boolean;
    /** The build's SecretProviderClasses sync Kubernetes Secrets (secretObjects). */
    readonly syncSecret: { readonly enabled: boolean };
    readonly enableSecretRotation: boolean;
  };
}

/** The Secrets Store CSI driver and its Azure Key Vault provider, in kube-system (privileged: host paths). */
export const secretsStoreCsiAzure: AddonDefinition = {
  name: 'secrets-store-csi-azure',
  summary:
    'Secrets Store CSI driver 1.5.6 + Azure provider (chart csi-secrets-store-provider-azure 1.8.2), namespace kube-system (privileged: the driver DaemonSet mounts host paths)',
  kinds: ['secrets-store.csi.x-k8s.io/SecretProviderClass', 'secrets-store.csi.x-k8s.io/SecretProviderClassPodStatus'],
  install(installer) {
    installer.release<SecretsStoreAzureValues>({
      name: 'csi-secrets-store-provider-azure',
      namespace: 'kube-system',
      chart: {
        repository: { name: 'csi-secrets-store-provider-azure', url: 'https://azure.github.io/secrets-store-csi-driver-provider-azure/charts' },
        chart: 'csi-secrets-store-provider-azure',
        version: '1.8.2',
      },
      values: { 'secrets-store-csi-driver': { install: true, syncSecret: { enabled: true }, enableSecretRotation: true } },
    });
  },
};
