import { Manifest } from '../../core/manifest';
import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck } from '../policy-check';

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);

/** Roles grant named verbs on named resources: a "*" grants whatever a future API adds. */
export const rbacCheck: PolicyCheck = {
  rule: PolicyRule.RBAC_NO_WILDCARDS,
  appliesTo: (m) => ROLE_KINDS.has(m.kind),
  check(m) {
    const findings: Finding[] = [];
    (m.object.rules ?? []).forEach((rule: Record<string, string[]>, i: number) => {
      for (const field of ['apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs']) {
        if ((rule[field] ?? []).some((v) => v.includes('*'))) {
          findings.push({
            field: `rules[${i}].${field}`,
            value: rule[field],
            problem: 'must not contain a wildcard',
            fix: `list the ${field} the role needs`,
          });
        }
      }
    });
    return findings;
  },
};

/** Grants a reviewer should see: exec into pods, reading or writing Secrets. Listed in the report. */
export function sensitiveAccess(m: Manifest): string[] {
  if (!ROLE_KINDS.has(m.kind)) return [];
  const found: string[] = [];
  for (const rule of m.object.rules ?? []) {
    for (const resource of rule.resources ?? []) {
      if (resource === 'pods/exec' || resource === 'pods/attach' || resource === 'secrets')
        found.push(`${resource}: ${(rule.verbs ?? []).join(', ')}`);
    }
  }
  return found;
}
