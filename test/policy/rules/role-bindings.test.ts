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
