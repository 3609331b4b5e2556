import { parse } from 'yaml';
import { NodePoolInventory } from '../../lib/placement/node-pool-inventory';
import { rendered, testChart } from '../helpers';

describe('NodePoolInventory', () => {
  const { chart, infrastructure, pools } = testChart();
  new NodePoolInventory(infrastructure, 'pools', { name: 'cluster-pools', pools: pools.all });
  const data = rendered(chart, 'ConfigMap', 'cluster-pools').data;

  test('lives in kube-system with one key per pool', () => {
    expect(rendered(chart, 'ConfigMap', 'cluster-pools').metadata.namespace).toBe('kube-system');
    expect(Object.keys(data).sort()).toEqual(['general.yaml', 'gpu.yaml', 'serverless.yaml']);
  });
  test('records what the cloud side must provide', () => {
    expect(parse(data['gpu.yaml'])).toEqual({
      role: 'user',
      capacity: 'managed node group',
      instanceType: 'g4dn.xlarge',
      architecture: 'amd64',
      vcpu: 4,
      memory: '16Gi',
      gpus: '1x NVIDIA T4',
      minNodes: 0,
      maxNodes: 2,
      autoscaling: true,
      labels: { pool: 'gpu' },
      taints: ['nvidia.com/gpu=present:NoSchedule'],
    });
    expect(parse(data['serverless.yaml'])).toMatchObject({ capacity: 'fargate', labels: { compute: 'fargate' } });
  });
});
