import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { declareException, PolicyException } from '../core/exceptions';
import { Site } from '../core/errors';
import { checkDnsSubdomain } from '../core/names';

/** Who is granted: a workload, by the ServiceAccount its pods run as. */
export interface Grantee {
  readonly serviceAccount: k8s.KubeServiceAccount;
}

/** The Role and RoleBinding of one grant (escape hatch). */
export interface SessionGrant {
  readonly role: k8s.KubeRole;
  readonly binding: k8s.KubeRoleBinding;
}

/** What the grantee's sessions are made of, for the rules the grant needs. */
export interface SessionObjects {
  readonly name: string;
  readonly namespace: string;
  /** The PodTemplates the grantee reads, by name. */
  readonly templates: readonly string[];
  /** The ConfigMap with the claim and snapshot templates, when sessions keep storage. */
  readonly storageTemplates?: string;
  readonly claims: boolean;
  readonly snapshots: boolean;
}

const MANAGE = ['create', 'get', 'list', 'watch'];

/**
 * A Role in the sessions' namespace with what making sessions takes, bound to the grantee's
 * ServiceAccount (which may live in another namespace): read the templates and the storage
 * templates by name; create, watch and delete session pods; create and watch the per-user claims
 * and snapshots. No Secrets: a pod's Secret volumes are read by the kubelet, not by whoever creates the pod.
 */
export function buildSessionGrant(
  owner: Construct,
  site: Site,
  sessions: SessionObjects,
  grantee: Grantee,
  exceptions: readonly PolicyException[],
): SessionGrant {
  const account = grantee?.serviceAccount;
  if (!(account instanceof k8s.KubeServiceAccount)) {
    site.fail(grantee, 'must be a workload with a ServiceAccount', 'pass the WebService (or StatefulStore) whose pods create the sessions');
  }
  const subject = { kind: 'ServiceAccount', name: account.name, namespace: account.metadata.namespace! };
  const name = checkDnsSubdomain(site.at('name'), `${sessions.name}-instantiate-${subject.name}`);
  const rules: k8s.PolicyRule[] = [
    { apiGroups: [''], resources: ['podtemplates'], resourceNames: [...sessions.templates], verbs: ['get'] },
    { apiGroups: [''], resources: ['pods'], verbs: [...MANAGE, 'delete'] },
    ...(sessions.storageTemplates
      ? [{ apiGroups: [''], resources: ['configmaps'], resourceNames: [sessions.storageTemplates], verbs: ['get'] }]
      : []),
    ...(sessions.claims ? [{ apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: MANAGE }] : []),
    ...(sessions.snapshots ? [{ apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshots'], verbs: MANAGE }] : []),
  ];
  const id = `grant-${subject.namespace}-${subject.name}`;
  if (owner.node.tryFindChild(id)) {
    site.fail(`${subject.namespace}/${subject.name}`, 'is granted twice', 'grant each ServiceAccount once');
  }
  const role = new k8s.KubeRole(owner, id, { metadata: { name, namespace: sessions.namespace }, rules });
  for (const exception of exceptions) declareException(role, exception);
  const binding = new k8s.KubeRoleBinding(owner, `${id}-binding`, {
    metadata: { name, namespace: sessions.namespace },
    subjects: [subject],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
  });
  return { role, binding };
}
