import { PriorityClass } from '../../lib/placement/priority-class';
import { RuntimeClass } from '../../lib/placement/runtime-class';
import { Probe } from '../../lib/workloads/probe';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart, testPlatform } from '../helpers';
import { verificationErrors } from '../pipeline-helpers';

describe('pod settings', () => {
  test('priority, runtime class, spread over zones, grace period, startup probe', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container({ startupProbe: Probe.httpGet('/', 'http') })],
      priorityClassName: 'business-critical',
      runtimeClassName: 'gvisor',
      terminationGracePeriodSeconds: 60,
      topologySpread: [{ topologyKey: 'topology.kubernetes.io/zone' }],
    });
    const pod = rendered(chart, 'Deployment', 'web').spec.template.spec;
    expect(pod).toMatchObject({ priorityClassName: 'business-critical', runtimeClassName: 'gvisor', terminationGracePeriodSeconds: 60 });
    expect(pod.topologySpreadConstraints).toEqual([
      {
        topologyKey: 'topology.kubernetes.io/zone',
        maxSkew: 1,
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
      },
    ]);
    expect(pod.containers[0].startupProbe.httpGet.port).toBe('http');
  });
  test('pod-template annotations and labels, on the template only', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      podLabels: { tier: 'front' },
      podAnnotations: { 'sidecar.istio.io/inject': 'false', 'prometheus.io/port': '8080' },
    });
    const deployment = rendered(chart, 'Deployment', 'web');
    expect(deployment.spec.template.metadata).toEqual({
      labels: { tier: 'front', 'app.kubernetes.io/name': 'web' },
      annotations: { 'sidecar.istio.io/inject': 'false', 'prometheus.io/port': '8080' },
    });
    expect(deployment.metadata.annotations).toBeUndefined();
  });
  test('non-root pods run as explicit numeric ids: the default, or the ones given', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'a', { name: 'a', namespace: 'apps', pool: pools.get('general'), containers: [container()] });
    new WebService(apps, 'b', {
      name: 'b',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      runAsUser: 1000,
      runAsGroup: 1001,
    });
    expect(rendered(chart, 'Deployment', 'a').spec.template.spec.securityContext).toMatchObject({ runAsUser: 65532, runAsGroup: 65532 });
    expect(rendered(chart, 'Deployment', 'b').spec.template.spec.securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 1001 });
  });
  test('a RuntimeClass carries the scheduling of the pool that has its handler', () => {
    const { chart, infrastructure, pools } = testChart();
    new RuntimeClass(infrastructure, 'gvisor', { name: 'gvisor', handler: 'runsc', pool: pools.get('gpu') });
    expect(rendered(chart, 'RuntimeClass', 'gvisor')).toMatchObject({
      handler: 'runsc',
      scheduling: {
        nodeSelector: { pool: 'gpu', 'kubernetes.io/arch': 'amd64' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }],
      },
    });
  });
  test('a PriorityClass is never the global default', () => {
    const { chart, infrastructure } = testChart();
    new PriorityClass(infrastructure, 'critical', { name: 'business-critical', value: 100000, preemptionPolicy: 'Never' });
    expect(rendered(chart, 'PriorityClass', 'business-critical')).toMatchObject({ value: 100000, preemptionPolicy: 'Never', globalDefault: false });
  });
  test('a runtime class cannot run on serverless capacity', () => {
    const { apps, pools } = testChart();
    expect(
      () =>
        new WebService(apps, 'web', {
          name: 'web',
          namespace: 'apps',
          pool: pools.get('serverless'),
          containers: [container()],
          runtimeClassName: 'gvisor',
        }),
    ).toThrow('test/apps/web: pool is fargate capacity, which cannot run a custom RuntimeClass (e.g. gVisor) (got "serverless")');
  });
  test("the new objects and fields pass the synth's schema and policy checks", () => {
    const { app, platform, pools } = testPlatform();
    const gvisor = new RuntimeClass(platform.infrastructure, 'gvisor', { name: 'gvisor', handler: 'runsc', pool: pools.get('gpu') });
    const priority = new PriorityClass(platform.infrastructure, 'critical', { name: 'business-critical', value: 1000 });
    new WebService(platform.apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      replicas: 2,
      runtimeClassName: gvisor.name,
      priorityClassName: priority.name,
      topologySpread: [{ topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }],
      terminationGracePeriodSeconds: 10,
      containers: [
        container({ readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http'), startupProbe: Probe.tcpSocket('http') }),
      ],
    });
    expect(verificationErrors(app)).toEqual([]);
  });
});
