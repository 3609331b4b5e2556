import { StatefulStore } from '../../lib/workloads/stateful-store';
import { Volume } from '../../lib/workloads/volume';
import { container, rendered, testChart } from '../helpers';

describe('StatefulStore', () => {
  test('a StatefulSet with claim templates, its Service as governing service', () => {
    const { chart, apps, pools } = testChart();
    new StatefulStore(apps, 'db', {
      name: 'db',
      namespace: 'apps',
      pool: pools.get('general'),
      fsGroup: 999,
      containers: [
        container({
          volumeMounts: [
            { volume: 'data', path: '/data' },
            { volume: 'run', path: '/run' },
          ],
        }),
      ],
      volumes: [Volume.emptyDir('run')],
      volumeClaims: [{ name: 'data', size: '5Gi', storageClass: 'local-path' }],
    });
    const set = rendered(chart, 'StatefulSet', 'db');
    expect(set.spec.serviceName).toBe('db');
    expect(set.spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'local-path', resources: { requests: { storage: '5Gi' } } },
      },
    ]);
    expect(set.spec.template.spec.securityContext.fsGroup).toBe(999);
    expect(rendered(chart, 'Service', 'db').spec.ports[0].port).toBe(8080);
  });
  test('a claim with a bad size is refused', () => {
    const { apps, pools } = testChart();
    expect(
      () =>
        new StatefulStore(apps, 'db', {
          name: 'db',
          namespace: 'apps',
          pool: pools.get('general'),
          containers: [container()],
          volumeClaims: [{ name: 'data', size: '5 GB', storageClass: 'local-path' }],
        }),
    ).toThrow(
      'test/apps/db: volumeClaims[0].size must be a byte quantity (got "5 GB"); fix: write it with a binary suffix such as "512Mi" or "20Gi"',
    );
  });
});

describe('StatefulStore without storage', () => {
  test('declared with a reason: no claim templates, the exception on the StatefulSet, a headless Service without ports', () => {
    const { chart, apps, pools } = testChart();
    new StatefulStore(apps, 'placeholder', {
      name: 'placeholder',
      namespace: 'apps',
      pool: pools.get('general'),
      replicas: 3,
      containers: [container({ ports: [], command: ['sleep', 'infinity'] })],
      volumeClaims: [],
      withoutStorage: { reason: 'holds one node of capacity each, by a stable name the autoscaler reports' },
    });
    const set = rendered(chart, 'StatefulSet', 'placeholder');
    expect(set.spec.volumeClaimTemplates).toBeUndefined();
    expect(set.spec.serviceName).toBe('placeholder');
    expect(set.metadata.annotations['policy.k8s-platforms.dev/allow-claim-templates']).toBe(
      'holds one node of capacity each, by a stable name the autoscaler reports',
    );
    expect(rendered(chart, 'Service', 'placeholder').spec).toEqual({
      type: 'ClusterIP',
      clusterIP: 'None',
      selector: { 'app.kubernetes.io/name': 'placeholder' },
    });
    expect(rendered(chart, 'PodDisruptionBudget', 'placeholder').spec.minAvailable).toBe(1);
  });
});
