import { ApiFindings } from './api-findings';

// The API server's rules for a PodDisruptionBudget: pkg/apis/policy/validation/validation.go
// (Kubernetes 1.28), ValidatePodDisruptionBudgetSpec.

export function disruptionBudgetFindings(f: ApiFindings, spec: Record<string, any>): void {
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    f.refuse(
      'spec',
      { minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable },
      'must give minAvailable or maxUnavailable, not both',
      'keep one bound',
    );
  }
  for (const bound of ['minAvailable', 'maxUnavailable'] as const) {
    const value = spec[bound];
    if (typeof value !== 'number' && typeof value !== 'string') continue; // absent, or the schema check's to report
    const percent = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
    const amount = typeof value === 'number' ? value : percent ? Number(percent[1]) : undefined;
    if (amount === undefined || !Number.isInteger(amount) || amount < 0) {
      f.refuse(`spec.${bound}`, value, 'must be a whole number of pods of at least 0 or a percentage such as "50%"', `write e.g. ${bound}: 1`);
    } else if (percent && amount > 100) {
      f.refuse(`spec.${bound}`, value, 'must not be more than 100%', 'write at most "100%"');
    }
  }
  if (typeof spec.unhealthyPodEvictionPolicy === 'string' && !['IfHealthyBudget', 'AlwaysAllow'].includes(spec.unhealthyPodEvictionPolicy)) {
    f.refuse(
      'spec.unhealthyPodEvictionPolicy',
      spec.unhealthyPodEvictionPolicy,
      'must be IfHealthyBudget or AlwaysAllow',
      'drop it for IfHealthyBudget',
    );
  }
}
