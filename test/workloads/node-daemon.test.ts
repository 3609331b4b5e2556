import { Probe } from '../../lib/workloads/probe';
import { NodeDaemon } from '../../lib/workloads/node-daemon';
import { container, rendered, testChart } from '../helpers';

describe('NodeDaemon', () => {
  test('a DaemonSet placed on its pool, with no replicas, no autoscaler and no disruption budget', () => {
    const { chart, apps, pools } = testChart();
    new NodeDaemon(apps, 'agent', {
      name: 'agent',
      namespace: 'apps',
      pool: pools.get('general'),
      imagePullSecrets: ['regcred'],
      containers: [container({ readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') })],
    });
    const daemonSet = rendered(chart, 'DaemonSet', 'agent');
    expect(daemonSet.spec.replicas).toBeUndefined();
    expect(daemonSet.spec.template.spec).toMatchObject({
      nodeSelector: { pool: 'general', 'kubernetes.io/arch': 'arm64' },
      imagePullSecrets: [{ name: 'regcred' }],
    });
    expect(daemonSet.spec.selector.matchLabels).toEqual(daemonSet.spec.template.metadata.labels);
    expect(rendered(chart, 'Service', 'agent').spec.ports[0].port).toBe(8080);
    expect(chart.toJson().filter((o: any) => ['PodDisruptionBudget', 'HorizontalPodAutoscaler'].includes(o.kind))).toEqual([]);
  });
});
