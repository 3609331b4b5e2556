import { declareException, PolicyRule } from '../../../lib/core/exceptions';
import { budgetEvictionCheck } from '../../../lib/policy/rules/budget-eviction-check';
import { checkFindings, verificationErrors } from '../../pipeline-helpers';
import { constructBuilt, webApp } from './workload-fixture';

describe('budget-allows-eviction: a disruption budget must let a node drain evict a pod', () => {
  test('a workload built by the constructs passes', () => {
    expect(checkFindings(constructBuilt().app, budgetEvictionCheck)).toEqual([]);
  });
  test('minAvailable equal to the replicas blocks every drain; one less does not', () => {
    expect(checkFindings(webApp({ replicas: 2, disruptionBudget: { minAvailable: 2 } }).app, budgetEvictionCheck)).toEqual([
      'test/apps/web/disruption-budget: spec.minAvailable never allows an eviction of the pods it covers (2), so node drains hang',
    ]);
    expect(checkFindings(webApp({ replicas: 3, disruptionBudget: { minAvailable: 2 } }).app, budgetEvictionCheck)).toEqual([]);
  });
  test('a percentage is rounded up as the disruption controller rounds it: 60% of 2 pods is 2, 50% is 1', () => {
    expect(checkFindings(webApp({ replicas: 2, disruptionBudget: { minAvailable: '60%' } }).app, budgetEvictionCheck)).toEqual([
      'test/apps/web/disruption-budget: spec.minAvailable never allows an eviction of the pods it covers (2), so node drains hang',
    ]);
    expect(checkFindings(webApp({ replicas: 2, disruptionBudget: { minAvailable: '50%' } }).app, budgetEvictionCheck)).toEqual([]);
  });
  test('a budget that lets every pod go protects nothing; one that keeps one does', () => {
    expect(checkFindings(webApp({ replicas: 4, disruptionBudget: { maxUnavailable: '100%' } }).app, budgetEvictionCheck)).toEqual([
      'test/apps/web/disruption-budget: spec.maxUnavailable lets every pod it covers be evicted at once (4), so it protects nothing',
    ]);
    expect(checkFindings(webApp({ replicas: 4, disruptionBudget: { maxUnavailable: '75%' } }).app, budgetEvictionCheck)).toEqual([]);
  });
  test('it can be excused on the budget (escape hatch: workload.disruptionBudget)', () => {
    const { app, web } = webApp({ replicas: 2, disruptionBudget: { maxUnavailable: 0 } });
    declareException(web.disruptionBudget!, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason: 'the quorum must never lose a member to a drain' });
    expect(verificationErrors(app)).toEqual([]);
  });
});
