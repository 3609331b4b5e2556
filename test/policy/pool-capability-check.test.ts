import { ApiObject } from 'cdk8s';
import { testPlatform } from '../helpers';
import { verificationErrors } from '../pipeline-helpers';

/** A hand-written pod spec that passes every policy rule; cases add what a pool cannot run. */
function podSpec(extra: Record<string, unknown> = {}, containerExtra: Record<string, unknown> = {}): Record<string, unknown> {
  const probe = { tcpSocket: { port: 8080 } };
  return {
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
        ...containerExtra,
      },
    ],
    ...extra,
  };
}

function errorsFor(kind: string, labels: Record<string, string>, spec: Record<string, unknown>): string[] {
  const { app, platform } = testPlatform();
  new ApiObject(platform.apps, 'raw', {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'raw', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw', ...labels } }, spec } },
  });
  // placement errors carry no rule id; the closure check's (a RuntimeClass nothing creates) are not the subject here
  return verificationErrors(app).filter((e) => !/ \[[a-z-]+\] \(got /.test(e) && !/that nothing creates/.test(e));
}

const FARGATE = { compute: 'fargate' };

describe('pool capabilities of hand-written objects', () => {
  test('a plain pod on Fargate passes', () => {
    expect(errorsFor('Deployment', FARGATE, podSpec())).toEqual([]);
  });
  test('a DaemonSet on Fargate is refused', () => {
    expect(errorsFor('DaemonSet', FARGATE, podSpec())).toEqual([
      'test/apps/raw: kind puts the pod on pool serverless, which is fargate capacity and cannot run DaemonSets (got "DaemonSet"); fix: place this workload on a node-group pool, or drop the feature for this environment',
    ]);
  });
  test('a RuntimeClass on Fargate is refused', () => {
    expect(errorsFor('Deployment', FARGATE, podSpec({ runtimeClassName: 'gvisor' }))).toEqual([
      expect.stringContaining(
        'spec.template.spec.runtimeClassName puts the pod on pool serverless, which is fargate capacity and cannot run a custom RuntimeClass (e.g. gVisor)',
      ),
    ]);
  });
  test('a GPU on Fargate is refused', () => {
    const gpu = {
      resources: {
        requests: { cpu: '100m', memory: '128Mi', 'nvidia.com/gpu': '1' },
        limits: { cpu: '500m', memory: '256Mi', 'nvidia.com/gpu': '1' },
      },
    };
    expect(errorsFor('Deployment', FARGATE, podSpec({}, gpu))).toEqual([
      expect.stringContaining(
        'containers[0].resources.limits["nvidia.com/gpu"] puts the pod on pool serverless, which is fargate capacity and cannot run GPUs',
      ),
    ]);
  });
  test('a privileged container on Fargate is refused', () => {
    const errors = errorsFor('Deployment', FARGATE, podSpec({}, { securityContext: { privileged: true } }));
    expect(errors).toEqual([
      expect.stringContaining(
        'containers[0].securityContext.privileged puts the pod on pool serverless, which is fargate capacity and cannot run privileged containers',
      ),
    ]);
  });
  test("a DaemonSet on a node-group pool is not this check's concern", () => {
    expect(errorsFor('DaemonSet', {}, podSpec({ nodeSelector: { pool: 'general' } }))).toEqual([]);
  });
  test('a Never image on a pool that does not hold it is refused; IfNotPresent is not', () => {
    expect(errorsFor('Deployment', {}, podSpec({ nodeSelector: { pool: 'general' } }, { imagePullPolicy: 'Never' }))).toEqual([
      expect.stringContaining('spec.template.spec.containers[0].image is never pulled (imagePullPolicy Never), but pool general does not hold it'),
    ]);
    expect(errorsFor('Deployment', {}, podSpec({ nodeSelector: { pool: 'general' } }, { imagePullPolicy: 'IfNotPresent' }))).toEqual([]);
  });
});
