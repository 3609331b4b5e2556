import { PolicyRule } from '../../core/exceptions';
import { manifestIndex } from '../manifest-index';
import { PolicyCheck } from '../policy-check';

/** A namespace the platform creates has a NetworkPolicy that selects every pod and allows nothing. */
export const defaultDenyCheck: PolicyCheck = {
  rule: PolicyRule.DEFAULT_DENY,
  appliesTo: (m) => m.kind === 'Namespace',
  check(m, { manifests }) {
    const denies = manifestIndex(manifests)
      .networkPoliciesIn(m.name)
      .some((p) => isDenyAll(p.object.spec ?? {}));
    if (denies) return [];
    return [
      {
        field: 'metadata.name',
        value: m.name,
        problem: 'names a namespace without a default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)',
        fix: 'create the namespace with SecureNamespace, which adds default-deny-all',
      },
    ];
  },
};

function isDenyAll(spec: Record<string, any>): boolean {
  const everyPod = Object.keys(spec.podSelector ?? {}).length === 0;
  const types: string[] = spec.policyTypes ?? [];
  return everyPod && types.includes('Ingress') && types.includes('Egress') && !(spec.ingress ?? []).length && !(spec.egress ?? []).length;
}
