import { ApiObject } from 'cdk8s';

/**
 * A rule of the synth-time policy checks that an object may be excused from. The id is part of
 * an annotation key, so the exception travels with the object into dist/ and the cluster, where
 * reviewers and auditors can read why it was allowed (Polaris and kube-score work the same way).
 */
export class PolicyRule {
  // Declared before the rules: static fields initialize in order.
  private static readonly all: PolicyRule[] = [];

  /** Pod Security Standards, `restricted` profile, on every pod template. */
  static readonly POD_SECURITY_RESTRICTED = new PolicyRule('pod-security-restricted');

  static of(id: string): PolicyRule | undefined {
    return PolicyRule.all.find((r) => r.id === id);
  }

  private constructor(public readonly id: string) {
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
  if (exception.reason.trim().length < 10) {
    throw new Error(`${obj.node.path}: exception ${exception.rule.id} needs a reason of at least 10 characters (got ${JSON.stringify(exception.reason)}); fix: say why the rule cannot hold for this object`);
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
