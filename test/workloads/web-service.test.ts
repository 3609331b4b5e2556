import { declareReplacement } from '../../lib/core/replacement';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, renderedObjects, testChart } from '../helpers';

describe('WebService', () => {
  function make(replicas = 2) {
    const { chart, apps, pools } = testChart();
    const web = new WebService(apps, 'web', { name: 'web', namespace: 'apps', pool: pools.get('gpu'), replicas, containers: [container()] });
    return { chart, web };
  }

  test('emits Deployment, Service, ServiceAccount and a disruption budget', () => {
    const { chart } = make();
    const kinds = renderedObjects(chart)
      .filter((m) => m.namespace === 'apps' && m.name === 'web')
      .map((m) => m.kind)
      .sort();
    expect(kinds).toEqual(['Deployment', 'PodDisruptionBudget', 'Service', 'ServiceAccount']);
  });
  test('one replica gets no disruption budget (it would block node drains)', () => {
    const { chart } = make(1);
    expect(renderedObjects(chart).some((m) => m.kind === 'PodDisruptionBudget')).toBe(false);
  });
  test('the pod is placed on its pool and secure', () => {
    const { chart } = make();
    const pod = rendered(chart, 'Deployment', 'web').spec.template.spec;
    expect(pod.nodeSelector).toEqual({ pool: 'gpu', 'kubernetes.io/arch': 'amd64' });
    expect(pod.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }]);
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe('web');
  });
  test('Service selects the pods on every container port', () => {
    const { chart } = make();
    const deployment = rendered(chart, 'Deployment', 'web');
    const service = rendered(chart, 'Service', 'web');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
    expect(service.spec.type).toBe('ClusterIP');
  });
  test('servicePort looks ports up by name', () => {
    expect(make().web.servicePort('http')).toBe(8080);
  });
  test('a Fargate workload carries its profile labels and no nodeSelector', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'api', { name: 'api', namespace: 'apps', pool: pools.get('serverless'), containers: [container()] });
    const template = rendered(chart, 'Deployment', 'api').spec.template;
    expect(template.metadata.labels).toEqual({ compute: 'fargate', 'app.kubernetes.io/name': 'api' });
    expect(template.spec.nodeSelector).toBeUndefined();
  });
  test('NodePort services keep their node port', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'term', {
      name: 'term',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      service: { type: 'NodePort', ports: [{ name: 'ws', port: 80, targetPort: 'http', nodePort: 31000 }], clients: ServiceClients.anywhere() },
    });
    expect(rendered(chart, 'Service', 'term').spec).toMatchObject({
      type: 'NodePort',
      ports: [{ name: 'ws', port: 80, targetPort: 'http', nodePort: 31000 }],
    });
  });
  test('service: false emits no Service', () => {
    const { chart, apps, pools } = testChart();
    new WebService(apps, 'worker', { name: 'worker', namespace: 'apps', pool: pools.get('general'), containers: [container()], service: false });
    expect(renderedObjects(chart).some((m) => m.kind === 'Service')).toBe(false);
  });
});

describe('adopting a running application', () => {
  test("the workload keeps the install's selector labels: controller, Services, budget and rules select by them", () => {
    const { chart, apps, pools } = testChart();
    const web = new WebService(apps, 'checkout', {
      name: 'checkout',
      namespace: 'apps',
      pool: pools.get('general'),
      replicas: 2,
      selector: { app: 'checkout' },
      containers: [container()],
    });
    const deployment = rendered(chart, 'Deployment', 'checkout');
    expect(deployment.spec.selector).toEqual({ matchLabels: { app: 'checkout' } });
    expect(deployment.spec.template.metadata.labels).toEqual({ app: 'checkout' });
    expect(deployment.metadata.labels).toMatchObject({ app: 'checkout' });
    expect(rendered(chart, 'Service', 'checkout').spec.selector).toEqual({ app: 'checkout' });
    expect(rendered(chart, 'Service', 'checkout').metadata.labels).toMatchObject({ app: 'checkout' });
    expect(rendered(chart, 'PodDisruptionBudget', 'checkout').spec.selector).toEqual({ matchLabels: { app: 'checkout' } });
    expect(web.selector).toEqual({ app: 'checkout' });
  });
  test('an intended immutable change is declared on the object: Flux forces that object alone', () => {
    const { chart, apps, pools } = testChart();
    const web = new WebService(apps, 'checkout', { name: 'checkout', namespace: 'apps', pool: pools.get('general'), containers: [container()] });
    declareReplacement(web.controller, { reason: 'moves from app: checkout to the standard selector labels' });
    expect(rendered(chart, 'Deployment', 'checkout').metadata.annotations).toEqual({
      'kustomize.toolkit.fluxcd.io/force': 'enabled',
      'k8s-platforms.dev/replacement-reason': 'moves from app: checkout to the standard selector labels',
    });
    expect(rendered(chart, 'Service', 'checkout').metadata.annotations).toBeUndefined();
  });
});
