import { Site } from '../../lib/core/errors';
import { PodFeature } from '../../lib/placement/capacity';
import { InstanceType } from '../../lib/placement/instance-types';
import { NodePool, NodePools, Taint } from '../../lib/placement/node-pool';
import { testPools } from '../helpers';

const site = new Site('p/w');
const small = { cpuMillicores: 100, memoryBytes: 2 ** 27, gpus: 0, features: new Set<PodFeature>() };

describe('NodePool placement', () => {
  const pools = testPools();

  test('a node-group pool gives nodeSelector with architecture and tolerations for every taint', () => {
    expect(pools.get('gpu').place(site, { ...small, gpus: 1 })).toEqual({
      nodeSelector: { pool: 'gpu', 'kubernetes.io/arch': 'amd64' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }],
      podLabels: {},
    });
  });
  test('an untainted pool adds no tolerations', () => {
    expect(pools.get('general').place(site, small)).toEqual({
      nodeSelector: { pool: 'general', 'kubernetes.io/arch': 'arm64' },
      tolerations: undefined,
      podLabels: {},
    });
  });
  test('a Fargate pool is reached by pod labels, not nodeSelector', () => {
    expect(pools.get('serverless').place(site, small)).toEqual({ podLabels: { compute: 'fargate' } });
  });
  test('Fargate refuses a RuntimeClass', () => {
    expect(() => pools.get('serverless').place(site, { ...small, features: new Set([PodFeature.RUNTIME_CLASS]) })).toThrow(
      'p/w: pool is fargate capacity, which cannot run a custom RuntimeClass (e.g. gVisor) (got "serverless"); fix: place this workload on a node-group pool, or drop the feature for this environment',
    );
  });
  test('a pod bigger than one node is refused', () => {
    expect(() => pools.get('general').place(site, { ...small, cpuMillicores: 3000 })).toThrow(
      'p/w: resources.requests do not fit one node of pool general (Standard_B2ps_v2: 2 vCPU, 8Gi) (got {"cpu":"3","memory":"128Mi"}); fix: lower the requests or choose a pool with larger nodes',
    );
  });
  test('a pod exactly one node big fits', () => {
    expect(() => pools.get('general').place(site, { ...small, cpuMillicores: 2000, memoryBytes: 8 * 2 ** 30 })).not.toThrow();
  });
  test('GPUs on a pool without them are refused', () => {
    expect(() => pools.get('general').place(site, { ...small, gpus: 1 })).toThrow(
      'p/w: pool has no GPUs (instance type Standard_B2ps_v2) but the pod requests 1 (got "general")',
    );
  });
  test('autoscaling follows the bounds', () => {
    expect(pools.get('general').autoscaling).toBe(true);
    expect(new NodePool({ name: 'one', instanceType: InstanceType.AWS_M6G_LARGE, minNodes: 1, maxNodes: 1, labels: { a: 'b' } }).autoscaling).toBe(
      false,
    );
  });
  test('selection by nodeSelector', () => {
    expect(pools.get('gpu').isSelectedBy({ pool: 'gpu', other: 'x' })).toBe(true);
    expect(pools.get('gpu').isSelectedBy({ pool: 'general' })).toBe(false);
  });
});

describe('Taint', () => {
  const taint = Taint.noSchedule('workload', 'frontend');
  test.each([
    [{ key: 'workload', operator: 'Equal', value: 'frontend', effect: 'NoSchedule' }, true],
    [{ key: 'workload', operator: 'Exists' }, true],
    [{ operator: 'Exists' }, true],
    [{ key: 'workload', operator: 'Equal', value: 'backend', effect: 'NoSchedule' }, false],
    [{ key: 'workload', operator: 'Equal', value: 'frontend', effect: 'NoExecute' }, false],
  ])('toleration %j tolerates: %s', (toleration, expected) => {
    expect(taint.isToleratedBy(toleration)).toBe(expected);
  });
  test('prints as kubectl does', () => {
    expect(taint.toString()).toBe('workload=frontend:NoSchedule');
  });
});

describe('NodePools', () => {
  test('lists pools in order', () => {
    expect(testPools().all.map((p) => p.name)).toEqual(['general', 'gpu', 'serverless']);
  });
});

describe('NodePool props', () => {
  const base = { name: 'p', instanceType: InstanceType.AWS_M6G_LARGE, minNodes: 1, maxNodes: 2, labels: { a: 'b' } };
  test('min above max is refused', () => {
    expect(() => new NodePool({ ...base, minNodes: 3, maxNodes: 2 })).toThrow(
      'node pool p: minNodes..maxNodes must be whole numbers with 0 <= minNodes <= maxNodes and maxNodes >= 1 (got "3..2")',
    );
  });
  test('a pool without labels cannot be selected', () => {
    expect(() => new NodePool({ ...base, labels: {} })).toThrow('node pool p: labels must name at least one node label (got {})');
  });
  test('two pools with one name are refused', () => {
    expect(() => new NodePools([new NodePool(base), new NodePool(base)])).toThrow('node pool p: name is used by two pools (got "p")');
  });
});
