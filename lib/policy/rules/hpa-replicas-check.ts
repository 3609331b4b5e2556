import { PolicyRule } from '../../core/exceptions';
import { PolicyCheck } from '../policy-check';
import { hpaOf, SCALABLE } from './scaled-workloads';

/** With an HPA, a fixed spec.replicas resets the scale on every apply (Flux reconciles it back). */
export const hpaReplicasCheck: PolicyCheck = {
  rule: PolicyRule.HPA_OWNS_REPLICAS,
  appliesTo: (m, context) => SCALABLE.has(m.kind) && hpaOf(m, context) !== undefined,
  check(m, context) {
    if (m.object.spec?.replicas === undefined) return [];
    return [
      {
        field: 'spec.replicas',
        value: m.object.spec.replicas,
        problem: `must not be set: HorizontalPodAutoscaler ${hpaOf(m, context)!.name} owns the replica count`,
        fix: 'leave replicas unset and give the HPA its minReplicas',
      },
    ];
  },
};
