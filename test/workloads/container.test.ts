import { Site } from '../../lib/core/errors';
import { buildContainer } from '../../lib/workloads/container';
import { EnvValue } from '../../lib/workloads/env';
import { Probe } from '../../lib/workloads/probe';
import { container } from '../helpers';

const site = new Site('p/w', 'containers[0]');

describe('buildContainer', () => {
  test('is secure by default', () => {
    const { container: c } = buildContainer(site, container());
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: undefined,
      capabilities: { drop: ['ALL'] },
    });
  });
  test('a writable root filesystem must be asked for', () => {
    expect(buildContainer(site, container({ readOnlyRootFilesystem: false })).container.securityContext?.readOnlyRootFilesystem).toBe(false);
  });
  test('reports what it asks of the node', () => {
    expect(
      buildContainer(site, container({ resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' }, gpus: 1 } })).demand,
    ).toEqual({ cpuMillicores: 1000, memoryBytes: 2 * 2 ** 30, gpus: 1 });
  });
  test('GPUs are whole and request equals limit', () => {
    const { container: c } = buildContainer(
      site,
      container({ resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' }, gpus: 1 } }),
    );
    expect(c.resources?.requests?.['nvidia.com/gpu']?.value).toBe('1');
    expect(c.resources?.limits?.['nvidia.com/gpu']?.value).toBe('1');
  });
  test('env: literals, secret and field references', () => {
    const { container: c } = buildContainer(
      site,
      container({
        env: { MODE: 'prod', DB_PASSWORD: EnvValue.fromSecret('db', 'password'), USER_ID: EnvValue.fromField("metadata.labels['user']") },
      }),
    );
    expect(c.env).toEqual([
      { name: 'MODE', value: 'prod' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'USER_ID', valueFrom: { fieldRef: { fieldPath: "metadata.labels['user']" } } },
    ]);
  });
  test('probes keep their timing', () => {
    const { container: c } = buildContainer(
      site,
      container({ readinessProbe: Probe.httpGet('/health', 'http', { initialDelaySeconds: 30, periodSeconds: 10 }) }),
    );
    expect(c.readinessProbe).toMatchObject({ httpGet: { path: '/health' }, initialDelaySeconds: 30, periodSeconds: 10 });
    expect(c.readinessProbe?.httpGet?.port.value).toBe('http');
  });
  test('ports default to TCP', () => {
    expect(buildContainer(site, container()).container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });
});
