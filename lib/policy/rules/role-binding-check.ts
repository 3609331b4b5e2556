import { Manifest } from '../../core/manifest';
import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck, PolicyContext } from '../policy-check';
import { manifestIndex } from '../manifest-index';
import { AGGREGATION_LABELS, broadSubjects, POWERFUL_BUILT_IN_ROLES, powerfulRules } from '../powerful-grants';

const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

/** The Role or ClusterRole a binding refers to, when the build makes it. */
function boundRole(binding: Manifest, manifests: readonly Manifest[]): Manifest | undefined {
  const ref = binding.object.roleRef ?? {};
  return manifestIndex(manifests).find(ref.kind, ref.kind === 'ClusterRole' ? undefined : binding.namespace, ref.name);
}

/** Why the role a binding refers to is powerful, or undefined when it is not. */
export function powerfulRole(binding: Manifest, manifests: readonly Manifest[]): string | undefined {
  const ref = binding.object.roleRef ?? {};
  if (ref.kind === 'ClusterRole' && POWERFUL_BUILT_IN_ROLES.has(ref.name)) return `the built-in ClusterRole ${ref.name}`;
  const role = boundRole(binding, manifests);
  const powerful = role ? powerfulRules(role) : [];
  return powerful.length > 0 ? `${ref.kind} ${ref.name}, which grants ${powerful.join('; ')}` : undefined;
}

/** Why a binding is powerful: its role, or subjects that are everyone (or bypass RBAC). Empty when it is neither. */
function bindingProblems(binding: Manifest, manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const powerful = powerfulRole(binding, manifests);
  if (powerful) problems.push(`binds ${powerful} to ${subjectsOf(binding) || 'no subject'}`);
  const ref = binding.object.roleRef ?? {};
  for (const broad of broadSubjects(binding)) problems.push(`grants ${ref.kind} ${ref.name} to ${broad}`);
  return problems;
}

/** The subjects of a binding, as "Kind namespace/name". */
function subjectsOf(binding: Manifest): string {
  return (binding.object.subjects ?? [])
    .map((s: { kind: string; name: string; namespace?: string }) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`)
    .join(', ');
}

/** Built-in ClusterRoles a ClusterRole adds its rules to by an aggregation label: everyone bound to them gets its rules. */
function aggregatedInto(role: Manifest): [label: string, target: string][] {
  const labels: Record<string, string> = role.object.metadata?.labels ?? {};
  return Object.entries(AGGREGATION_LABELS).filter(([label]) => labels[label] === 'true');
}

/**
 * A binding to cluster-admin, admin or edit, to a role that may escalate, bind or impersonate,
 * reach a node's kubelet (nodes/proxy), add ephemeral containers, mint ServiceAccount tokens or
 * approve certificates, or a binding to system:masters or to everyone (system:authenticated,
 * system:unauthenticated, system:serviceaccounts), makes its subjects masters of a node, the
 * namespace or the cluster; so does a ClusterRole aggregated into admin, edit or view. Refused
 * unless declared; every such grant is listed in the report (sensitiveAccess). After Kubernetes'
 * RBAC good practices, "privilege escalation risks".
 */
export const roleBindingCheck: PolicyCheck = {
  rule: PolicyRule.POWERFUL_ROLE_BINDING,
  appliesTo: (m) => BINDING_KINDS.has(m.kind) || m.kind === 'ClusterRole',
  check(m: Manifest, context: PolicyContext): Finding[] {
    if (m.kind === 'ClusterRole') {
      return aggregatedInto(m).map(([label, target]) => ({
        field: `metadata.labels["${label}"]`,
        value: 'true',
        problem: `adds this ClusterRole's rules to the built-in ClusterRole ${target}, so everyone bound to ${target} in any namespace holds them`,
        fix: 'drop the label and bind the ClusterRole with a RoleBinding to the subjects that need it',
      }));
    }
    return bindingProblems(m, context.manifests).map((problem) => ({
      field: problem.startsWith('binds') ? 'roleRef' : 'subjects',
      value: problem.startsWith('binds') ? m.object.roleRef?.name : (m.object.subjects ?? []).map((s: { name?: string }) => s.name),
      problem,
      fix: problem.startsWith('binds')
        ? 'bind a Role that names only the verbs and resources the subject needs (NamespacedRole)'
        : 'bind the role to the ServiceAccounts or users that need it, by name',
    }));
  },
};

/** Report lines for a powerful binding or an aggregated ClusterRole: who gets what. */
export function powerfulBindingGrants(m: Manifest, manifests: readonly Manifest[]): string[] {
  if (m.kind === 'ClusterRole') return aggregatedInto(m).map(([, target]) => `adds its rules to the built-in ClusterRole ${target}`);
  if (!BINDING_KINDS.has(m.kind)) return [];
  return bindingProblems(m, manifests);
}
