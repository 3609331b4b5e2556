import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { declareException, PolicyRule } from '../../lib/core/exceptions';
import { promqlProblem } from '../../lib/core/promql';
import { Probe } from '../../lib/workloads/probe';
import { WebService } from '../../lib/workloads/web-service';
import { container, rawPodSpec, testPlatform } from '../helpers';
import { synthInto } from '../pipeline-helpers';

const probes = { readinessProbe: Probe.httpGet('/healthz', 'http'), livenessProbe: Probe.httpGet('/healthz', 'http') };
type Context = ReturnType<typeof testPlatform>;

/** The messages of a synth of `ctx` (none when it is accepted). */
function refusals(ctx: Context): string[] {
  const outcome = synthInto(ctx.app, join(mkdtempSync(join(tmpdir(), 'remaining-')), 'dist'));
  return outcome.ok ? [] : outcome.errors.map((e) => e.message);
}

function deployment(ctx: Context, namespace: string, extra: Record<string, unknown> = {}): ApiObject {
  return new ApiObject(ctx.platform.apps, 'raw', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'raw', namespace },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: { ...rawPodSpec(), ...extra } } },
  });
}

/**
 * The other side of the refusals of system namespaces, ServiceAccounts nothing creates, pool
 * capacity and PromQL (test/bad-inputs): the nearby inputs that must still be accepted.
 */
describe('valid inputs next to the remaining refusals', () => {
  test('a workload in kube-system is accepted with a declared namespace-owned exception', () => {
    const ctx = testPlatform();
    declareException(deployment(ctx, 'kube-system'), {
      rule: PolicyRule.NAMESPACE_OWNED,
      reason: 'a node-level helper the cluster vendor expects in kube-system',
    });
    expect(refusals(ctx)).toEqual([]);
  });

  test('a ConfigMap in kube-system is not a workload and needs no exception', () => {
    const ctx = testPlatform();
    new WebService(ctx.platform.apps, 'web', { name: 'web', namespace: 'apps', pool: ctx.pools.get('general'), containers: [container(probes)] });
    new k8s.KubeConfigMap(ctx.platform.apps, 'settings', {
      metadata: { name: 'cluster-settings', namespace: 'kube-system' },
      data: { mode: 'fast' },
    });
    expect(refusals(ctx)).toEqual([]);
  });

  test('serviceAccountName "default" exists in every namespace', () => {
    const ctx = testPlatform();
    deployment(ctx, 'apps', { serviceAccountName: 'default' });
    expect(refusals(ctx)).toEqual([]);
  });

  test('replicas exactly at what the pool can hold are accepted, one more is refused', () => {
    // general: 3 nodes of 2 vCPU / 8Gi; 100m and 128Mi per pod -> 20 a node by CPU -> 60.
    const at = (replicas: number) => {
      const ctx = testPlatform();
      new WebService(ctx.platform.apps, 'web', {
        name: 'web',
        namespace: 'apps',
        pool: ctx.pools.get('general'),
        replicas,
        containers: [container(probes)],
      });
      return refusals(ctx).filter((m) => m.includes('[fits-pool]'));
    };
    expect(at(60)).toEqual([]);
    expect(at(61)).toHaveLength(1);
  });

  test('PromQL that Prometheus parses is accepted, unbalanced PromQL is not', () => {
    expect(promqlProblem('histogram_quantile(0.5, sum by (le) (rate(h_bucket[30m]))) < 120')).toBeUndefined();
    expect(promqlProblem('absent(up{job="a"} == 1)')).toBeUndefined();
    expect(promqlProblem('rate(x[5m]))')).toMatch(/^is not valid PromQL: it stops parsing at character 12/);
    expect(promqlProblem('up{job="a"')).toMatch(/^is not valid PromQL/);
  });
});
