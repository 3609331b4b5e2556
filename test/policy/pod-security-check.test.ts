import { k8s } from 'cdk8s-plus-28';
import { checkPodSecurity } from '../../lib/policy/pod-security-check';
import { WebService } from '../../lib/workloads/web-service';
import { container, manifests, testPlatform } from '../helpers';

function check(namespace: string, spec: Partial<k8s.PodSpec>) {
  const { app, platform } = testPlatform();
  new k8s.KubePodTemplate(platform.apps, 'raw', {
    metadata: { name: 'raw', namespace },
    template: { spec: { containers: [{ name: 'c', image: 'i:1' }], ...spec } },
  });
  return checkPodSecurity(manifests(app)).map((e) => e.message);
}

const secure: Partial<k8s.PodSpec> = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'c', image: 'i:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
};

describe('checkPodSecurity (restricted)', () => {
  test('pods built by the workload constructs pass', () => {
    const { app, platform, pools } = testPlatform();
    new WebService(platform.apps, 'web', { name: 'web', namespace: 'apps', pool: pools.get('general'), containers: [container()] });
    expect(checkPodSecurity(manifests(app))).toEqual([]);
  });
  test('a secure hand-written pod passes', () => {
    expect(check('apps', secure)).toEqual([]);
  });
  test('a bare container fails every container rule, each named', () => {
    expect(check('apps', {})).toEqual([
      'test/apps/raw: template.spec.containers[0].securityContext.allowPrivilegeEscalation must be false (namespace apps enforces restricted) (got nothing); fix: set allowPrivilegeEscalation: false',
      'test/apps/raw: template.spec.containers[0].securityContext.capabilities.drop must include "ALL" (namespace apps enforces restricted) (got nothing); fix: drop ALL capabilities',
      'test/apps/raw: template.spec.containers[0].securityContext.runAsNonRoot must be true (on the container or the pod) (namespace apps enforces restricted) (got nothing); fix: set runAsNonRoot: true',
      'test/apps/raw: template.spec.containers[0].securityContext.seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod) (namespace apps enforces restricted) (got nothing); fix: set seccompProfile: { type: RuntimeDefault } on the pod',
    ]);
  });
  test('privileged, hostNetwork, hostPath and hostPort are refused', () => {
    const errors = check('apps', {
      ...secure,
      hostNetwork: true,
      volumes: [{ name: 'h', hostPath: { path: '/var' } }],
      containers: [{ ...secure.containers![0], ports: [{ containerPort: 80, hostPort: 80 }], securityContext: { ...secure.containers![0].securityContext, privileged: true } }],
    });
    expect(errors.map((e) => e.split(' (namespace')[0])).toEqual([
      'test/apps/raw: template.spec.hostNetwork must not be true',
      'test/apps/raw: template.spec.volumes[0] is a volume type restricted pods cannot use',
      'test/apps/raw: template.spec.containers[0].securityContext.privileged must not be true',
      'test/apps/raw: template.spec.containers[0].ports[0].hostPort must not be set',
    ]);
  });
  test('namespaces that do not enforce restricted are not checked here', () => {
    expect(check('kube-system', {})).toEqual([]);
  });
});
