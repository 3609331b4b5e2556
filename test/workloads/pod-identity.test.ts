import { PodSecurityLevel } from '../../lib/core/pod-security';
import { CloudIdentity } from '../../lib/workloads/cloud-identity';
import { EnvValue } from '../../lib/workloads/env';
import { ScheduledJob } from '../../lib/workloads/scheduled-job';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart } from '../helpers';

describe('PodIdentity through the constructs that share it', () => {
  test("IRSA: the role is an annotation of the job's ServiceAccount, labelled like the job", () => {
    const { chart, apps, pools } = testChart();
    new ScheduledJob(apps, 'backup', {
      name: 'backup',
      namespace: 'apps',
      schedule: '@daily',
      pool: pools.get('general'),
      containers: [container()],
      cloudIdentity: CloudIdentity.awsIamRole('arn:aws:iam::123456789012:role/backup'),
    });
    expect(rendered(chart, 'ServiceAccount', 'backup').metadata).toEqual({
      name: 'backup',
      namespace: 'apps',
      labels: { 'app.kubernetes.io/name': 'backup' },
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/backup' },
    });
  });
  test('Azure workload identity: client-id on the ServiceAccount, the opt-in label on the pods', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'api', {
      name: 'api',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      cloudIdentity: CloudIdentity.azureWorkloadIdentity('11111111-2222-3333-4444-555555555555'),
    });
    expect(rendered(chart, 'ServiceAccount', 'api').metadata.annotations).toEqual({
      'azure.workload.identity/client-id': '11111111-2222-3333-4444-555555555555',
    });
    expect(rendered(chart, 'Deployment', 'api').spec.template.metadata.labels).toEqual({
      'azure.workload.identity/use': 'true',
      'app.kubernetes.io/name': 'api',
    });
  });
  test('a malformed role ARN is refused at the field that gave it', () => {
    const { apps, pools } = testChart();
    expect(
      () =>
        new ScheduledJob(apps, 'backup', {
          name: 'backup',
          namespace: 'apps',
          schedule: '@daily',
          pool: pools.get('general'),
          containers: [container()],
          cloudIdentity: CloudIdentity.awsIamRole('backup-role'),
        }),
    ).toThrow('test/apps/backup: cloudIdentity must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>) (got "backup-role")');
  });
  test('the namespace level follows from the pod spec: root alone needs baseline, host paths privileged', () => {
    const { apps, pools } = testChart();
    const job = (name: string, extra: object) =>
      new ScheduledJob(apps, name, {
        name,
        namespace: 'apps',
        schedule: '@daily',
        pool: pools.get('general'),
        ...extra,
        containers: [container({ runAsRoot: { reason: 'reads root-only files' } })],
      });
    expect(job('root', {}).podSecurity).toBe(PodSecurityLevel.BASELINE);
    expect(job('host', { hostNetwork: { reason: 'talks to the node loopback' } }).podSecurity).toBe(PodSecurityLevel.PRIVILEGED);
    expect(
      new ScheduledJob(apps, 'plain', { name: 'plain', namespace: 'apps', schedule: '@daily', pool: pools.get('general'), containers: [container()] })
        .podSecurity,
    ).toBe(PodSecurityLevel.RESTRICTED);
  });
  test('a downward-API env reads a pod label by name', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container({ env: { USER_ID: EnvValue.fromPodLabel('user') } })],
    });
    expect(rendered(chart, 'Deployment', 'web').spec.template.spec.containers[0].env).toEqual([
      { name: 'USER_ID', valueFrom: { fieldRef: { fieldPath: "metadata.labels['user']" } } },
    ]);
  });
});
