import { k8s } from 'cdk8s-plus-28';
import { WebService } from '../../lib/workloads/web-service';
import { Case, PROBED, web } from './fixtures';

/** Refused inputs: disruption budgets that allow no eviction at the workload's replica count, or protect nothing. */
export const budgets: Case[] = [
  [
    'minAvailable 60% of 2 pods',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { minAvailable: '60%' } }, PROBED)),
    'test/apps/web/disruption-budget: spec.minAvailable never allows an eviction of the pods it covers (2), so node drains hang [budget-allows-eviction] (got "60%"); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'minAvailable equal to the replica count',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 3, disruptionBudget: { minAvailable: 3 } }, PROBED)),
    'test/apps/web/disruption-budget: spec.minAvailable never allows an eviction of the pods it covers (3), so node drains hang [budget-allows-eviction] (got 3); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'maxUnavailable 100%',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 3, disruptionBudget: { maxUnavailable: '100%' } }, PROBED)),
    'test/apps/web/disruption-budget: spec.maxUnavailable lets every pod it covers be evicted at once (3), so it protects nothing [budget-allows-eviction] (got "100%"); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'maxUnavailable as many as the replicas',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { maxUnavailable: 2 } }, PROBED)),
    'test/apps/web/disruption-budget: spec.maxUnavailable lets every pod it covers be evicted at once (2), so it protects nothing [budget-allows-eviction] (got 2); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'minAvailable 0%',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { minAvailable: '0%' } }, PROBED)),
    'test/apps/web/disruption-budget: spec.minAvailable lets every pod it covers be evicted at once (2), so it protects nothing [budget-allows-eviction] (got "0%"); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'a budget with no bound',
    (ctx) => {
      new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: false }, PROBED));
      new k8s.KubePodDisruptionBudget(ctx.platform.apps, 'budget', {
        metadata: { name: 'web', namespace: 'apps' },
        spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } },
      });
    },
    'test/apps/budget: spec gives neither minAvailable nor maxUnavailable, so it protects nothing [budget-allows-eviction] (got nothing); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
];
