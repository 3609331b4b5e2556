import { k8s } from 'cdk8s-plus-28';
import { declareException, PolicyRule } from '../../lib/core/exceptions';
import { podSecurityCheck } from '../../lib/policy/rules/pod-security-check';
import { PodSecurityLevel } from '../../lib/core/pod-security';
import { SecureNamespace } from '../../lib/security/namespace';
import { WebService } from '../../lib/workloads/web-service';
import { container, testPlatform } from '../helpers';
import { checkFindings, verificationErrors } from '../pipeline-helpers';

const secure: Partial<k8s.PodSpec> = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'c', image: 'i:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
};
/** A privileged container may escalate (the API server refuses privileged with allowPrivilegeEscalation false). */
const privileged: Partial<k8s.PodSpec> = {
  ...secure,
  containers: [{ ...secure.containers![0], securityContext: { capabilities: { drop: ['ALL'] }, privileged: true } }],
};

function podTemplate(namespace: string, spec: Partial<k8s.PodSpec>, options: { level?: PodSecurityLevel; excused?: boolean } = {}) {
  const ctx = testPlatform();
  if (options.level) new SecureNamespace(ctx.platform.infrastructure, 'other', { name: 'other', podSecurity: options.level });
  const obj = new k8s.KubePodTemplate(ctx.platform.apps, 'raw', {
    metadata: { name: 'raw', namespace },
    template: { spec: { containers: [{ name: 'c', image: 'i:1' }], ...spec } },
  });
  if (options.excused) declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason: 'FUSE mount needs a privileged sidecar' });
  return ctx.app;
}

describe('pod security (restricted on every pod template)', () => {
  test('pods built by the workload constructs pass', () => {
    const { app, platform, pools } = testPlatform();
    new WebService(platform.apps, 'web', { name: 'web', namespace: 'apps', pool: pools.get('general'), containers: [container()] });
    expect(checkFindings(app, podSecurityCheck)).toEqual([]);
  });
  test('a secure hand-written pod passes', () => {
    expect(checkFindings(podTemplate('apps', secure), podSecurityCheck)).toEqual([]);
  });
  test('a bare container fails every container rule, each named', () => {
    expect(checkFindings(podTemplate('apps', {}), podSecurityCheck)).toEqual([
      'test/apps/raw: template.spec.containers[0].securityContext.allowPrivilegeEscalation must be false (Pod Security restricted)',
      'test/apps/raw: template.spec.containers[0].securityContext.capabilities.drop must include "ALL" (Pod Security restricted)',
      'test/apps/raw: template.spec.containers[0].securityContext.runAsNonRoot must be true (on the container or the pod) (Pod Security restricted)',
      'test/apps/raw: template.spec.containers[0].securityContext.seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod) (Pod Security restricted)',
    ]);
  });
  test('privileged, hostNetwork, hostPath and hostPort are refused', () => {
    const app = podTemplate('apps', {
      ...privileged,
      hostNetwork: true,
      volumes: [{ name: 'h', hostPath: { path: '/var' } }],
      containers: [{ ...privileged.containers![0], ports: [{ containerPort: 80, hostPort: 80 }] }],
    });
    expect(checkFindings(app, podSecurityCheck).map((e) => e.split(' (Pod')[0])).toEqual([
      'test/apps/raw: template.spec.hostNetwork must not be true',
      'test/apps/raw: template.spec.volumes[0] is a volume type restricted pods cannot use',
      'test/apps/raw: template.spec.containers[0].securityContext.privileged must not be true',
      'test/apps/raw: template.spec.containers[0].ports[0].hostPort must not be set',
      'test/apps/raw: template.spec.containers[0].securityContext.allowPrivilegeEscalation must be false',
    ]);
  });
  test('pod templates are checked in every namespace, not only restricted ones', () => {
    expect(checkFindings(podTemplate('kube-system', {}), podSecurityCheck)).toHaveLength(4);
  });
  test('an excused privileged pod in a privileged namespace passes, and the exception is counted as used', () => {
    expect(
      verificationErrors(podTemplate('other', privileged, { level: PodSecurityLevel.PRIVILEGED, excused: true })).filter((e) =>
        /pod-security|exception/.test(e),
      ),
    ).toEqual([]);
  });
  test('an excused pod must still pass its namespace level: baseline refuses privileged', () => {
    expect(
      verificationErrors(podTemplate('other', privileged, { level: PodSecurityLevel.BASELINE, excused: true })).filter((e) => /pod-security/.test(e)),
    ).toEqual([
      'test/apps/raw: template.spec.containers[0].securityContext.privileged must not be true (Pod Security baseline) (namespace other enforces baseline, so the exception cannot help) [pod-security-restricted] (got true); fix: remove privileged, or give namespace other the Pod Security level this pod needs',
    ]);
  });
  test('an excused pod in a namespace the platform does not create is refused', () => {
    expect(verificationErrors(podTemplate('elsewhere', privileged, { excused: true })).filter((e) => /pod-security/.test(e))).toEqual([
      'test/apps/raw: metadata.namespace is not created by this platform, so the Pod Security level that must admit this excused pod is unknown [pod-security-restricted] (got "elsewhere"); fix: create the namespace here (SecureNamespace) with the Pod Security level the pod needs',
    ]);
  });
  test('an exception that is not needed is refused', () => {
    expect(
      verificationErrors(podTemplate('other', secure, { level: PodSecurityLevel.PRIVILEGED, excused: true })).filter((e) => /exception/.test(e)),
    ).toEqual([
      'test/apps/raw: metadata.annotations["policy.k8s-platforms.dev/allow-pod-security-restricted"] declares an exception the object does not need (it breaks no part of that rule) (got "pod-security-restricted"); fix: remove the exception, so the rule guards this object again',
    ]);
  });
});
