import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck } from '../policy-check';
import { containersOf, podSpecOf } from '../../core/pod-specs';

/**
 * The kubelet refuses to start a `runAsNonRoot` container whose image names its USER (it cannot
 * prove the name is not root), so every non-root container needs numeric ids, on it or its pod.
 */
export const numericUserCheck: PolicyCheck = {
  rule: PolicyRule.NUMERIC_USER,
  appliesTo: (m) => podSpecOf(m) !== undefined,
  check(m) {
    const found = podSpecOf(m)!;
    const pod = found.spec.securityContext ?? {};
    const findings: Finding[] = [];
    for (const { field, container } of containersOf(found)) {
      const ctx = container.securityContext ?? {};
      if ((ctx.runAsNonRoot ?? pod.runAsNonRoot) !== true) continue;
      for (const key of ['runAsUser', 'runAsGroup'] as const) {
        const id = ctx[key] ?? pod[key];
        if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) {
          findings.push({
            field: `${field}.securityContext.${key}`,
            value: id,
            problem: 'must be a numeric id above 0 on a runAsNonRoot container (on it or on the pod)',
            fix: `set ${key} to the numeric ${key === 'runAsUser' ? 'user' : 'group'} id of the image's user (the workload constructs write 65532 unless told otherwise)`,
          });
        }
      }
    }
    return findings;
  },
};
