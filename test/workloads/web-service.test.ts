import { WebService } from '../../lib/workloads/web-service';
import { container, find, manifests, testPlatform } from '../helpers';

describe('WebService', () => {
  function make(replicas = 2) {
    const { app, platform, pools } = testPlatform();
    const web = new WebService(platform.apps, 'web', { name: 'web', namespace: 'apps', pool: pools.get('gpu'), replicas, containers: [container()] });
    return { app, web };
  }

  test('emits Deployment, Service, ServiceAccount and a disruption budget', () => {
    const { app } = make();
    const kinds = manifests(app).filter((m) => m.namespace === 'apps' && m.name === 'web').map((m) => m.kind).sort();
    expect(kinds).toEqual(['Deployment', 'PodDisruptionBudget', 'Service', 'ServiceAccount']);
  });
  test('one replica gets no disruption budget (it would block node drains)', () => {
    const { app } = make(1);
    expect(manifests(app).some((m) => m.kind === 'PodDisruptionBudget')).toBe(false);
  });
  test('the pod is placed on its pool and secure', () => {
    const { app } = make();
    const pod = find(app, 'Deployment', 'web').spec.template.spec;
    expect(pod.nodeSelector).toEqual({ pool: 'gpu', 'kubernetes.io/arch': 'amd64' });
    expect(pod.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }]);
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe('web');
  });
  test('Service selects the pods on every container port', () => {
    const { app } = make();
    const deployment = find(app, 'Deployment', 'web');
    const service = find(app, 'Service', 'web');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
    expect(service.spec.type).toBe('ClusterIP');
  });
  test('servicePort looks ports up by name', () => {
    expect(make().web.servicePort('http')).toBe(8080);
  });
  test('a Fargate workload carries its profile labels and no nodeSelector', () => {
    const { app, platform, pools } = testPlatform();
    new WebService(platform.apps, 'api', { name: 'api', namespace: 'apps', pool: pools.get('serverless'), containers: [container()] });
    const template = find(app, 'Deployment', 'api').spec.template;
    expect(template.metadata.labels).toEqual({ compute: 'fargate', 'app.kubernetes.io/name': 'api' });
    expect(template.spec.nodeSelector).toBeUndefined();
  });
  test('NodePort services keep their node port', () => {
    const { app, platform, pools } = testPlatform();
    new WebService(platform.apps, 'term', { name: 'term', namespace: 'apps', pool: pools.get('general'), containers: [container()], service: { type: 'NodePort', ports: [{ name: 'ws', port: 80, targetPort: 'http', nodePort: 31000 }] } });
    expect(find(app, 'Service', 'term').spec).toMatchObject({ type: 'NodePort', ports: [{ name: 'ws', port: 80, targetPort: 'http', nodePort: 31000 }] });
  });
  test('service: false emits no Service', () => {
    const { app, platform, pools } = testPlatform();
    new WebService(platform.apps, 'worker', { name: 'worker', namespace: 'apps', pool: pools.get('general'), containers: [container()], service: false });
    expect(manifests(app).some((m) => m.kind === 'Service')).toBe(false);
  });
});
