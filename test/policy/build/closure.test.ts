import { ApiObject, App } from 'cdk8s';
import { archiverse } from '../../../platforms/archiverse/archiverse';
import { archiverseProduction } from '../../../platforms/archiverse/config';
import { synthesize } from '../../../lib/pipeline/synth';
import { AzureKeyVaultSecrets } from '../../../lib/security/azure-key-vault';
import { testPlatform } from '../../helpers';

const GUID = '11111111-2222-3333-4444-555555555555';
const errorsOf = (app: App) => {
  const result = synthesize(app);
  return result.ok ? [] : result.errors.map((e) => e.message);
};

describe('the closure check', () => {
  test('the real archiverse is closed only with what its AKS cluster is declared to provide', () => {
    const withIt = new App();
    archiverse(withIt, archiverseProduction);
    expect(errorsOf(withIt)).toEqual([]);
    const without = new App();
    archiverse(without, {
      ...archiverseProduction,
      cluster: { provided: archiverseProduction.cluster.provided!.filter((p) => p.addon !== 'aks-storage-classes') },
    });
    expect(errorsOf(without)).toEqual([
      'archiverse/apps/postgres/server/statefulset: spec.volumeClaimTemplates[0].spec.storageClassName names a StorageClass that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "managed-csi"); fix: create the StorageClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
    ]);
  });

  test('Secrets the CSI driver syncs from a secret store, the store itself, and names a runtime fills in are found', () => {
    const { app, platform } = testPlatform();
    new AzureKeyVaultSecrets(platform.apps, 'kv', {
      name: 'kv',
      namespace: 'apps',
      keyVaultName: 'shop-kv',
      tenantId: GUID,
      workloadIdentityClientId: GUID,
      secrets: [{ objectName: 'db-password', secretName: 'db', key: 'password' }],
    });
    const probe = { tcpSocket: { port: 8080 } };
    new ApiObject(platform.apps, 'template', {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 'session', namespace: 'apps' },
      template: {
        metadata: { labels: { app: 'session' } },
        spec: {
          nodeSelector: { pool: 'general' },
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'c',
              image: 'registry.example.com/app:1.0.0',
              ports: [{ name: 'http', containerPort: 8080 }],
              readinessProbe: probe,
              livenessProbe: probe,
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              env: [{ name: 'DB', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
            },
          ],
          volumes: [
            { name: 'home', persistentVolumeClaim: { claimName: 'home-{user-id}' } },
            { name: 'store', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'kv' } } },
          ],
        },
      },
    });
    expect(errorsOf(app)).toEqual([]);
  });
});
