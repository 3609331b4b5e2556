import { Site } from '../../lib/core/errors';
import { NodeCapacity, PodFeature } from '../../lib/placement/capacity';
import { InstanceType } from '../../lib/placement/instance-types';
import { NodePool } from '../../lib/placement/node-pool';
import { NodePoolInventory } from '../../lib/placement/node-pool-inventory';
import { parse } from 'yaml';
import { rendered, testChart } from '../helpers';

const site = new Site('p/w');
const demand = { cpuMillicores: 500, memoryBytes: 2 ** 30, gpus: 0, features: new Set<PodFeature>() };
const fargate = () =>
  new NodePool({
    name: 'compute',
    instanceType: InstanceType.AWS_FARGATE,
    minNodes: 0,
    maxNodes: 50,
    labels: { compute: 'fargate' },
    capacity: NodeCapacity.fargate({ name: 'compute-profile', namespaces: ['workloads', 'jobs'] }),
  });

describe('Fargate profile', () => {
  test('pods in a namespace of the profile get the profile labels and no nodeSelector', () => {
    expect(fargate().place(site, { ...demand, namespace: 'jobs' })).toEqual({ podLabels: { compute: 'fargate' } });
  });
  test('a pod in another namespace would stay Pending and is refused', () => {
    expect(() => fargate().place(site, { ...demand, namespace: 'system' })).toThrow(
      'p/w: pool is fargate capacity whose profile compute-profile selects namespaces workloads, jobs, so a pod in system would stay Pending (got "compute"); fix: run the pod in one of: workloads, jobs, or add its namespace to the profile',
    );
  });
  test.each([
    [PodFeature.RUNTIME_CLASS, 'a custom RuntimeClass (e.g. gVisor)'],
    [PodFeature.DAEMON_SET, 'DaemonSets'],
    [PodFeature.PRIVILEGED, 'privileged containers'],
    [PodFeature.HOST_NETWORK, 'hostNetwork'],
    [PodFeature.GPU, 'GPUs'],
  ])('refuses %s', (feature, text) => {
    expect(() => fargate().place(site, { ...demand, namespace: 'jobs', features: new Set([feature]) })).toThrow(
      `pool is fargate capacity, which cannot run ${text}`,
    );
  });
  test('the profile name must be a DNS label', () => {
    expect(
      () =>
        new NodePool({
          name: 'compute',
          instanceType: InstanceType.AWS_FARGATE,
          minNodes: 0,
          maxNodes: 5,
          labels: { a: 'b' },
          capacity: NodeCapacity.fargate({ name: 'Compute Profile', namespaces: ['w'] }),
        }),
    ).toThrow('node pool compute: capacity.fargateProfile.name');
  });
  test("the inventory writes the profile the cluster must have, in eksctl's shape", () => {
    const { chart, infrastructure } = testChart();
    new NodePoolInventory(infrastructure, 'pools', { name: 'pools', pools: [fargate()] });
    expect(parse(rendered(chart, 'ConfigMap', 'pools').data['compute.yaml']).fargateProfile).toEqual({
      name: 'compute-profile',
      selectors: [
        { namespace: 'workloads', labels: { compute: 'fargate' } },
        { namespace: 'jobs', labels: { compute: 'fargate' } },
      ],
    });
  });
  test('a Fargate pool without a profile is placed as before (no namespace check)', () => {
    const pool = new NodePool({
      name: 'serverless',
      instanceType: InstanceType.AWS_FARGATE,
      minNodes: 0,
      maxNodes: 5,
      labels: { a: 'b' },
      capacity: NodeCapacity.fargate(),
    });
    expect(pool.place(site, { ...demand, namespace: 'anything' })).toEqual({ podLabels: { a: 'b' } });
  });
});
