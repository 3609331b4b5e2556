import { PolicyRule } from '../../core/exceptions';
import { Manifest } from '../../core/manifest';
import { PolicyCheck, PolicyContext } from '../policy-check';
import { manifestIndex } from '../manifest-index';
import { podSpecOf, selects } from '../../core/pod-specs';

/** The fixed replica counts of the workloads a budget covers (autoscaled ones count their minimum). */
function coveredReplicas(budget: Manifest, { manifests }: PolicyContext): number[] {
  const inNamespace = manifestIndex(manifests).inNamespace(budget.namespace); // not every object for every budget
  return inNamespace
    .filter((m) => ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(m.kind))
    .filter((m) => selects(budget.object.spec?.selector, podSpecOf(m)?.labels ?? {}))
    .map((m) => {
      const hpa = inNamespace.find((h) => h.kind === 'HorizontalPodAutoscaler' && h.object.spec?.scaleTargetRef?.name === m.name);
      return hpa?.object.spec?.minReplicas ?? m.object.spec?.replicas ?? 1;
    });
}

/** A budget that never allows an eviction makes every node drain (upgrades, scale-down) hang. */
export const budgetEvictionCheck: PolicyCheck = {
  rule: PolicyRule.BUDGET_ALLOWS_EVICTION,
  appliesTo: (m) => m.kind === 'PodDisruptionBudget',
  check(m, context) {
    const { minAvailable, maxUnavailable } = m.object.spec ?? {};
    if (maxUnavailable === 0 || maxUnavailable === '0%') {
      return [
        {
          field: 'spec.maxUnavailable',
          value: maxUnavailable,
          problem: 'never allows an eviction, so node drains hang',
          fix: 'allow at least one: maxUnavailable: 1',
        },
      ];
    }
    const replicas = coveredReplicas(m, context);
    const blocked = minAvailable === '100%' || (typeof minAvailable === 'number' && replicas.length > 0 && replicas.some((r) => minAvailable >= r));
    if (!blocked) return [];
    return [
      {
        field: 'spec.minAvailable',
        value: minAvailable,
        problem: `never allows an eviction: the pods it covers number ${replicas.join(', ') || 'none'}`,
        fix: 'keep minAvailable below the replica count, or give maxUnavailable: 1',
      },
    ];
  },
};
