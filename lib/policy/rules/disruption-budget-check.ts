import { PolicyRule } from '../../core/exceptions';
import { podSpecOf } from '../../core/pod-specs';
import { PolicyCheck } from '../policy-check';
import { manifestIndex } from '../manifest-index';
import { hpaOf, SCALABLE } from './scaled-workloads';

/** Several pods (or an HPA that may make several) need a budget, or a node drain takes them all at once. */
export const disruptionBudgetCheck: PolicyCheck = {
  rule: PolicyRule.DISRUPTION_BUDGET,
  appliesTo: (m, context) => SCALABLE.has(m.kind) && ((m.object.spec?.replicas ?? 1) > 1 || hpaOf(m, context) !== undefined),
  check(m, { manifests }) {
    const labels = podSpecOf(m)?.labels ?? {};
    // Only policy/v1 counts: policy/v1beta1 is not served by 1.28 (the schema check refuses it); the index holds only policy/v1 budgets.
    const covered = manifestIndex(manifests).pdbCovers(m.namespace, labels);
    if (covered) return [];
    return [
      {
        field: 'spec.replicas',
        value: m.object.spec?.replicas,
        problem: 'makes a replicated workload that no PodDisruptionBudget covers',
        fix: 'add a PodDisruptionBudget (minAvailable: 1) selecting its pods; WebService and StatefulStore add one when replicas > 1',
      },
    ];
  },
};
