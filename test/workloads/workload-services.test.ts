import { StatefulStore } from '../../lib/workloads/stateful-store';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, renderedObjects, testChart } from '../helpers';

describe('workload Services', () => {
  test('a named LoadBalancer beside the in-cluster Service, ports mapped port -> targetPort by name', () => {
    const { chart, apps, pools } = testChart();
    const web = new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      extraServices: [
        { name: 'web-public', type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'http' }], clients: ServiceClients.anywhere() },
      ],
    });
    expect(rendered(chart, 'Service', 'web').spec).toMatchObject({
      type: 'ClusterIP',
      ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }],
    });
    expect(rendered(chart, 'Service', 'web-public').spec).toMatchObject({
      type: 'LoadBalancer',
      ports: [{ name: 'https', port: 443, targetPort: 'http', protocol: 'TCP' }],
    });
    expect(web.services.map((s) => `${s.name}:${s.type}`)).toEqual(['web:ClusterIP', 'web-public:LoadBalancer']);
    expect(web.servicePort('http')).toBe(8080);
  });
  test('a NodePort with a fixed node port', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      service: { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }], clients: ServiceClients.anywhere() },
    });
    expect(rendered(chart, 'Service', 'web').spec).toMatchObject({ type: 'NodePort', ports: [{ nodePort: 30080 }] });
  });
  test('a Service of its own name serves routes (serviceName, servicePort)', () => {
    const { apps, pools } = testChart();
    const web = new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      service: { name: 'frontend' },
    });
    expect(web.serviceName).toBe('frontend');
    expect(web.service?.name).toBe('frontend');
  });
  test('a target gives both ends of a port, its DNS name and URLs; another Service by name', () => {
    const { apps, pools } = testChart();
    const web = new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      service: { ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
      extraServices: [{ name: 'web-direct' }],
    });
    expect([web.servicePort('http'), web.targetPort('http')]).toEqual([80, 8080]);
    expect(web.dnsName).toBe('web.apps.svc.cluster.local');
    expect(web.address('http')).toBe('web.apps.svc.cluster.local:80');
    expect(web.url('http')).toBe('http://web.apps.svc.cluster.local:80');
    expect(web.url('http', 'grpc')).toBe('grpc://web.apps.svc.cluster.local:80');
    expect(web.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const direct = web.serviceNamed('web-direct');
    expect([direct.serviceName, direct.servicePort('http'), direct.url('http')]).toEqual([
      'web-direct',
      8080,
      'http://web-direct.apps.svc.cluster.local:8080',
    ]);
    expect(direct.selector).toEqual(web.selector);
    expect(() => web.serviceNamed('web-public')).toThrow(
      'test/apps/web: serviceNamed names no Service of this workload (got "web-public"); fix: use one of: web, web-direct',
    );
  });
  test('a StatefulSet gets a headless Service by default, and names it as its governing service', () => {
    const { chart, apps, pools } = testChart();
    new StatefulStore(apps, 'db', {
      name: 'db',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container({ volumeMounts: [{ volume: 'data', path: '/data' }] })],
      volumeClaims: [{ name: 'data', size: '1Gi', storageClass: 'ssd' }],
      extraServices: [{ name: 'db-read', type: 'ClusterIP' }],
    });
    expect(rendered(chart, 'Service', 'db').spec).toMatchObject({ type: 'ClusterIP', clusterIP: 'None' });
    expect(rendered(chart, 'Service', 'db-read').spec.clusterIP).toBeUndefined();
    expect(rendered(chart, 'StatefulSet', 'db').spec.serviceName).toBe('db');
  });
});

describe('disruption budgets', () => {
  const make = (disruptionBudget?: any, replicas = 3) => {
    const { chart, apps, pools } = testChart();
    const web = new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      replicas,
      containers: [container()],
      disruptionBudget,
    });
    return { chart, web };
  };
  test('the documented default: minAvailable 1', () => {
    expect(rendered(make().chart, 'PodDisruptionBudget', 'web').spec).toEqual({
      minAvailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
    });
  });
  test('maxUnavailable as a count or a percentage', () => {
    expect(rendered(make({ maxUnavailable: 1 }).chart, 'PodDisruptionBudget', 'web').spec.maxUnavailable).toBe(1);
    expect(rendered(make({ minAvailable: '50%' }).chart, 'PodDisruptionBudget', 'web').spec.minAvailable).toBe('50%');
  });
  test('false: no budget, for pods meant to be evicted', () => {
    const { chart, web } = make(false);
    expect(renderedObjects(chart).some((m) => m.kind === 'PodDisruptionBudget')).toBe(false);
    expect(web.disruptionBudget).toBeUndefined();
  });
  test('a bad percentage is refused', () => {
    expect(() => make({ minAvailable: '150%' })).toThrow(
      'test/apps/web: disruptionBudget.minAvailable must be a whole number of pods of at least 0 or a percentage such as "50%" (got "150%"); fix: e.g. minAvailable: 1',
    );
  });
});
