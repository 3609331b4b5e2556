import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { GpuSharing, GpuTimeSlicingConfig } from '../../lib/placement/gpu-sharing';
import { InstanceType } from '../../lib/placement/instance-types';
import { NodePool } from '../../lib/placement/node-pool';

const gpuPool = (sharing?: GpuSharing) =>
  new NodePool({ name: 'gpu', instanceType: InstanceType.AWS_G4DN_XLARGE, minNodes: 0, maxNodes: 2, labels: { pool: 'gpu' }, gpuSharing: sharing });

describe('GPU time-slicing', () => {
  test('the device plugin config, keyed by pool, selected by a node label of the pool', () => {
    const pool = gpuPool(GpuSharing.timeSlicing(4));
    expect(pool.labels).toEqual({ pool: 'gpu', 'nvidia.com/device-plugin.config': 'gpu' });
    const chart = Testing.chart();
    new GpuTimeSlicingConfig(chart, 'slicing', { pools: [pool] });
    const [configMap] = Testing.synth(chart);
    expect(configMap.metadata).toEqual({ name: 'time-slicing-config', namespace: 'gpu-operator' });
    expect(parse(configMap.data.gpu)).toEqual({
      version: 'v1',
      flags: { migStrategy: 'none' },
      sharing: { timeSlicing: { renameByDefault: false, failRequestsGreaterThanOne: true, resources: [{ name: 'nvidia.com/gpu', replicas: 4 }] } },
    });
  });

  test('sharing needs GPUs and a sensible ratio', () => {
    expect(() => GpuSharing.timeSlicing(0.25)).toThrow('GpuSharing.timeSlicing: replicas must be a whole number from 2 to 48 (got 0.25)');
    expect(
      () =>
        new NodePool({
          name: 'cpu',
          instanceType: InstanceType.AWS_C6G_4XLARGE,
          minNodes: 1,
          maxNodes: 2,
          labels: { pool: 'cpu' },
          gpuSharing: GpuSharing.timeSlicing(4),
        }),
    ).toThrow('node pool cpu: gpuSharing needs GPUs, but c6g.4xlarge has none (got "time-slicing x4")');
    expect(() => new GpuTimeSlicingConfig(Testing.chart(), 's', { pools: [gpuPool()] })).toThrow('pools has no pool with GPU sharing (got ["gpu"])');
  });
});
