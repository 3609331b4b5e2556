import { Site } from '../../lib/core/errors';
import { PodFeature } from '../../lib/placement/capacity';
import { InstanceType } from '../../lib/placement/instance-types';
import { NodePool } from '../../lib/placement/node-pool';
import { NodePoolInventory } from '../../lib/placement/node-pool-inventory';
import { WebService } from '../../lib/workloads/web-service';
import { parse } from 'yaml';
import { container, rendered, testChart } from '../helpers';

const site = new Site('p/w');
const demand = { cpuMillicores: 100, memoryBytes: 2 ** 27, gpus: 0, features: new Set<PodFeature>() };
const node = new NodePool({
  name: 'node',
  instanceType: InstanceType.AWS_M6G_XLARGE,
  minNodes: 1,
  maxNodes: 1,
  labels: { node: 'one' },
  localImages: ['sandbox:1.0.0'],
});
const other = new NodePool({ name: 'other', instanceType: InstanceType.AWS_M6G_XLARGE, minNodes: 0, maxNodes: 2, labels: { node: 'two' } });

describe('never-pulled images (NodePool.localImages)', () => {
  test('a pool that holds the image places the pod', () => {
    expect(node.place(site, { ...demand, neverPulledImages: [{ field: 'containers[0].image', image: 'sandbox:1.0.0' }] }).nodeSelector).toEqual({
      node: 'one',
      'kubernetes.io/arch': 'arm64',
    });
  });
  test('a pool that does not hold it refuses the pod, naming the container', () => {
    expect(() => other.place(site, { ...demand, neverPulledImages: [{ field: 'containers[1].image', image: 'sandbox:1.0.0' }] })).toThrow(
      'p/w: containers[1].image is never pulled (imagePullPolicy Never), but pool other does not hold it, so the pod would fail with ErrImageNeverPull (got "sandbox:1.0.0"); fix: place the pod on a pool whose localImages list it (pool other lists none), or push it to a registry and use IfNotPresent',
    );
  });
  test('a different tag of a held image is not held', () => {
    expect(() => node.place(site, { ...demand, neverPulledImages: [{ field: 'containers[0].image', image: 'sandbox:1.0.1' }] })).toThrow(
      'but pool node does not hold it',
    );
  });
  test.each(['sandbox', 'sandbox:latest', 'two words:1'])('a local image must carry a version tag: %s', (image) => {
    expect(
      () =>
        new NodePool({ name: 'n', instanceType: InstanceType.AWS_M6G_XLARGE, minNodes: 1, maxNodes: 1, labels: { n: 'n' }, localImages: [image] }),
    ).toThrow('node pool n: localImages[0] must be an image reference with a version tag');
  });
  test('workloads feed their Never images to placement; IfNotPresent images are not checked', () => {
    const { apps } = testChart();
    expect(
      () =>
        new WebService(apps, 'ok', {
          name: 'ok',
          namespace: 'apps',
          pool: node,
          containers: [container({ image: 'sandbox:1.0.0', imagePullPolicy: 'Never' })],
        }),
    ).not.toThrow();
    expect(
      () => new WebService(apps, 'pulled', { name: 'pulled', namespace: 'apps', pool: other, containers: [container({ image: 'sandbox:1.0.0' })] }),
    ).not.toThrow();
    expect(
      () =>
        new WebService(apps, 'bad', {
          name: 'bad',
          namespace: 'apps',
          pool: other,
          initContainers: [container({ name: 'init', image: 'sandbox:1.0.0', imagePullPolicy: 'Never', ports: [] })],
          containers: [container()],
        }),
    ).toThrow('test/apps/bad: initContainers[0].image is never pulled');
  });
  test('the inventory lists the images a pool holds', () => {
    const { chart, infrastructure } = testChart();
    new NodePoolInventory(infrastructure, 'pools', { name: 'pools', pools: [node, other] });
    const data = rendered(chart, 'ConfigMap', 'pools').data;
    expect(parse(data['node.yaml']).localImages).toEqual(['sandbox:1.0.0']);
    expect(parse(data['other.yaml']).localImages).toBeUndefined();
  });
});
