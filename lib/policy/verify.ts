import { performance } from 'node:perf_hooks';
import { ValidationError } from '../core/errors';
import { Manifest, objectId } from '../core/manifest';
import { POLICY_CHECKS } from './rules/registry';
import { declaredNotSecrets } from '../core/not-secret';
import { declaredExceptions, EXCEPTION_ANNOTATION_PREFIX, PolicyRule } from '../core/exceptions';
import { isRealReason } from '../core/reasons';
import { checkPlacement } from './build/placement-check';
import { closureErrors } from './build/closure';
import { checkPoolCapabilities } from './build/pool-capability-check';
import { clusterPortErrors } from './api-server/cluster-ports';
import { PolicyInput } from './policy-check';
import { podSpecOf } from '../core/pod-specs';
import { PlatformReport } from './report';
import { sensitiveAccess } from './rules/rbac-check';
import { powerfulBindingGrants } from './rules/role-binding-check';
import { privilegedPodsChain } from './rules/privileged-pods-grant-check';
import { validateSchemas } from './schema/validate-schemas';
import { fluxRange, fluxVersions } from './build/flux-range';
import { KubernetesVersions } from '../core/kubernetes-version';

export interface PlatformVerification {
  readonly report: PlatformReport;
  readonly errors: readonly Error[];
  /** Milliseconds spent on schema validation and on the rules (not in the report: not deterministic). */
  readonly timing: { readonly schemaMs: number; readonly policyMs: number };
}

/** Schema validation, node placement and every policy rule on one build's objects. */
export function verifyPlatform(context: PolicyInput): PlatformVerification {
  prepareChecks([context]);
  return verifyPrepared(context);
}

/** What the rules ask once per synth (see PolicyCheck.prepare), for these builds. */
export function prepareChecks(builds: readonly PolicyInput[]): void {
  for (const check of POLICY_CHECKS) check.prepare?.(builds);
}

/** verifyPlatform once prepareChecks() has run for a set of builds holding this one. */
export function verifyPrepared(context: PolicyInput): PlatformVerification {
  const { manifests } = context;
  const kubernetes = context.kubernetes ?? KubernetesVersions.DEFAULT;
  const errors: Error[] = [];
  const started = performance.now();
  const schema = validateSchemas(manifests, { kubernetes });
  errors.push(...schema.errors);
  const schemaDone = performance.now();

  if (context.pools) errors.push(...checkPlacement(manifests, context.pools), ...checkPoolCapabilities(manifests, context.pools));
  // A node port once in the cluster, a host port once on a node.
  errors.push(...clusterPortErrors(manifests, context.pools));
  // Closed: every kind, namespace and reference of a build is made by it, its add-ons or the cluster it declares.
  if (context.cluster) errors.push(...closureErrors(manifests, context.cluster));
  // The Flux that reconciles the build must serve its cluster's versions and every Flux field it writes.
  const flux = fluxRange(context.name, manifests, kubernetes);
  errors.push(...flux.errors);
  const rules = POLICY_CHECKS.map((check) => ({ rule: check.rule.id, objects: 0, failures: 0, excused: 0 }));
  const exceptions: PlatformReport['exceptions'][number][] = [];
  for (const m of manifests) {
    const written = declaredExceptions(m.object);
    // An exception without a reason (a hand-written annotation "x") excuses nothing.
    const declared = new Map([...written].filter(([, reason]) => isRealReason(reason)));
    const used = new Set<string>();
    POLICY_CHECKS.forEach((check, i) => {
      if (!check.appliesTo(m, context)) return;
      rules[i].objects++;
      for (const finding of check.check(m, context)) {
        if (finding.excusable !== false && check.rule.excusable && declared.has(check.rule.id)) {
          used.add(check.rule.id);
          rules[i].excused++;
          continue;
        }
        rules[i].failures++;
        const hint =
          finding.excusable !== false && check.rule.excusable
            ? `; or, if it cannot hold, declareException(obj, { rule: PolicyRule.${ruleConstant(check.rule)}, reason })`
            : '';
        errors.push(
          new ValidationError({
            path: m.path,
            field: finding.field,
            value: finding.value,
            problem: `${finding.problem} [${check.rule.id}]`,
            fix: `${finding.fix}${hint}`,
          }),
        );
      }
    });
    for (const [rule, reason] of written) {
      if (!declared.has(rule)) {
        errors.push(
          new ValidationError({
            path: m.path,
            field: `metadata.annotations["${EXCEPTION_KEY(rule)}"]`,
            value: reason,
            problem: 'declares an exception without a reason a reviewer can read (at least 10 characters, in words)',
            fix: 'declare it with declareException(obj, { rule, reason }), saying why the rule cannot hold',
          }),
        );
        continue;
      }
      errors.push(...exceptionErrors(m, rule, used.has(rule)));
      exceptions.push({ object: objectId(m), rule, reason });
    }
    for (const [field, reason] of declaredNotSecrets(m.object)) {
      exceptions.push({ object: objectId(m), rule: `${PolicyRule.NO_SECRET_VALUES.id}: ${field} is not a secret`, reason });
    }
  }
  const policyDone = performance.now();

  const report: PlatformReport = {
    name: context.name,
    environment: context.environment.name,
    kubernetes: kubernetes.toString(),
    flux: fluxVersions(flux.releases),
    objects: manifests.length,
    schema: {
      validated: schema.validatedCount,
      sources: Object.fromEntries([...schema.validated].sort(([a], [b]) => a.localeCompare(b))),
      unvalidated: schema.unvalidated.map((m) => ({ apiVersion: m.apiVersion, kind: m.kind, object: objectId(m) })),
    },
    checks: {
      // one per object validated, per pod template placed on a pool, per rule applied to an object
      run:
        [...schema.validated.values()].reduce((n, v) => n + v, 0) +
        manifests.filter((m) => podSpecOf(m)).length +
        rules.reduce((n, r) => n + r.objects, 0),
      failures: errors.length,
      rules,
    },
    exceptions,
    sensitiveAccess: manifests
      .map((m) => ({
        object: objectId(m),
        grants: [...sensitiveAccess(m), ...powerfulBindingGrants(m, manifests), ...privilegedPodsChain(m, manifests)],
      }))
      .filter((a) => a.grants.length > 0),
  };
  return { report, errors, timing: { schemaMs: schemaDone - started, policyMs: policyDone - schemaDone } };
}

function exceptionErrors(m: Manifest, ruleId: string, used: boolean): Error[] {
  const rule = PolicyRule.of(ruleId);
  const known = PolicyRule.rules
    .filter((r) => r.excusable)
    .map((r) => r.id)
    .join(', ');
  if (!rule || !rule.excusable) {
    return [
      new ValidationError({
        path: m.path,
        field: `metadata.annotations["${EXCEPTION_KEY(ruleId)}"]`,
        value: ruleId,
        problem: rule ? 'declares an exception from a rule that has none' : 'declares an exception from an unknown rule',
        fix: rule ? 'change the object so it follows the rule' : `use one of: ${known}`,
      }),
    ];
  }
  if (used) return [];
  return [
    new ValidationError({
      path: m.path,
      field: `metadata.annotations["${EXCEPTION_KEY(ruleId)}"]`,
      value: ruleId,
      problem: 'declares an exception the object does not need (it breaks no part of that rule)',
      fix: 'remove the exception, so the rule guards this object again',
    }),
  ];
}

const EXCEPTION_KEY = (rule: string) => `${EXCEPTION_ANNOTATION_PREFIX}${rule}`;

function ruleConstant(rule: PolicyRule): string {
  return rule.id.toUpperCase().replace(/-/g, '_');
}
