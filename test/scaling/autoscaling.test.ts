import { App, Chart, Testing } from 'cdk8s';
import { gimpStreamingPools } from '../../platforms/gimp-streaming/pools';
import { ClusterAutoscalerSettings } from '../../lib/scaling/cluster-autoscaler';
import { HorizontalAutoscaler } from '../../lib/scaling/horizontal-autoscaler';
import { Probe } from '../../lib/workloads/probe';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart } from '../helpers';

/** Probes, so the rendered chart passes the checks cdk8s runs on synth (the rule a WebService without them breaks). */
const PROBES = { readinessProbe: Probe.httpGet('/healthz', 'http'), livenessProbe: Probe.httpGet('/healthz', 'http') };

describe('HorizontalAutoscaler', () => {
  test('a workload with autoscaling gets an HPA and no fixed replicas', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container(PROBES)],
      autoscaling: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 75 },
    });
    expect(rendered(chart, 'Deployment', 'web').spec.replicas).toBeUndefined();
    expect(rendered(chart, 'HorizontalPodAutoscaler', 'web').spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } }],
    });
    expect(rendered(chart, 'PodDisruptionBudget', 'web').spec.minAvailable).toBe(1);
  });

  test('bounds and policies are checked', () => {
    const chart = new Chart(new App(), 'c');
    expect(
      () =>
        new HorizontalAutoscaler(chart, 'a', {
          namespace: 'x',
          target: { kind: 'Deployment', name: 'w' },
          minReplicas: 5,
          maxReplicas: 2,
          cpuUtilization: 50,
        }),
    ).toThrow('c/a: autoscaling.minReplicas..maxReplicas must be whole numbers with 1 <= minReplicas <= maxReplicas (got "5..2")');
    expect(
      () =>
        new HorizontalAutoscaler(chart, 'b', {
          namespace: 'x',
          target: { kind: 'Deployment', name: 'w' },
          minReplicas: 1,
          maxReplicas: 2,
          cpuUtilization: 50,
          scaleDown: { policies: [{ type: 'Percent', value: 10, periodSeconds: 3600 }] },
        }),
    ).toThrow('c/b: autoscaling.scaleDown.policies[0].periodSeconds must be whole seconds from 1 to 1800 (got 3600)');
  });
});

describe('ClusterAutoscalerSettings', () => {
  const settings = {
    maxNodesTotal: 100,
    minNodesTotal: 3,
    scaleDownUtilizationThreshold: 0.5,
    scaleDownUnneededTime: '10m',
    scaleDownDelayAfterAdd: '10m',
    pools: gimpStreamingPools.all,
  };

  test('the seed keys and the flags they mean', () => {
    const chart = Testing.chart();
    new ClusterAutoscalerSettings(chart, 'ca', settings);
    const [configMap] = Testing.synth(chart);
    expect(configMap.metadata).toEqual({ name: 'cluster-autoscaler-settings', namespace: 'kube-system' });
    expect(configMap.data).toEqual({
      'nodes.max': '100',
      'nodes.min': '3',
      'scale-down-utilization-threshold': '0.5',
      'scale-down-unneeded-time': '10m',
      'scale-down-delay-after-add': '10m',
      flags: '--max-nodes-total=100 --scale-down-utilization-threshold=0.5 --scale-down-unneeded-time=10m --scale-down-delay-after-add=10m',
    });
  });

  test('bad values are refused', () => {
    expect(() => new ClusterAutoscalerSettings(Testing.chart(), 'ca', { ...settings, scaleDownUtilizationThreshold: 50 })).toThrow(
      'scaleDownUtilizationThreshold must be a fraction above 0 and at most 1 (got 50); fix: e.g. 0.5',
    );
    expect(() => new ClusterAutoscalerSettings(Testing.chart(), 'ca', { ...settings, minNodesTotal: 10 })).toThrow(
      "minNodesTotal is above the sum of the autoscaled pools' minimums (4: cpu 1-50, gpu 0-20, storage 1-10, edge 2-10), so the cluster can shrink below it (got 10)",
    );
    expect(() => new ClusterAutoscalerSettings(Testing.chart(), 'ca', { ...settings, scaleDownUnneededTime: 'ten minutes' })).toThrow(
      'scaleDownUnneededTime must be a duration such as "30s", "10m" or "24h" (got "ten minutes")',
    );
  });
});
