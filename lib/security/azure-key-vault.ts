import { checkListOfObjects } from '../core/shapes';
import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { SecretProviderClass } from '../imports/secretproviderclass-secrets-store.csi.x-k8s.io';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain, checkGuid } from '../core/names';
import { CloudIdentity } from '../workloads/cloud-identity';
import { SecretKeyRef } from '../workloads/env';
import { SecretStoreAccess } from '../workloads/pod-group';
import { Volume } from '../workloads/volume';
import { needAddon } from '../core/addon-needs';
import { CheckedConstruct } from '../core/app-checks';

const CSI_DRIVER = 'secrets-store.csi.k8s.io';

export interface KeyVaultSecret {
  /** Name of the secret in Key Vault. */
  readonly objectName: string;
  /** Kubernetes Secret it is synced into (while a pod mounts the store). */
  readonly secretName: string;
  /** Key inside that Secret. */
  readonly key: string;
}

export interface AzureKeyVaultSecretsProps {
  readonly name: string;
  readonly namespace: string;
  readonly keyVaultName: string;
  readonly tenantId: string;
  /** Client id of the managed identity federated with the workloads' service accounts. */
  readonly workloadIdentityClientId: string;
  readonly secrets: readonly KeyVaultSecret[];
}

/**
 * Secrets that live in Azure Key Vault, mounted through the Secrets Store CSI driver with
 * workload identity and synced into Kubernetes Secrets for `secretKeyRef`. Only names and ids are
 * written to dist/; the values never leave Key Vault and the cluster.
 */
export class AzureKeyVaultSecrets extends CheckedConstruct implements SecretStoreAccess {
  readonly volumeName = 'secrets-store';
  readonly mountPath = '/mnt/secrets-store';
  readonly volumeSpec: Volume;
  readonly identity: CloudIdentity;
  private readonly site: Site;
  private readonly secrets: readonly KeyVaultSecret[];

  constructor(scope: Construct, id: string, props: AzureKeyVaultSecretsProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    this.site = site;
    this.secrets = props.secrets;
    checkDnsSubdomain(site.at('name'), props.name);
    checkDnsLabel(site.at('namespace'), props.namespace);
    if (!/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(props.keyVaultName)) {
      site
        .at('keyVaultName')
        .fail(
          props.keyVaultName,
          'must be a Key Vault name (3-24 letters, digits and "-", starting with a letter)',
          "use the vault's name as the Azure portal shows it",
        );
    }
    checkGuid(site.at('tenantId'), props.tenantId);
    this.identity = CloudIdentity.azureWorkloadIdentity(props.workloadIdentityClientId).check(site.at('workloadIdentityClientId'));
    checkListOfObjects(site.at('secrets'), props.secrets);
    if (props.secrets.length === 0) site.at('secrets').fail([], 'must list at least one secret', 'name the Key Vault secrets the workloads need');

    const secretObjects = new Map<string, { objectName: string; key: string }[]>();
    props.secrets.forEach((s, i) => {
      checkDnsSubdomain(site.at('secrets').at(i).at('secretName'), s.secretName);
      for (const field of ['objectName', 'key'] as const) {
        if (typeof s[field] !== 'string' || s[field].trim() === '')
          site
            .at('secrets')
            .at(i)
            .at(field)
            .fail(
              s[field],
              'must not be empty',
              field === 'key'
                ? 'give the key the value gets in the Kubernetes Secret, e.g. "password"'
                : 'give the name of the secret in the Key Vault',
            );
      }
      secretObjects.set(s.secretName, [...(secretObjects.get(s.secretName) ?? []), { objectName: s.objectName, key: s.key }]);
    });

    // The CSI driver mounts the secrets and syncs the Secrets; the Azure provider reads Key Vault.
    needAddon(this, { addon: 'secrets-store-csi-azure' });
    new SecretProviderClass(this, 'secret-provider-class', {
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        provider: 'azure',
        parameters: {
          usePodIdentity: 'false',
          clientID: props.workloadIdentityClientId,
          keyvaultName: props.keyVaultName,
          tenantId: props.tenantId,
          objects: stringify({ array: props.secrets.map((s) => stringify({ objectName: s.objectName, objectType: 'secret' })) }),
        },
        secretObjects: [...secretObjects].map(([secretName, data]) => ({ secretName, type: 'Opaque', data })),
      },
    });
    this.volumeSpec = Volume.csi(this.volumeName, CSI_DRIVER, { secretProviderClass: props.name });
  }

  /**
   * The Secret key the Key Vault secret `objectName` is synced into, for env values and database
   * props: names then agree with the store by construction.
   */
  secretRef(objectName: string): SecretKeyRef {
    const secret = this.secrets.find((s) => s.objectName === objectName);
    if (!secret)
      return this.site
        .at('secrets')
        .fail(objectName, 'names no secret of this store', `use one of: ${this.secrets.map((s) => s.objectName).join(', ')}`);
    return { name: secret.secretName, key: secret.key };
  }
}
