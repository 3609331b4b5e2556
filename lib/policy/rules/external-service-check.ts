import { PolicyRule } from '../../core/exceptions';
import { PolicyCheck } from '../policy-check';
import { manifestIndex } from '../manifest-index';
import { selects } from '../../core/pod-specs';

const EXTERNAL_TYPES = new Set(['LoadBalancer', 'NodePort']);

/** An ingress rule that admits traffic from outside the cluster: any source, or an address block. */
function admitsOutside(rule: Record<string, any>): boolean {
  const from: any[] = rule.from ?? [];
  return from.length === 0 || from.some((peer) => peer.ipBlock !== undefined);
}

/**
 * A Service opened to the outside whose pods the namespace's default deny still closes is a
 * load balancer that answers nothing: some NetworkPolicy must admit outside traffic to its pods.
 */
export const externalServiceCheck: PolicyCheck = {
  rule: PolicyRule.EXTERNAL_SERVICE_ADMITTED,
  appliesTo: (m) => m.kind === 'Service' && EXTERNAL_TYPES.has(m.object.spec?.type),
  check(m, { manifests }) {
    const pods = manifestIndex(manifests)
      .podTemplatesIn(m.namespace)
      .filter((p) => selects(m.object.spec?.selector, p.labels));
    const admitted =
      pods.length > 0 &&
      pods.every((pod) =>
        manifests.some(
          (policy) =>
            policy.kind === 'NetworkPolicy' &&
            policy.namespace === m.namespace &&
            selects(policy.object.spec?.podSelector, pod.labels) &&
            (policy.object.spec?.ingress ?? []).some(admitsOutside),
        ),
      );
    if (admitted) return [];
    return [
      {
        field: 'spec.type',
        value: m.object.spec?.type,
        problem: 'opens the Service outside the cluster, but no NetworkPolicy admits outside traffic to its pods',
        fix: "allow it: network.allow(Peer.internet(), Peer.pods(workload), [port]) or Peer.cidr(...) for the clients' range",
      },
    ];
  },
};
