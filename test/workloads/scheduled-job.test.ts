import { PolicyRule } from '../../lib/core/exceptions';
import { EtcdSnapshotJob } from '../../lib/workloads/etcd-snapshot-job';
import { ScheduledJob } from '../../lib/workloads/scheduled-job';
import { Volume } from '../../lib/workloads/volume';
import { container, rendered, testChart } from '../helpers';

describe('ScheduledJob', () => {
  test('a CronJob that never overlaps, in UTC, with a restricted pod placed on its pool', () => {
    const { chart, apps, pools } = testChart();
    const job = new ScheduledJob(apps, 'backup', {
      name: 'backup',
      namespace: 'apps',
      schedule: '0 2 * * *',
      pool: pools.get('general'),
      containers: [container()],
    });
    const cronJob = rendered(chart, 'CronJob', 'backup');
    expect(cronJob.spec).toMatchObject({
      schedule: '0 2 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      jobTemplate: { spec: { backoffLimit: 2, activeDeadlineSeconds: 3600 } },
    });
    const pod = cronJob.spec.jobTemplate.spec.template.spec;
    expect(pod.restartPolicy).toBe('OnFailure');
    expect(pod.nodeSelector).toEqual({ pool: 'general', 'kubernetes.io/arch': 'arm64' });
    expect(cronJob.metadata.annotations).toBeUndefined();
    expect(job.podSecurity.name).toBe('restricted');
    expect(rendered(chart, 'ServiceAccount', 'backup').automountServiceAccountToken).toBe(false);
  });

  test('host network, host paths and root are exceptions with reasons', () => {
    const { chart, apps, pools } = testChart();
    const job = new ScheduledJob(apps, 'node-job', {
      name: 'node-job',
      namespace: 'apps',
      schedule: '@daily',
      pool: pools.get('general'),
      hostNetwork: { reason: 'talks to a daemon on the node loopback' },
      containers: [
        container({ runAsRoot: { reason: 'reads root-only files of the node' }, volumeMounts: [{ volume: 'host', path: '/host', readOnly: true }] }),
      ],
      volumes: [Volume.hostPath('host', '/etc/node', { reason: 'the node configuration is read from disk' })],
    });
    const cronJob = rendered(chart, 'CronJob', 'node-job');
    expect(cronJob.metadata.annotations[PolicyRule.POD_SECURITY_RESTRICTED.annotation]).toBe(
      'container app runs as root: reads root-only files of the node; volume host is a host path: the node configuration is read from disk; the pod uses the host network: talks to a daemon on the node loopback',
    );
    const pod = cronJob.spec.jobTemplate.spec.template.spec;
    expect(pod).toMatchObject({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' });
    expect(pod.containers[0].securityContext).toMatchObject({
      runAsNonRoot: false,
      runAsUser: 0,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(job.podSecurity.name).toBe('privileged');
  });

  test('host network without a reason is refused', () => {
    const { apps, pools } = testChart();
    expect(
      () =>
        new ScheduledJob(apps, 'j', {
          name: 'j',
          namespace: 'apps',
          schedule: '@daily',
          pool: pools.get('general'),
          containers: [container()],
          hostNetwork: true as unknown as { reason: string },
        }),
    ).toThrow('test/apps/j: hostNetwork must be a declared exception with a reason, not a switch (got true)');
  });
});

describe('EtcdSnapshotJob', () => {
  test('snapshots through the node loopback, keeps the set number of days, declares why', () => {
    const { chart, apps, pools } = testChart();
    new EtcdSnapshotJob(apps, 'etcd', {
      namespace: 'apps',
      pool: pools.get('general'),
      schedule: '@daily',
      etcdImage: 'registry.k8s.io/etcd:3.5.9-0',
      busyboxImage: 'busybox:1.36.1',
      keepDays: 3,
      certDir: '/pki',
    });
    const cronJob = rendered(chart, 'CronJob', 'etcd-snapshot');
    const pod = cronJob.spec.jobTemplate.spec.template.spec;
    expect(pod.initContainers[0].args).toEqual([
      '--endpoints=https://127.0.0.1:2379',
      '--cacert=/pki/ca.crt',
      '--cert=/pki/server.crt',
      '--key=/pki/server.key',
      'snapshot',
      'save',
      '/work/snapshot.db',
    ]);
    expect(pod.containers[0].args[0]).toMatch(/-mtime \+3 -delete$/);
    expect(pod.volumes[0]).toEqual({ name: 'etcd-certs', hostPath: { path: '/pki', type: 'Directory' } });
    expect(cronJob.metadata.annotations[PolicyRule.POD_SECURITY_RESTRICTED.annotation]).toContain('the pod uses the host network');
  });
});
