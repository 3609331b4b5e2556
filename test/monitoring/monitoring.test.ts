import { AlertRules } from '../../lib/monitoring/alert-rules';
import { WorkloadMonitor } from '../../lib/monitoring/service-monitor';
import { NetworkGraph } from '../../lib/security/network-graph';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart } from '../helpers';

const prometheus = { namespace: 'monitoring', podLabels: { app: 'prometheus' }, selectorLabels: { release: 'stack' } };

describe('monitoring', () => {
  test('a ServiceMonitor on a named service port, and the scrape path through default deny', () => {
    const { chart, apps, pools } = testChart();
    const network = new NetworkGraph(apps, 'net');
    const web = new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [
        container({
          ports: [
            { name: 'http', port: 8080 },
            { name: 'metrics', port: 9090 },
          ],
        }),
      ],
    });
    new WorkloadMonitor(apps, 'monitor', { workload: web, port: 'metrics', prometheus, network });
    expect(rendered(chart, 'ServiceMonitor', 'web')).toMatchObject({
      metadata: { labels: { release: 'stack' } },
      spec: { endpoints: [{ port: 'metrics', path: '/metrics', interval: '30s' }] },
    });
    expect(rendered(chart, 'NetworkPolicy', 'web-from-prometheus').spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 9090 }]);
    expect(() => new WorkloadMonitor(apps, 'bad', { workload: web, port: 'prom', prometheus, network })).toThrow(
      'test/apps/web: service.ports names no port of Service web (got "prom"); fix: use one of: http, metrics',
    );
  });

  test('the ServiceMonitor names the Service port; the scrape is let through on the container port behind it', () => {
    const { chart, apps, pools } = testChart();
    const network = new NetworkGraph(apps, 'net');
    const web = new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      service: { ports: [{ name: 'metrics', port: 80, targetPort: 'metrics' }] },
      containers: [container({ ports: [{ name: 'metrics', port: 9090 }] })],
    });
    new WorkloadMonitor(apps, 'monitor', { workload: web, port: 'metrics', prometheus, network });
    expect(rendered(chart, 'ServiceMonitor', 'web').spec.endpoints[0].port).toBe('metrics');
    expect(rendered(chart, 'NetworkPolicy', 'web-from-prometheus').spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 9090 }]);
  });
  test('alerts carry severity and a description; names and durations are checked', () => {
    const { chart, apps } = testChart();
    const alert = { name: 'AppDown', expr: 'up == 0', for: '5m', severity: 'critical' as const, summary: 's', description: 'd' };
    new AlertRules(apps, 'rules', { name: 'app-alerts', namespace: 'apps', prometheus, groups: { app: [alert] } });
    expect(rendered(chart, 'PrometheusRule', 'app-alerts').spec.groups).toEqual([
      {
        name: 'app',
        rules: [{ alert: 'AppDown', expr: 'up == 0', for: '5m', labels: { severity: 'critical' }, annotations: { summary: 's', description: 'd' } }],
      },
    ]);
    expect(
      () => new AlertRules(apps, 'r2', { name: 'x', namespace: 'apps', prometheus, groups: { app: [{ ...alert, for: 'five minutes' }] } }),
    ).toThrow('test/apps/r2: groups.app[0].for must be a duration such as "30s", "10m" or "24h" (got "five minutes")');
  });
});
