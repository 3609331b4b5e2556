import { checkList, checkListOfObjects, checkStrings } from '../core/shapes';
import { declareException, PolicyException } from '../core/exceptions';
import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { CheckedConstruct } from '../core/app-checks';

/**
 * The API's verbs, and the special verbs RBAC checks (escalate and bind on roles, impersonate on
 * identities, approve and sign on certificate signers): a powerful one is then the policy check's
 * to judge (powerful-role-binding), not refused as unknown.
 */
const VERBS = new Set([
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'escalate',
  'bind',
  'impersonate',
  'approve',
  'sign',
]);

export interface RbacRule {
  /** "" is the core group. */
  readonly apiGroups: readonly string[];
  /** Resources and subresources, e.g. "pods", "pods/exec", "sessions/status"; never "*". */
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

export interface ServiceAccountRef {
  readonly name: string;
  readonly namespace: string;
}

export interface NamespacedRoleProps {
  /** Role name; the binding is `bindingName`. */
  readonly name: string;
  /** Namespace the permissions apply in. */
  readonly namespace: string;
  readonly rules: readonly RbacRule[];
  /** Who gets them; a service account may live in another namespace. */
  readonly subjects: readonly ServiceAccountRef[];
  /** @default `<name>-binding` */
  readonly bindingName?: string;
  /** Rules of the synth's checks the Role cannot follow, each with its reason (shown in the report). */
  readonly exceptions?: readonly PolicyException[];
}

/**
 * A Role and its RoleBinding, written out in full: wildcards are refused so every permission is
 * visible in review (and in the security report).
 */
export class NamespacedRole extends CheckedConstruct {
  /** The Role (escape hatch). */
  readonly role: k8s.KubeRole;
  /** The RoleBinding (escape hatch). */
  readonly binding: k8s.KubeRoleBinding;

  constructor(scope: Construct, id: string, props: NamespacedRoleProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    const name = checkDnsSubdomain(site.at('name'), props.name);
    const namespace = checkDnsLabel(site.at('namespace'), props.namespace);
    checkListOfObjects(site.at('rules'), props.rules).forEach((rule, i) => checkRule(site.at('rules').at(i), rule));
    if (checkListOfObjects(site.at('subjects'), props.subjects).length === 0)
      site.at('subjects').fail([], 'must name at least one subject', 'bind the role to the service account that uses it');
    this.role = new k8s.KubeRole(this, 'role', {
      metadata: { name, namespace },
      rules: props.rules.map((r) => ({ apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...r.verbs] })),
    });
    for (const exception of checkList(site.at('exceptions'), props.exceptions, false)) declareException(this.role, exception);
    this.binding = new k8s.KubeRoleBinding(this, 'binding', {
      metadata: { name: props.bindingName ?? `${name}-binding`, namespace },
      subjects: props.subjects.map((s, i) => ({
        kind: 'ServiceAccount',
        name: checkDnsSubdomain(site.at('subjects').at(i).at('name'), s.name),
        namespace: checkDnsLabel(site.at('subjects').at(i).at('namespace'), s.namespace),
      })),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    });
  }
}

function checkRule(site: Site, rule: RbacRule): void {
  for (const [field, values] of [
    ['apiGroups', rule.apiGroups],
    ['resources', rule.resources],
    ['verbs', rule.verbs],
  ] as const) {
    checkStrings(site.at(field), values);
    if (values.length === 0) site.at(field).fail([], 'must not be empty', `list the ${field} the rule grants`);
    if (values.includes('*'))
      site.at(field).fail([...values], 'must not contain "*": a wildcard grants whatever is added later', `list the ${field} explicitly`);
  }
  const unknown = rule.verbs.filter((v) => !VERBS.has(v));
  if (unknown.length > 0) site.at('verbs').fail(unknown, 'are not Kubernetes API verbs', `use ${[...VERBS].join(', ')}`);
  for (const resource of rule.resources.filter((r) => STREAMING_SUBRESOURCES.has(r))) {
    for (const [verb, why] of STREAMING_VERBS) {
      if (!rule.verbs.includes(verb)) {
        site.at('verbs').fail([...rule.verbs], `grant ${resource} without "${verb}": ${why}`, `grant both "get" and "create" on ${resource}`);
      }
    }
  }
}

/** Subresources clients open as a stream: over WebSocket (a GET) or SPDY (a POST). */
const STREAMING_SUBRESOURCES = new Set(['pods/exec', 'pods/attach']);
const STREAMING_VERBS: readonly [string, string][] = [
  ['get', 'WebSocket clients (@kubernetes/client-node, kubectl 1.30+) open it with an HTTP GET, which RBAC checks as get'],
  ['create', 'SPDY clients open it with a POST, and from Kubernetes 1.35 the WebSocket upgrade is checked as create too'],
];
