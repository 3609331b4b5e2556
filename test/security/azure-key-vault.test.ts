import { parse } from 'yaml';
import { AzureKeyVaultSecrets } from '../../lib/security/azure-key-vault';
import { WebService } from '../../lib/workloads/web-service';
import { container, find, testPlatform } from '../helpers';

const GUID = '11111111-2222-3333-4444-555555555555';

describe('AzureKeyVaultSecrets', () => {
  function setup() {
    const { app, platform, pools } = testPlatform();
    const vault = new AzureKeyVaultSecrets(platform.apps, 'kv', {
      name: 'vault', namespace: 'apps', keyVaultName: 'my-vault', tenantId: GUID, workloadIdentityClientId: GUID,
      secrets: [{ objectName: 'db-password', secretName: 'db', key: 'password' }, { objectName: 'db-user', secretName: 'db', key: 'user' }],
    });
    new WebService(platform.apps, 'api', { name: 'api', namespace: 'apps', pool: pools.get('general'), containers: [container()], secretStore: vault });
    return app;
  }

  test('SecretProviderClass names the objects and the Secrets they sync into', () => {
    const spc = find(setup(), 'SecretProviderClass', 'vault');
    expect(spc.spec.provider).toBe('azure');
    expect(spc.spec.parameters).toMatchObject({ usePodIdentity: 'false', clientID: GUID, keyvaultName: 'my-vault', tenantId: GUID });
    expect(parse(spc.spec.parameters.objects).array.map((o: string) => parse(o))).toEqual([
      { objectName: 'db-password', objectType: 'secret' }, { objectName: 'db-user', objectType: 'secret' },
    ]);
    expect(spc.spec.secretObjects).toEqual([{ secretName: 'db', type: 'Opaque', data: [{ objectName: 'db-password', key: 'password' }, { objectName: 'db-user', key: 'user' }] }]);
  });
  test('workloads using it mount the store and carry workload identity', () => {
    const app = setup();
    const pod = find(app, 'Deployment', 'api').spec.template;
    expect(pod.metadata.labels['azure.workload.identity/use']).toBe('true');
    expect(pod.spec.volumes).toContainEqual({ name: 'secrets-store', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault' } } });
    expect(pod.spec.containers[0].volumeMounts).toContainEqual({ name: 'secrets-store', mountPath: '/mnt/secrets-store', readOnly: true });
    expect(find(app, 'ServiceAccount', 'api').metadata.annotations).toEqual({ 'azure.workload.identity/client-id': GUID });
  });
});
