import { Manifest, objectId } from '../../core/manifest';
import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck, PolicyContext } from '../policy-check';
import { podSpecOf } from '../../core/pod-specs';
import { ENFORCE_LABEL } from './pod-security-check';
import { manifestIndex } from '../manifest-index';

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);

/** Resources whose create makes pods (directly or through a controller). */
const POD_MAKERS = new Set(['pods', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'replicationcontrollers', '*']);

/** The namespace's enforced Pod Security level; a namespace without the label (or not made here) admits privileged pods. */
function enforcedLevel(namespace: string | undefined, manifests: readonly Manifest[]): string {
  const ns = manifestIndex(manifests).namespace(namespace);
  return ns?.object.metadata?.labels?.[ENFORCE_LABEL] ?? 'privileged';
}

/** What a Role lets its subjects create that makes pods. */
function podMakersGranted(role: Manifest): string[] {
  return (role.object.rules ?? [])
    .filter((r: { verbs?: string[] }) => (r.verbs ?? []).some((v) => v === 'create' || v === '*'))
    .flatMap((r: { resources?: string[] }) => (r.resources ?? []).filter((res) => POD_MAKERS.has(res)));
}

/**
 * The bindings through which a role's grants apply in a namespace that admits privileged pods,
 * each with where: a Role's RoleBindings when its namespace does; a ClusterRole's RoleBindings in
 * such namespaces, and its ClusterRoleBindings (every namespace, kube-system included).
 */
function privilegedBindings(role: Manifest, manifests: readonly Manifest[]): { binding: Manifest; where: string }[] {
  const refersToRole = (b: Manifest) => b.object.roleRef?.kind === role.kind && b.object.roleRef?.name === role.name;
  const index = manifestIndex(manifests);
  const roleBindings = index
    .ofKind('RoleBinding')
    .filter((b) => refersToRole(b) && (role.kind === 'ClusterRole' || b.namespace === role.namespace))
    .filter((b) => enforcedLevel(b.namespace, manifests) === 'privileged')
    .map((binding) => ({ binding, where: `namespace ${binding.namespace}, which enforces Pod Security privileged` }));
  if (role.kind !== 'ClusterRole') return roleBindings;
  const clusterBindings = index
    .ofKind('ClusterRoleBinding')
    .filter(refersToRole)
    .map((binding) => ({ binding, where: 'every namespace, kube-system and others that admit privileged pods among them' }));
  return [...roleBindings, ...clusterBindings];
}

/**
 * The chain from a Role or ClusterRole to whoever runs with it: binding -> ServiceAccount -> the
 * workloads whose pods use that account. A reviewer reads "who can become root on a node" from it.
 */
export function privilegedPodsChain(role: Manifest, manifests: readonly Manifest[]): string[] {
  if (!ROLE_KINDS.has(role.kind)) return [];
  const makers = podMakersGranted(role);
  if (makers.length === 0) return [];
  return privilegedBindings(role, manifests).flatMap(({ binding, where }) =>
    (binding.object.subjects ?? []).map((s: { kind: string; name: string; namespace?: string }) => {
      const users = manifests
        .filter((m) => {
          const pod = podSpecOf(m);
          return pod && s.kind === 'ServiceAccount' && m.namespace === s.namespace && (pod.spec.serviceAccountName ?? 'default') === s.name;
        })
        .map(objectId);
      return (
        `${users.length > 0 ? `${users.join(', ')} -> ` : ''}${s.kind} ${[s.namespace ?? binding.namespace, s.name].filter(Boolean).join('/')} -> ${objectId(binding)} -> ${objectId(role)}: ` +
        `may create ${makers.join(', ')} in ${where} (a privileged pod is root on its node)`
      );
    }),
  );
}

/** "May create pods where privileged pods are allowed" is root on a node: a sensitive grant that needs a declared exception. */
export const privilegedPodsGrantCheck: PolicyCheck = {
  rule: PolicyRule.CREATE_PODS_WHERE_PRIVILEGED,
  appliesTo: (m) => ROLE_KINDS.has(m.kind),
  check(m: Manifest, context: PolicyContext): Finding[] {
    const makers = podMakersGranted(m);
    if (makers.length === 0) return [];
    if (m.kind === 'Role') {
      if (enforcedLevel(m.namespace, context.manifests) !== 'privileged') return [];
      return [
        {
          field: 'rules',
          value: makers,
          problem: `let their subjects create pods in namespace ${m.namespace}, which admits privileged pods (root on the node)`,
          fix: `raise the Pod Security level of ${m.namespace}, or move what needs privileges elsewhere, or grant create on fewer resources`,
        },
      ];
    }
    // A ClusterRole grants nothing until bound: judged where its bindings put it.
    const bindings = privilegedBindings(m, context.manifests);
    if (bindings.length === 0) return [];
    return [
      {
        field: 'rules',
        value: makers,
        problem: `let their subjects create pods in ${bindings.map(({ binding, where }) => `${where} (${objectId(binding)})`).join('; ')}: root on the node`,
        fix: 'bind it only in namespaces that enforce Pod Security baseline or restricted, or grant create on fewer resources',
      },
    ];
  },
};
