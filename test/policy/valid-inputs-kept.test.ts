import { ApiObject } from 'cdk8s';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngressController } from '../../lib/ingress/ingress-controller';
import { WebIngress } from '../../lib/ingress/web-ingress';
import { NetworkGraph } from '../../lib/security/network-graph';
import { Probe } from '../../lib/workloads/probe';
import { StatefulStore } from '../../lib/workloads/stateful-store';
import { WebService } from '../../lib/workloads/web-service';
import { container, testPlatform } from '../helpers';
import { find, synthInto } from '../pipeline-helpers';

const probes = { readinessProbe: Probe.httpGet('/healthz', 'http'), livenessProbe: Probe.httpGet('/healthz', 'http') };

/** Inputs that look odd but are valid: they must reach dist/ intact, not be refused or dropped. */
describe('valid inputs that were refused or lost', () => {
  test('an Istio Gateway and a Gateway API Gateway of one name get distinct files', () => {
    const ctx = testPlatform({
      provided: [
        {
          addon: 'gateways',
          reason: 'the test cluster runs Istio and the Gateway API',
          kinds: ['networking.istio.io/Gateway', 'gateway.networking.k8s.io/Gateway'],
        },
      ],
    });
    new ApiObject(ctx.platform.apps, 'istio-gateway', {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'Gateway',
      metadata: { name: 'edge', namespace: 'apps' },
    });
    new ApiObject(ctx.platform.apps, 'gateway-api-gateway', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'edge', namespace: 'apps' },
    });
    const dist = join(mkdtempSync(join(tmpdir(), 'accepted-')), 'dist');
    const outcome = synthInto(ctx.app, dist);
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.message)).toEqual([]);
    expect(
      readdirSync(join(dist, 'test', 'apps', 'apps'))
        .filter((f) => f.startsWith('gateway'))
        .sort(),
    ).toEqual(['gateway.gateway.networking.k8s.io-edge.yaml', 'gateway.networking.istio.io-edge.yaml']);
  });

  test('a wildcard Ingress host is accepted', () => {
    const ctx = testPlatform();
    const backend = new WebService(ctx.platform.apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: ctx.pools.get('general'),
      containers: [container(probes)],
    });
    new WebIngress(ctx.platform.apps, 'ingress', {
      name: 'site',
      namespace: 'apps',
      host: '*.example.com',
      controller: IngressController.nginx(),
      network: new NetworkGraph(ctx.platform.apps, 'net'),
      routes: [{ path: '/', backend, port: 'http' }],
    });
    expect(find(ctx.app, 'Ingress', 'site').spec.rules[0].host).toBe('*.example.com');
  });

  test('an environment value given as a number is written as its string, not dropped', () => {
    const ctx = testPlatform();
    new WebService(ctx.platform.apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: ctx.pools.get('general'),
      containers: [container({ ...probes, env: { PORT: 8080, DEBUG: false } })],
    });
    expect(find(ctx.app, 'Deployment', 'web').spec.template.spec.containers[0].env).toEqual([
      { name: 'PORT', value: '8080' },
      { name: 'DEBUG', value: 'false' },
    ]);
  });

  test('a StatefulSet without storage or ports, declared so, passes every check with its headless Service', () => {
    const ctx = testPlatform();
    new StatefulStore(ctx.platform.apps, 'placeholder', {
      name: 'placeholder',
      namespace: 'apps',
      pool: ctx.pools.get('general'),
      replicas: 2,
      containers: [
        container({ ports: [], command: ['sleep', 'infinity'], readinessProbe: Probe.exec(['true']), livenessProbe: Probe.exec(['true']) }),
      ],
      volumeClaims: [],
      withoutStorage: { reason: 'holds a node of capacity under a stable name' },
    });
    const dist = join(mkdtempSync(join(tmpdir(), 'accepted-')), 'dist');
    const outcome = synthInto(ctx.app, dist);
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.message)).toEqual([]);
    expect(find(ctx.app, 'Service', 'placeholder').spec).toEqual({
      type: 'ClusterIP',
      clusterIP: 'None',
      selector: { 'app.kubernetes.io/name': 'placeholder' },
    });
  });
});
