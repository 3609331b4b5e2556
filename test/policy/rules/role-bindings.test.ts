import { k8s } from 'cdk8s-plus-28';
import { declareException, PolicyRule } from '../../../lib/core/exceptions';
import { collectPlatforms, policyInputOf } from '../../../lib/output/collect';
import { verifyPlatform } from '../../../lib/policy/verify';
import { testPlatform } from '../../helpers';

test('a declared binding to cluster-admin is accepted and reported with who gets what', () => {
  const ctx = testPlatform();
  const binding = new k8s.KubeClusterRoleBinding(ctx.platform.infrastructure, 'operator-admin', {
    metadata: { name: 'operator-admin' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ kind: 'ServiceAccount', name: 'operator', namespace: 'apps' }],
  });
  declareException(binding, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason: 'the operator installs CRDs and webhooks cluster-wide' });
  const verification = verifyPlatform(policyInputOf(collectPlatforms(ctx.app)[0]));
  expect(verification.errors.map((e) => e.message)).toEqual([]);
  expect(verification.report.sensitiveAccess).toContainEqual({
    object: 'ClusterRoleBinding operator-admin',
    grants: ['binds the built-in ClusterRole cluster-admin to ServiceAccount apps/operator'],
  });
});

test('a ClusterRole that may create pods, bound where only restricted pods are admitted, is accepted', () => {
  const ctx = testPlatform(); // namespace apps enforces restricted
  new k8s.KubeClusterRole(ctx.platform.apps, 'launcher', {
    metadata: { name: 'launcher' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }],
  });
  new k8s.KubeRoleBinding(ctx.platform.apps, 'launcher-binding', {
    metadata: { name: 'launcher', namespace: 'apps' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'launcher' },
    subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'apps' }],
  });
  expect(verifyPlatform(policyInputOf(collectPlatforms(ctx.app)[0])).errors.map((e) => e.message)).toEqual([]);
});

test('a declared binding of everyone is reported with the group it reaches', () => {
  const ctx = testPlatform();
  new k8s.KubeClusterRole(ctx.platform.apps, 'discovery', {
    metadata: { name: 'health-reader' },
    rules: [{ nonResourceUrLs: ['/healthz'], verbs: ['get'] }],
  });
  const binding = new k8s.KubeClusterRoleBinding(ctx.platform.apps, 'everyone', {
    metadata: { name: 'health-reader' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'health-reader' },
    subjects: [{ kind: 'Group', name: 'system:authenticated', apiGroup: 'rbac.authorization.k8s.io' }],
  });
  declareException(binding, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason: 'every client may read the health endpoint' });
  const verification = verifyPlatform(policyInputOf(collectPlatforms(ctx.app)[0]));
  expect(verification.errors.map((e) => e.message)).toEqual([]);
  expect(verification.report.sensitiveAccess).toContainEqual({
    object: 'ClusterRoleBinding health-reader',
    grants: ['grants ClusterRole health-reader to the group system:authenticated (everyone with any credential)'],
  });
});
