import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { collectPlatforms, policyInputOf } from '../lib/output/collect';
import { Manifest } from '../lib/core/manifest';
import { GitSource } from '../lib/flux/git-source';
import { ClusterContract } from '../lib/addons/cluster-contract';
import { Platform } from '../lib/flux/platform';
import { PublishOptions } from '../lib/publish/publish';
import { runSynth, SynthOutcome } from '../lib/pipeline/run-synth';
import { NodeCapacity } from '../lib/placement/capacity';
import { CpuArch, InstanceType } from '../lib/placement/instance-types';
import { NodePool, NodePools, Taint } from '../lib/placement/node-pool';
import { SecureNamespace } from '../lib/security/namespace';
import { PolicyCheck } from '../lib/policy/policy-check';
import { verifyPlatform } from '../lib/policy/verify';
import { ContainerProps } from '../lib/workloads/container';

/** A small cluster: an untainted general pool, a tainted GPU pool and a Fargate pool. */
export function testPools(): NodePools {
  return new NodePools([
    new NodePool({ name: 'general', instanceType: InstanceType.AZURE_STANDARD_B2PS_V2, minNodes: 1, maxNodes: 3, labels: { pool: 'general' } }),
    new NodePool({ name: 'gpu', instanceType: InstanceType.AWS_G4DN_XLARGE, minNodes: 0, maxNodes: 2, labels: { pool: 'gpu' }, taints: [Taint.noSchedule('nvidia.com/gpu', 'present')] }),
    new NodePool({ name: 'serverless', instanceType: InstanceType.custom({ name: 'fargate', vcpu: 16, memory: '120Gi', arch: CpuArch.ARM64 }), capacity: NodeCapacity.fargate(), minNodes: 0, maxNodes: 100, labels: { compute: 'fargate' } }),
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
    containers: [{ name: 'c', image: 'registry.example.com/app:1.0.0', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: probe, livenessProbe: probe,
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }, ...containerOverrides }],
  };
}

/** All synthesized objects of the app, checked like the real synth does. */
export function manifests(app: App): Manifest[] {
  return collectPlatforms(app).flatMap((p) => p.layers.flatMap((l) => l.manifests));
}

export function find(app: App, kind: string, name: string): Record<string, any> {
  const found = manifests(app).filter((m) => m.kind === kind && m.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0].object;
}

/** What one policy check finds on the app's objects, as `<path>: <field> <problem>` lines. */
export function checkFindings(app: App, check: PolicyCheck): string[] {
  return collectPlatforms(app).map(policyInputOf).flatMap((context) => {
    return context.manifests.filter((m) => check.appliesTo(m, context)).flatMap((m) => check.check(m, context).map((f) => `${m.path}: ${f.field} ${f.problem}`));
  });
}

/** Every error the synth's checks (schema, placement, policy) raise on the app's objects. */
export function verificationErrors(app: App): string[] {
  return collectPlatforms(app).flatMap((p) => verifyPlatform(policyInputOf(p)).errors.map((e) => e.message));
}

/** A whole synth of `app` into `dist` (lock, checks, publish), as main.ts runs it. */
export function synthInto(app: App, dist: string, options: PublishOptions = {}, source?: GitSource): SynthOutcome {
  return runSynth(dist, () => ({ app, source }), options);
}

/** The messages of a refused synth, one a line; throws when the synth was not refused. */
export function refusalMessage(outcome: SynthOutcome): string {
  if (outcome.ok) throw new Error('the synth was not refused');
  return outcome.errors.map((e) => e.message).join('\n');
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
