import { PolicyRule } from '../../core/exceptions';
import { Manifest } from '../../core/manifest';
import { Finding, PolicyCheck, PolicyContext } from '../policy-check';
import { manifestIndex } from '../manifest-index';
import { podSpecOf, selects } from '../../core/pod-specs';

/** The replica counts of the workloads a budget covers: fixed, or an autoscaled one's minimum and maximum. */
function coveredReplicas(budget: Manifest, { manifests }: PolicyContext): { min: number; max: number }[] {
  const index = manifestIndex(manifests);
  return index
    .inNamespace(budget.namespace) // not every object for every budget
    .filter((m) => ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(m.kind))
    .filter((m) => selects(budget.object.spec?.selector, podSpecOf(m)?.labels ?? {}))
    .map((m) => {
      const hpa = index.hpaOf(m)?.object.spec;
      const fixed = m.object.spec?.replicas ?? 1;
      return { min: hpa?.minReplicas ?? (hpa ? 1 : fixed), max: hpa?.maxReplicas ?? fixed };
    });
}

/**
 * A bound in pods at a replica count, as the disruption controller scales it
 * (pkg/controller/disruption/disruption.go, getExpectedPodCount: intstr.GetScaledValueFromIntOrPercent
 * with roundUp true for minAvailable and maxUnavailable alike). Undefined for a malformed bound
 * (the API server's rules report it).
 */
function scaled(bound: unknown, replicas: number): number | undefined {
  if (typeof bound === 'number') return bound;
  const percent = typeof bound === 'string' ? /^(\d+)%$/.exec(bound) : null;
  return percent ? Math.ceil((Number(percent[1]) * replicas) / 100) : undefined;
}

/** How many of `replicas` healthy pods the budget lets be evicted at once; undefined when the bound cannot be read. */
function disruptionsAllowed(spec: Record<string, any>, replicas: number): number | undefined {
  if (spec.maxUnavailable !== undefined) return scaled(spec.maxUnavailable, replicas);
  if (spec.minAvailable !== undefined) {
    const minimum = scaled(spec.minAvailable, replicas);
    return minimum === undefined ? undefined : replicas - minimum;
  }
  return undefined;
}

const BOUND_FIX = 'give minAvailable below the replica count or maxUnavailable: 1';

/**
 * A budget means something at the replica count of the workloads it covers: it allows at least
 * one eviction (else every node drain, upgrade and scale-down hangs), and it keeps at least one
 * pod (else it protects nothing). Percentages are scaled as the disruption controller scales them:
 * minAvailable "60%" of 2 pods is 2, which never evicts. A budget with no bound is refused too.
 */
export const budgetEvictionCheck: PolicyCheck = {
  rule: PolicyRule.BUDGET_ALLOWS_EVICTION,
  appliesTo: (m) => m.kind === 'PodDisruptionBudget',
  check(m, context) {
    const spec: Record<string, any> = m.object.spec ?? {};
    const field = spec.maxUnavailable !== undefined ? 'spec.maxUnavailable' : 'spec.minAvailable';
    const value = spec.maxUnavailable ?? spec.minAvailable;
    if (spec.minAvailable === undefined && spec.maxUnavailable === undefined) {
      return [{ field: 'spec', value: undefined, problem: 'gives neither minAvailable nor maxUnavailable, so it protects nothing', fix: BOUND_FIX }];
    }
    if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) return []; // the API server's rules refuse both
    // Without covered workloads, the bound is judged at any count: 0, "0%" or "100%". An autoscaled
    // workload must allow an eviction at its fewest pods, and keep a pod at its most.
    const replicas = coveredReplicas(m, context);
    const fewest = replicas.map((r) => r.min);
    const most = replicas.map((r) => r.max);
    const findings: Finding[] = [];
    if (replicas.length === 0 ? fixedBlocks(spec) : fewest.some((r) => (disruptionsAllowed(spec, r) ?? 1) <= 0)) {
      findings.push({
        field,
        value,
        problem: `never allows an eviction${replicas.length > 0 ? ` of the pods it covers (${fewest.join(', ')})` : ''}, so node drains hang`,
        fix: BOUND_FIX,
      });
    }
    if (replicas.length === 0 ? fixedFrees(spec) : most.some((r) => (disruptionsAllowed(spec, r) ?? 0) >= r)) {
      findings.push({
        field,
        value,
        problem: `lets every pod it covers be evicted at once${replicas.length > 0 ? ` (${most.join(', ')})` : ''}, so it protects nothing`,
        fix: BOUND_FIX,
      });
    }
    return findings;
  },
};

/** Bounds that block eviction at every replica count. */
function fixedBlocks(spec: Record<string, any>): boolean {
  return spec.maxUnavailable === 0 || spec.maxUnavailable === '0%' || spec.minAvailable === '100%';
}

/** Bounds that protect no pod at any replica count. */
function fixedFrees(spec: Record<string, any>): boolean {
  return spec.maxUnavailable === '100%' || spec.minAvailable === 0 || spec.minAvailable === '0%';
}
