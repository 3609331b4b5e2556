import { Manifest } from '../core/manifest';

/**
 * What makes a grant as good as a node or the cluster, after Kubernetes' "RBAC good practices",
 * section "Kubernetes RBAC - privilege escalation risks"
 * (https://kubernetes.io/docs/concepts/security/rbac-good-practices/).
 */

/** Built-in ClusterRoles that hand out (nearly) everything: cluster-admin, and admin/edit (which may read Secrets and create pods). */
export const POWERFUL_BUILT_IN_ROLES = new Set(['cluster-admin', 'admin', 'edit']);

/** Verbs that let a subject grant itself more than its role names, or act as someone else. */
const ESCALATING_VERBS = new Set(['escalate', 'bind', 'impersonate']);

/**
 * Resources whose given verbs reach a node or another identity: the kubelet API of any node
 * (nodes/proxy, any verb), a container added to a running pod (pods/ephemeralcontainers), a token
 * of any ServiceAccount (serviceaccounts/token create), a client certificate for any name
 * (certificatesigningrequests/approval with signers approve).
 */
const POWERFUL_RESOURCES: readonly { resource: string; verbs: readonly string[]; why: string }[] = [
  { resource: 'nodes/proxy', verbs: ['get', 'create', 'update', 'patch', 'delete'], why: 'the kubelet API of every node (exec into any pod)' },
  { resource: 'pods/ephemeralcontainers', verbs: ['update', 'patch'], why: 'a container of its choosing added to any running pod' },
  { resource: 'serviceaccounts/token', verbs: ['create'], why: 'a token of any ServiceAccount of the namespace' },
  { resource: 'certificatesigningrequests/approval', verbs: ['update', 'patch'], why: 'client certificates approved for any user or group' },
  { resource: 'signers', verbs: ['approve', 'sign'], why: 'certificates signed for any user or group' },
];

/**
 * Subjects that are not one identity: system:masters passes every authorization check whatever
 * it is bound to; the others are everyone who authenticates, everyone who does not, or every
 * ServiceAccount of the cluster.
 */
const BROAD_GROUPS: Record<string, string> = {
  'system:masters': 'the group system:masters, which bypasses every RBAC check',
  'system:authenticated': 'the group system:authenticated (everyone with any credential)',
  'system:unauthenticated': 'the group system:unauthenticated (anyone who reaches the API server)',
  'system:anonymous': 'the user system:anonymous (anyone who reaches the API server)',
  'system:serviceaccounts': 'the group system:serviceaccounts (every ServiceAccount of the cluster)',
};

/** The ClusterRoles an aggregation label adds a role's rules to, and who holds them. */
export const AGGREGATION_LABELS: Record<string, string> = {
  'rbac.authorization.k8s.io/aggregate-to-admin': 'admin',
  'rbac.authorization.k8s.io/aggregate-to-edit': 'edit',
  'rbac.authorization.k8s.io/aggregate-to-view': 'view',
};

/** What in a Role's or ClusterRole's rules is powerful, as report phrases ("escalate on roles"). */
export function powerfulRules(role: Manifest): string[] {
  const found: string[] = [];
  for (const rule of role.object.rules ?? []) {
    const verbs: string[] = rule.verbs ?? [];
    const resources: string[] = rule.resources ?? [];
    const escalating = verbs.filter((v) => ESCALATING_VERBS.has(v) || v === '*');
    if (escalating.length > 0) found.push(`${escalating.join(', ')} on ${resources.join(', ') || 'nothing'}`);
    for (const { resource, verbs: dangerous, why } of POWERFUL_RESOURCES) {
      const granted = verbs.filter((v) => dangerous.includes(v) && !ESCALATING_VERBS.has(v));
      if (resources.includes(resource) && granted.length > 0) found.push(`${granted.join(', ')} on ${resource}: ${why}`);
    }
  }
  return found;
}

/** The broad subjects of a binding, described; empty when it binds only named identities. */
export function broadSubjects(binding: Manifest): string[] {
  return (binding.object.subjects ?? [])
    .filter(
      (s: { kind?: string; name?: string }) => (s.kind === 'Group' || s.kind === 'User') && typeof s.name === 'string' && s.name in BROAD_GROUPS,
    )
    .map((s: { name: string }) => BROAD_GROUPS[s.name]);
}
