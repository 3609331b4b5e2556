import { Manifest } from '../../core/manifest';
import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck, PolicyContext } from '../policy-check';

const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);
/** Built-in ClusterRoles that hand out (nearly) everything: cluster-admin, and admin/edit (which may read Secrets and create pods). */
const POWERFUL_BUILT_IN = new Set(['cluster-admin', 'admin', 'edit']);
/** Verbs that let a subject grant itself more than its role names. */
const ESCALATING_VERBS = new Set(['escalate', 'bind', 'impersonate']);

/** Why the role a binding refers to is powerful, or undefined when it is not. */
export function powerfulRole(binding: Manifest, manifests: readonly Manifest[]): string | undefined {
  const ref = binding.object.roleRef ?? {};
  if (ref.kind === 'ClusterRole' && POWERFUL_BUILT_IN.has(ref.name)) return `the built-in ClusterRole ${ref.name}`;
  const role = manifests.find((m) => m.kind === ref.kind && m.name === ref.name && (ref.kind === 'ClusterRole' || m.namespace === binding.namespace));
  const verbs: string[] = (role?.object.rules ?? []).flatMap((r: { verbs?: string[] }) => r.verbs ?? []);
  const escalating = verbs.filter((v) => ESCALATING_VERBS.has(v) || v === '*');
  return escalating.length > 0 ? `${ref.kind} ${ref.name}, which grants ${escalating.join(', ')}` : undefined;
}

/** The subjects of a binding, as "Kind namespace/name". */
function subjectsOf(binding: Manifest): string {
  return (binding.object.subjects ?? [])
    .map((s: { kind: string; name: string; namespace?: string }) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`)
    .join(', ');
}

/**
 * A binding to cluster-admin (or admin, edit, or a role that may escalate, bind or impersonate)
 * makes its subjects masters of the cluster or the namespace. Refused unless declared; every such
 * binding is listed in the report (sensitiveAccess).
 */
export const roleBindingCheck: PolicyCheck = {
  rule: PolicyRule.POWERFUL_ROLE_BINDING,
  appliesTo: (m) => BINDING_KINDS.has(m.kind),
  check(m: Manifest, context: PolicyContext): Finding[] {
    const powerful = powerfulRole(m, context.manifests);
    if (!powerful) return [];
    return [
      {
        field: 'roleRef',
        value: m.object.roleRef?.name,
        problem: `binds ${powerful} to ${subjectsOf(m) || 'no subject'}`,
        fix: 'bind a Role that names only the verbs and resources the subject needs (NamespacedRole)',
      },
    ];
  },
};

/** Report lines for a powerful binding: who gets what. */
export function powerfulBindingGrants(m: Manifest, manifests: readonly Manifest[]): string[] {
  if (!BINDING_KINDS.has(m.kind)) return [];
  const powerful = powerfulRole(m, manifests);
  return powerful ? [`binds ${powerful} to ${subjectsOf(m)}`] : [];
}
