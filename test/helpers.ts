import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterContract } from '../lib/addons/cluster-contract';
import { Platform } from '../lib/flux/platform';
import { NodeCapacity } from '../lib/placement/capacity';
import { CpuArch, InstanceType } from '../lib/placement/instance-types';
import { NodePool, NodePools, Taint } from '../lib/placement/node-pool';
import { SecureNamespace } from '../lib/security/namespace';
import { ContainerProps } from '../lib/workloads/container';

/** A small cluster: an untainted general pool, a tainted GPU pool and a Fargate pool. */
export function testPools(): NodePools {
  return new NodePools([
    new NodePool({ name: 'general', instanceType: InstanceType.AZURE_STANDARD_B2PS_V2, minNodes: 1, maxNodes: 3, labels: { pool: 'general' } }),
    new NodePool({
      name: 'gpu',
      instanceType: InstanceType.AWS_G4DN_XLARGE,
      minNodes: 0,
      maxNodes: 2,
      labels: { pool: 'gpu' },
      taints: [Taint.noSchedule('nvidia.com/gpu', 'present')],
    }),
    new NodePool({
      name: 'serverless',
      instanceType: InstanceType.custom({ name: 'fargate', vcpu: 16, memory: '120Gi', arch: CpuArch.ARM64 }),
      capacity: NodeCapacity.fargate(),
      minNodes: 0,
      maxNodes: 100,
      labels: { compute: 'fargate' },
    }),
  ]);
}

/** An app with one platform `test` and a restricted namespace `apps`. */
export function testPlatform(cluster?: ClusterContract): { app: App; platform: Platform; pools: NodePools } {
  const app = new App();
  const pools = testPools();
  const platform = new Platform(app, { name: 'test', pools, cluster });
  new SecureNamespace(platform.infrastructure, 'namespace', { name: 'apps' });
  return { app, platform, pools };
}

/** A valid container; override what a test is about. */
export function container(overrides: Partial<ContainerProps> = {}): ContainerProps {
  return {
    name: 'app',
    image: 'registry.example.com/app:1.0.0',
    ports: [{ name: 'http', port: 8080 }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    ...overrides,
  };
}

/** A hand-written (L1) pod spec on pool "general" that passes every rule; cases break one thing. */
export function rawPodSpec(containerOverrides: Record<string, unknown> = {}): any {
  const probe = { tcpSocket: { port: 8080 } };
  return {
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
        ...containerOverrides,
      },
    ],
  };
}

/**
 * A chart that no platform owns, for construct unit tests: they render it with cdk8s
 * `Testing.synth`, without the gitops pipeline (collect, schema, policy). Constructs go under
 * `apps` or `infrastructure`, so their paths read `test/apps/...` as in a platform.
 */
export function testChart(): { chart: Chart; apps: Construct; infrastructure: Construct; pools: NodePools } {
  const chart = new Chart(Testing.app(), 'test');
  return { chart, apps: new Construct(chart, 'apps'), infrastructure: new Construct(chart, 'infrastructure'), pools: testPools() };
}

/** What a construct unit test's chart renders, one entry per object. */
export interface RenderedObject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly object: Record<string, any>;
}

/** Every object the chart renders (cdk8s Testing.synth): the constructs' output alone. */
export function renderedObjects(chart: Chart): RenderedObject[] {
  return Testing.synth(chart).map((object) => ({ kind: object.kind, name: object.metadata?.name, namespace: object.metadata?.namespace, object }));
}

/** The one object of this kind and name the chart renders. */
export function rendered(chart: Chart, kind: string, name: string): Record<string, any> {
  const found = renderedObjects(chart).filter((m) => m.kind === kind && m.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0].object;
}
