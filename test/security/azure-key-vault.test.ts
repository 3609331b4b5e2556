import { parse } from 'yaml';
import { AzureKeyVaultSecrets } from '../../lib/security/azure-key-vault';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart } from '../helpers';

const GUID = '11111111-2222-3333-4444-555555555555';

describe('AzureKeyVaultSecrets', () => {
  function setup() {
    const { chart, apps, pools } = testChart();
    const vault = new AzureKeyVaultSecrets(apps, 'kv', {
      name: 'vault',
      namespace: 'apps',
      keyVaultName: 'my-vault',
      tenantId: GUID,
      workloadIdentityClientId: GUID,
      secrets: [
        { objectName: 'db-password', secretName: 'db', key: 'password' },
        { objectName: 'db-user', secretName: 'db', key: 'user' },
      ],
    });
    new WebService(apps, 'api', { name: 'api', namespace: 'apps', pool: pools.get('general'), containers: [container()], secretStore: vault });
    return { chart, vault };
  }

  test('SecretProviderClass names the objects and the Secrets they sync into', () => {
    const spc = rendered(setup().chart, 'SecretProviderClass', 'vault');
    expect(spc.spec.provider).toBe('azure');
    expect(spc.spec.parameters).toMatchObject({ usePodIdentity: 'false', clientID: GUID, keyvaultName: 'my-vault', tenantId: GUID });
    expect(parse(spc.spec.parameters.objects).array.map((o: string) => parse(o))).toEqual([
      { objectName: 'db-password', objectType: 'secret' },
      { objectName: 'db-user', objectType: 'secret' },
    ]);
    expect(spc.spec.secretObjects).toEqual([
      {
        secretName: 'db',
        type: 'Opaque',
        data: [
          { objectName: 'db-password', key: 'password' },
          { objectName: 'db-user', key: 'user' },
        ],
      },
    ]);
  });
  test('workloads using it mount the store and carry workload identity', () => {
    const { chart } = setup();
    const pod = rendered(chart, 'Deployment', 'api').spec.template;
    expect(pod.metadata.labels['azure.workload.identity/use']).toBe('true');
    expect(pod.spec.volumes).toContainEqual({
      name: 'secrets-store',
      csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault' } },
    });
    expect(pod.spec.containers[0].volumeMounts).toContainEqual({ name: 'secrets-store', mountPath: '/mnt/secrets-store', readOnly: true });
    expect(rendered(chart, 'ServiceAccount', 'api').metadata.annotations).toEqual({ 'azure.workload.identity/client-id': GUID });
  });
  test('secret references come from the store, so env and database props cannot drift from it', () => {
    const { vault } = setup();
    expect(vault.secretRef('db-user')).toEqual({ name: 'db', key: 'user' });
    expect(() => vault.secretRef('db-pass')).toThrow(
      'test/apps/kv: secrets names no secret of this store (got "db-pass"); fix: use one of: db-password, db-user',
    );
  });
});
