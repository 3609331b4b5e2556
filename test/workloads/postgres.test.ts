import { podSecurityViolations, PodSecurityLevel } from '../../lib/core/pod-security';
import { PostgresDatabase } from '../../lib/workloads/postgres';
import { rendered, testChart } from '../helpers';

describe('PostgresDatabase', () => {
  const { chart, apps, pools } = testChart();
  const db = new PostgresDatabase(apps, 'db', {
    name: 'pg',
    namespace: 'apps',
    pool: pools.get('general'),
    image: 'postgres:16.4',
    database: 'shop',
    user: 'shop',
    passwordSecret: { name: 'pg-credentials', key: 'password' },
    storage: { size: '5Gi', storageClass: 'local-path' },
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '1Gi' } },
  });

  test('config map names the database, user and a PGDATA below the mount point', () => {
    expect(rendered(chart, 'ConfigMap', 'pg-config').data).toEqual({
      POSTGRES_DB: 'shop',
      POSTGRES_USER: 'shop',
      PGDATA: '/var/lib/postgresql/data/pgdata',
    });
  });
  test('runs as the image postgres user with the password referenced, never written', () => {
    const pod = rendered(chart, 'StatefulSet', 'pg').spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsUser: 999, runAsGroup: 999, fsGroup: 999, runAsNonRoot: true });
    expect(pod.containers[0].env).toEqual([{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'pg-credentials', key: 'password' } } }]);
    expect(pod.containers[0].envFrom).toEqual([{ configMapRef: { name: 'pg-config' } }]);
    expect(pod.containers[0].readinessProbe).toEqual({
      exec: { command: ['pg_isready', '-U', 'shop', '-d', 'shop'] },
      initialDelaySeconds: 5,
      periodSeconds: 10,
    });
  });
  test('read-only root works: data, socket and temp files each have a volume', () => {
    const pod = rendered(chart, 'StatefulSet', 'pg').spec.template.spec;
    expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    expect(pod.containers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual(['/var/lib/postgresql/data', '/var/run/postgresql', '/tmp']);
  });
  test('passes Pod Security restricted and is a pod group for network rules', () => {
    expect(podSecurityViolations(rendered(chart, 'StatefulSet', 'pg').spec.template.spec, PodSecurityLevel.RESTRICTED)).toEqual([]);
    expect(db.serviceName).toBe('pg');
    expect({ name: db.name, namespace: db.namespace, selector: db.selector, port: db.servicePort() }).toEqual({
      name: 'pg',
      namespace: 'apps',
      selector: { 'app.kubernetes.io/name': 'pg' },
      port: 5432,
    });
  });
});

describe('PostgresDatabase primary and streaming replica', () => {
  const { chart, apps, pools } = testChart();
  const common = {
    namespace: 'apps',
    pool: pools.get('general'),
    image: 'postgres:16.4',
    database: 'shop',
    user: 'shop',
    passwordSecret: { name: 'pg-credentials', key: 'password' },
    storage: { size: '5Gi', storageClass: 'local-path' },
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '1Gi' } },
  };
  const primary = new PostgresDatabase(apps, 'primary', {
    ...common,
    name: 'pg-primary',
    claimName: 'pg-data',
    acceptReplicas: true,
    extraServices: [{ name: 'pg', type: 'ClusterIP', ports: [{ name: 'postgres', port: 5432 }] }],
  });
  new PostgresDatabase(apps, 'replica', { ...common, name: 'pg-replica', replicas: 2, replicaOf: primary.serviceNamed('pg') });

  test('the primary names its claim, serves clients on a ClusterIP and lets replicas in through an initdb script', () => {
    const set = rendered(chart, 'StatefulSet', 'pg-primary');
    expect(set.spec.volumeClaimTemplates[0].metadata.name).toBe('pg-data');
    expect(set.spec.template.spec.containers[0].volumeMounts).toContainEqual({
      name: 'initdb',
      mountPath: '/docker-entrypoint-initdb.d',
      readOnly: true,
    });
    expect(rendered(chart, 'ConfigMap', 'pg-primary-initdb').data['replication.sh']).toBe(
      'echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"\n',
    );
    expect(rendered(chart, 'Service', 'pg').spec).toMatchObject({ type: 'ClusterIP', ports: [{ name: 'postgres', port: 5432 }] });
    expect(rendered(chart, 'Service', 'pg-primary').spec.clusterIP).toBe('None');
  });
  test('a replica copies the primary once, on an empty claim, with the password from the Secret', () => {
    const set = rendered(chart, 'StatefulSet', 'pg-replica');
    expect(set.spec.replicas).toBe(2);
    const init = set.spec.template.spec.initContainers[0];
    expect(init.command).toEqual([
      'sh',
      '-c',
      '[ -s "$PGDATA/PG_VERSION" ] || pg_basebackup -h pg.apps.svc.cluster.local -p 5432 -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream',
    ]);
    expect(init.env).toEqual([{ name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: 'pg-credentials', key: 'password' } } }]);
    expect(init.volumeMounts[0]).toEqual({ name: 'data', mountPath: '/var/lib/postgresql/data' });
  });
});
