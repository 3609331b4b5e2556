import { Testing } from 'cdk8s';
import { NamespacedRole } from '../../lib/security/rbac';

describe('NamespacedRole', () => {
  test('a Role and a RoleBinding to a service account of another namespace', () => {
    const chart = Testing.chart();
    new NamespacedRole(chart, 'role', {
      name: 'manager',
      namespace: 'work',
      subjects: [{ name: 'manager', namespace: 'control' }],
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/exec'], verbs: ['get', 'create'] }],
    });
    const [role, binding] = Testing.synth(chart);
    expect(role).toMatchObject({
      kind: 'Role',
      metadata: { name: 'manager', namespace: 'work' },
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/exec'], verbs: ['get', 'create'] }],
    });
    expect(binding).toMatchObject({
      kind: 'RoleBinding',
      metadata: { name: 'manager-binding', namespace: 'work' },
      subjects: [{ kind: 'ServiceAccount', name: 'manager', namespace: 'control' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'manager' },
    });
  });

  test('wildcards and unknown verbs are refused', () => {
    const role = (verbs: string[]) => () =>
      new NamespacedRole(Testing.chart(), 'role', {
        name: 'r',
        namespace: 'w',
        subjects: [{ name: 's', namespace: 'w' }],
        rules: [{ apiGroups: [''], resources: ['pods'], verbs }],
      });
    expect(role(['*'])).toThrow(
      'rules[0].verbs must not contain "*": a wildcard grants whatever is added later (got ["*"]); fix: list the verbs explicitly',
    );
    expect(role(['read'])).toThrow('rules[0].verbs are not Kubernetes API verbs (got ["read"])');
  });
});
