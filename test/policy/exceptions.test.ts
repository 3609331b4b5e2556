import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { declaredExceptions, declareException, PolicyRule } from '../../lib/core/exceptions';

function configMap(): k8s.KubeConfigMap {
  return new k8s.KubeConfigMap(new Chart(new App(), 'chart'), 'cm', { metadata: { name: 'cm', namespace: 'apps' } });
}

describe('policy exceptions', () => {
  test('a declared exception is an annotation on the object, read back by rule id', () => {
    const cm = configMap();
    declareException(cm, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason: 'FUSE mount needs a privileged sidecar' });
    const json = cm.toJson();
    expect(json.metadata.annotations).toEqual({ 'policy.k8s-platforms.dev/allow-pod-security-restricted': 'FUSE mount needs a privileged sidecar' });
    expect([...declaredExceptions(json)]).toEqual([['pod-security-restricted', 'FUSE mount needs a privileged sidecar']]);
  });

  test('objects without exceptions declare none', () => {
    expect(declaredExceptions(configMap().toJson()).size).toBe(0);
  });

  test('an exception without a real reason is refused', () => {
    expect(() => declareException(configMap(), { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason: 'needed' })).toThrow(
      'chart/cm: exception.reason must say in at least 10 characters why pod-security-restricted cannot hold for this object (got "needed"); fix: write the reason a reviewer needs',
    );
  });

  test('rules are found by id', () => {
    expect(PolicyRule.of('pod-security-restricted')).toBe(PolicyRule.POD_SECURITY_RESTRICTED);
    expect(PolicyRule.of('nope')).toBeUndefined();
  });
});
