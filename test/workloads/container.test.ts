import { Site } from '../../lib/core/errors';
import { buildContainer } from '../../lib/workloads/container';
import { EnvValue } from '../../lib/workloads/env';
import { intOrString, Probe } from '../../lib/workloads/probe';
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

describe('probes', () => {
  const ports = { ports: [{ name: 'grpc', port: 50051 }] };
  test('a gRPC probe takes the port by name and writes its number (the API takes no name there)', () => {
    const { container: c } = buildContainer(
      site,
      container({ ...ports, readinessProbe: Probe.grpc('grpc'), livenessProbe: Probe.grpc(50051, { service: 'shop.Checkout', periodSeconds: 20 }) }),
    );
    expect(c.readinessProbe).toEqual({ grpc: { port: 50051 } });
    expect(c.livenessProbe).toEqual({ grpc: { port: 50051, service: 'shop.Checkout' }, periodSeconds: 20 });
  });
  test('an HTTP probe sends headers and may speak HTTPS', () => {
    const probe = Probe.httpGet('/healthz', 'http', { headers: { Host: 'shop.example.com' }, scheme: 'HTTPS', timeoutSeconds: 2 });
    expect(buildContainer(site, container({ startupProbe: probe })).container.startupProbe).toEqual({
      httpGet: { path: '/healthz', port: intOrString('http'), scheme: 'HTTPS', httpHeaders: [{ name: 'Host', value: 'shop.example.com' }] },
      timeoutSeconds: 2,
    });
  });
  test('a header name the API server refuses, and a gRPC probe on an undeclared port, are refused', () => {
    expect(() => buildContainer(site, container({ readinessProbe: Probe.httpGet('/', 'http', { headers: { 'X Health': '1' } }) }))).toThrow(
      'p/w: containers[0].readinessProbe.headers must be an HTTP header name (letters, digits and "-") (got "X Health"); fix: e.g. "Host" or "X-Health-Check"',
    );
    expect(() => buildContainer(site, container({ livenessProbe: Probe.grpc('grpc') }))).toThrow(
      'p/w: containers[0].livenessProbe.port is no port the container declares (got "grpc"); fix: probe one of: "http" (8080)',
    );
  });
});
