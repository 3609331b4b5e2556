import { ApiObject } from 'cdk8s';
import { Site } from './errors';
import { isRealReason } from './reasons';

/**
 * A rule of the synth-time policy checks that an object may be excused from. The id is part of
 * an annotation key, so the exception travels with the object into dist/ and the cluster, where
 * reviewers and auditors can read why it was allowed (Polaris and kube-score work the same way).
 */
export class PolicyRule {
  // Declared before the rules: static fields initialize in order.
  private static readonly all: PolicyRule[] = [];

  /** Pod Security Standards, `restricted` profile, on every pod template. An excused object must
   * still pass the level its namespace enforces (baseline or privileged). */
  static readonly POD_SECURITY_RESTRICTED = new PolicyRule('pod-security-restricted');
  /** Every namespace the platform creates denies all ingress and egress by default. */
  static readonly DEFAULT_DENY = new PolicyRule('default-deny');
  /** No NetworkPolicy rule admits every peer on every port, and no policy opens every pod of its namespace to every peer. */
  static readonly NETWORK_POLICY_NARROW = new PolicyRule('network-policy-narrow');
  /** No NetworkPolicy reaches the cloud metadata address (169.254.169.254) without naming it. */
  static readonly METADATA_UNREACHABLE = new PolicyRule('metadata-unreachable', false);
  /** Roles name their verbs, resources and API groups: no "*". */
  static readonly RBAC_NO_WILDCARDS = new PolicyRule('rbac-no-wildcards');
  /**
   * No secret in dist/ or in any file the synth writes: no Secret data; no literal under a
   * secret-looking name (an env var, a flag, a key of any object such as a HelmRelease's values or a
   * Flux substitution, a `{ name, value }` pair such as a probe's Authorization header); nothing
   * that looks like a credential by content (secretlint's rules, a JWT, an Authorization value, a
   * URL's password, a secret-looking `NAME=value` in a script), as written, base64-decoded or
   * inside JSON. A value that only looks secret is declared with declareNotSecret and a reason.
   */
  static readonly NO_SECRET_VALUES = new PolicyRule('no-secret-values', false);
  /** Images carry a tag other than `latest` (or a digest), outside local-dev platforms. */
  static readonly IMAGES_PINNED = new PolicyRule('images-pinned');
  /** Every container requests and limits cpu and memory. */
  static readonly RESOURCES_SET = new PolicyRule('resources-set');
  /** Long-running containers have readiness and liveness probes. */
  static readonly PROBES_SET = new PolicyRule('probes-set');
  /** A workload with more than one replica, or scaled by an HPA, has a PodDisruptionBudget. */
  static readonly DISRUPTION_BUDGET = new PolicyRule('disruption-budget');
  /** A workload scaled by an HPA leaves spec.replicas to it. */
  static readonly HPA_OWNS_REPLICAS = new PolicyRule('hpa-owns-replicas');
  /** An HPA's utilization target is one its pods can reach: every container requests the resource, and the target is below limits over requests. */
  static readonly HPA_TARGET_REACHABLE = new PolicyRule('hpa-target-reachable', false);
  /** Services and NetworkPolicies select pods that this platform emits. */
  static readonly SELECTS_PODS = new PolicyRule('selects-pods');
  /** Cluster-scoped kinds carry no namespace. */
  static readonly CLUSTER_SCOPE = new PolicyRule('cluster-scope', false);
  // Pods, Services and budgets as the cluster runs them.
  /** Every non-root container runs as a numeric user and group (the kubelet cannot check a user name against runAsNonRoot). */
  static readonly NUMERIC_USER = new PolicyRule('numeric-user');
  /**
   * A PodDisruptionBudget has a bound, lets at least one pod be evicted at the fewest pods it covers
   * (a node drain otherwise hangs) and keeps at least one at the most (else it protects nothing);
   * percentages are rounded up as the disruption controller rounds them.
   */
  static readonly BUDGET_ALLOWS_EVICTION = new PolicyRule('budget-allows-eviction');
  /** A probe points at a port its container declares. */
  static readonly PROBE_PORT_DECLARED = new PolicyRule('probe-port-declared', false);
  /** A StatefulSet's serviceName names a headless Service of this platform (its pods' DNS names). */
  static readonly GOVERNING_SERVICE = new PolicyRule('governing-service', false);
  /** A LoadBalancer or NodePort Service's pods admit traffic from outside the cluster in some NetworkPolicy. */
  static readonly EXTERNAL_SERVICE_ADMITTED = new PolicyRule('external-service-admitted');
  /** A NetworkPolicy's ingress ports are ports the selected pods expose. */
  static readonly POLICY_PORTS_EXPOSED = new PolicyRule('policy-ports-exposed');
  /** A StatefulSet has claim templates (without storage it is a Deployment with ordered start). */
  static readonly CLAIM_TEMPLATES = new PolicyRule('claim-templates');
  /** A pod's requests fit a node's allocatable resources, below its capacity by the system reservations. */
  static readonly FITS_ALLOCATABLE = new PolicyRule('fits-allocatable', false);
  // RBAC with real reach.
  /**
   * No binding to cluster-admin, admin, edit, to a role that may escalate, bind, impersonate, reach
   * nodes/proxy, add ephemeral containers, mint ServiceAccount tokens or approve certificates, or to
   * system:masters or everyone (system:authenticated, system:unauthenticated); no ClusterRole
   * aggregated into admin, edit or view. Each is reported.
   */
  static readonly POWERFUL_ROLE_BINDING = new PolicyRule('powerful-role-binding');
  /**
   * No Role, and no ClusterRole through its bindings, lets its subjects create pods or workload
   * controllers in a namespace that admits privileged pods (a ClusterRoleBinding: every namespace);
   * each such grant is reported with its chain.
   */
  static readonly CREATE_PODS_WHERE_PRIVILEGED = new PolicyRule('create-pods-where-privileged');
  /**
   * Pods that run a user's code (marked by SessionTemplates with runsUntrustedCode) hold nothing
   * the user could turn against the node or the cluster: no host path (the container runtime's
   * socket, devices, the node's files), no host network, PID or IPC namespace, no host port, no
   * privileged container and no mounted API token. Read on the written object, so an escape hatch
   * cannot add them later; no exceptions.
   */
  static readonly UNTRUSTED_CODE_ISOLATED = new PolicyRule('untrusted-code-isolated', false);
  // Where workloads run and whether they fit.
  /** Workloads run in namespaces the build owns: not default, kube-system, kube-public or kube-node-lease. */
  static readonly NAMESPACE_OWNED = new PolicyRule('namespace-owned');
  /** A workload's replicas (or its HPA's maxReplicas) fit on its pool's maximum nodes, by their requests and by their spread rules. */
  static readonly FITS_POOL = new PolicyRule('fits-pool', false);

  static of(id: string): PolicyRule | undefined {
    return PolicyRule.all.find((r) => r.id === id);
  }

  static get rules(): readonly PolicyRule[] {
    return [...PolicyRule.all];
  }

  /** @param excusable false for rules no reason can lift (a secret in git stays a leak) */
  private constructor(
    public readonly id: string,
    public readonly excusable: boolean = true,
  ) {
    PolicyRule.all.push(this);
  }

  get annotation(): string {
    return `${EXCEPTION_ANNOTATION_PREFIX}${this.id}`;
  }
}

export const EXCEPTION_ANNOTATION_PREFIX = 'policy.k8s-platforms.dev/allow-';

/** An excuse from one rule, declared in TypeScript next to the object it excuses. */
export interface PolicyException {
  readonly rule: PolicyRule;
  /** Why the rule cannot hold here; shown in the report and kept on the object. */
  readonly reason: string;
}

/** Marks `obj` as excused from `exception.rule`; the reason is stored as an annotation. */
export function declareException(obj: ApiObject, exception: PolicyException): void {
  const site = new Site(obj.node.path, 'exception');
  if (!(exception?.rule instanceof PolicyRule)) {
    site
      .at('rule')
      .fail(exception?.rule, 'must be a PolicyRule', 'write declareException(obj, { rule: PolicyRule.X, reason: "why the rule cannot hold here" })');
  }
  if (!exception.rule.excusable) {
    site.at('rule').fail(exception.rule.id, 'names a rule that has no exceptions', 'change the object so it follows the rule');
  }
  if (!isRealReason(exception.reason)) {
    site
      .at('reason')
      .fail(
        exception.reason,
        `must say in at least 10 characters why ${exception.rule.id} cannot hold for this object`,
        'write the reason a reviewer needs',
      );
  }
  obj.metadata.addAnnotation(exception.rule.annotation, exception.reason);
}

/** The exceptions a synthesized object declares, by rule id. */
export function declaredExceptions(object: Record<string, any>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries<string>(object.metadata?.annotations ?? {})) {
    if (key.startsWith(EXCEPTION_ANNOTATION_PREFIX)) found.set(key.slice(EXCEPTION_ANNOTATION_PREFIX.length), value);
  }
  return found;
}
