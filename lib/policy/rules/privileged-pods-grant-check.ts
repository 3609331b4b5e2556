import { Manifest, objectId } from '../../core/manifest';
import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck, PolicyContext } from '../policy-check';
import { podSpecOf } from '../../core/pod-specs';
import { ENFORCE_LABEL } from './pod-security-check';

/** Resources whose create makes pods (directly or through a controller). */
const POD_MAKERS = new Set(['pods', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'replicationcontrollers', '*']);

/** The namespace's enforced Pod Security level; a namespace without the label (or not made here) admits privileged pods. */
function enforcedLevel(namespace: string | undefined, manifests: readonly Manifest[]): string {
  const ns = manifests.find((m) => m.kind === 'Namespace' && m.name === namespace);
  return ns?.object.metadata?.labels?.[ENFORCE_LABEL] ?? 'privileged';
}

/** What a Role lets its subjects create that makes pods. */
function podMakersGranted(role: Manifest): string[] {
  return (role.object.rules ?? [])
    .filter((r: { verbs?: string[] }) => (r.verbs ?? []).some((v) => v === 'create' || v === '*'))
    .flatMap((r: { resources?: string[] }) => (r.resources ?? []).filter((res) => POD_MAKERS.has(res)));
}

/**
 * The chain from a Role to whoever runs with it: binding -> ServiceAccount -> the workloads whose
 * pods use that account. A reviewer reads "who can become root on a node" from it.
 */
export function privilegedPodsChain(role: Manifest, manifests: readonly Manifest[]): string[] {
  if (role.kind !== 'Role') return [];
  const makers = podMakersGranted(role);
  if (makers.length === 0 || enforcedLevel(role.namespace, manifests) !== 'privileged') return [];
  const bindings = manifests.filter(
    (m) => m.kind === 'RoleBinding' && m.namespace === role.namespace && m.object.roleRef?.kind === 'Role' && m.object.roleRef?.name === role.name,
  );
  return bindings.flatMap((binding) =>
    (binding.object.subjects ?? []).map((s: { kind: string; name: string; namespace?: string }) => {
      const users = manifests
        .filter((m) => {
          const pod = podSpecOf(m);
          return pod && s.kind === 'ServiceAccount' && m.namespace === s.namespace && (pod.spec.serviceAccountName ?? 'default') === s.name;
        })
        .map(objectId);
      return (
        `${users.length > 0 ? `${users.join(', ')} -> ` : ''}${s.kind} ${s.namespace ?? role.namespace}/${s.name} -> ${objectId(binding)} -> ${objectId(role)}: ` +
        `may create ${makers.join(', ')} in namespace ${role.namespace}, which enforces Pod Security privileged (a privileged pod is root on its node)`
      );
    }),
  );
}

/** "May create pods where privileged pods are allowed" is root on a node: a sensitive grant that needs a declared exception. */
export const privilegedPodsGrantCheck: PolicyCheck = {
  rule: PolicyRule.CREATE_PODS_WHERE_PRIVILEGED,
  appliesTo: (m) => m.kind === 'Role',
  check(m: Manifest, context: PolicyContext): Finding[] {
    const makers = podMakersGranted(m);
    if (makers.length === 0 || enforcedLevel(m.namespace, context.manifests) !== 'privileged') return [];
    return [
      {
        field: 'rules',
        value: makers,
        problem: `let their subjects create pods in namespace ${m.namespace}, which admits privileged pods (root on the node)`,
        fix: `raise the Pod Security level of ${m.namespace}, or move what needs privileges elsewhere, or grant create on fewer resources`,
      },
    ];
  },
};
