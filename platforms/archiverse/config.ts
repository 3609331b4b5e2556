import { ClusterContract, ControlPlane, Environment, KubernetesVersions } from '../../lib';

/** The values that differ between archiverse clusters; the charts take everything else from lib/. */
export interface ArchiverseConfig {
  /** Which cluster: names its dist/ and kustomization/ folders (production: plain `archiverse`). */
  readonly environment: Environment;
  readonly namespace: string;
  /** Public host name served by the Ingress. */
  readonly host: string;
  /** ACME account contact for certificate expiry notices. */
  readonly acmeEmail: string;
  /** Image references, pinned here: a new tag is a change to this file, reviewed like any other (nothing rewrites them in CI). */
  readonly images: { readonly frontend: string; readonly backend: string; readonly postgres: string };
  /** Azure Key Vault holding the database password and connection string. */
  readonly keyVault: { readonly name: string; readonly tenantId: string; readonly workloadIdentityClientId: string };
  readonly database: { readonly name: string; readonly user: string; readonly size: string; readonly storageClass: string };
  /** What the AKS cluster provides; the build installs the rest. */
  readonly cluster: ClusterContract;
}

export const archiverseProduction: ArchiverseConfig = {
  environment: Environment.PRODUCTION,
  namespace: 'archiverse',
  host: 'archiverse.example.com',
  acmeEmail: 'platform@archiverse.example.com',
  images: {
    frontend: 'archiverse.azurecr.io/archiverse/frontend:1.0.0',
    backend: 'archiverse.azurecr.io/archiverse/api:1.0.0',
    postgres: 'postgres:16.4',
  },
  keyVault: {
    name: 'archiverse-kv',
    tenantId: '00000000-0000-0000-0000-000000000000',
    workloadIdentityClientId: '00000000-0000-0000-0000-000000000000',
  },
  // AKS's built-in CSI disk class; the database keeps its data on an Azure managed disk.
  database: { name: 'archiverse', user: 'archiverse', size: '10Gi', storageClass: 'managed-csi' },
  cluster: {
    // The seed names no version. AKS supports 1.35 until March 2027 and 1.36 until June 2027
    // (learn.microsoft.com, AKS Kubernetes release calendar). 1.35, because ingress-nginx, retired in
    // March 2026, has no release for 1.36 (lib/addons/ingress-nginx.ts): the upgrade report in
    // docs/archiverse.md says what moving to 1.36 takes.
    kubernetes: KubernetesVersions.of('1.35'),
    controlPlane: ControlPlane.aks(),
    provided: [
      {
        addon: 'aks-storage-classes',
        reason: 'AKS creates its built-in CSI storage classes, managed-csi among them',
        objects: ['StorageClass/managed-csi'],
      },
      {
        addon: 'azure-workload-identity',
        reason:
          "AKS runs the workload identity webhook (cluster created with --enable-oidc-issuer --enable-workload-identity) that the Key Vault provider's token needs",
      },
      { addon: 'coredns', reason: 'AKS installs CoreDNS in kube-system' },
    ],
  },
};
