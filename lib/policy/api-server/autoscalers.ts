import { ApiFindings, listAt, mapAt } from './api-findings';

// The API server's rules for a HorizontalPodAutoscaler: pkg/apis/autoscaling/validation/validation.go
// (Kubernetes 1.28), ValidateHorizontalPodAutoscalerSpec, validateMetrics, validateBehavior.

/** MaxPeriodSeconds and MaxStabilizationWindowSeconds of the autoscaling validation. */
const MAX_POLICY_PERIOD = 1800;
const MAX_STABILIZATION_WINDOW = 3600;
const SELECT_POLICIES = ['Max', 'Min', 'Disabled'];

export function autoscalerFindings(f: ApiFindings, spec: Record<string, any>): void {
  const { minReplicas, maxReplicas } = spec;
  // minReplicas 0 needs the HPAScaleToZero feature gate, alpha and off in 1.28.
  if (typeof minReplicas === 'number' && !(Number.isInteger(minReplicas) && minReplicas >= 1)) {
    f.refuse('spec.minReplicas', minReplicas, 'must be a whole number of at least 1', 'give the fewest pods to keep, e.g. 2');
  }
  if (typeof maxReplicas === 'number' && !(Number.isInteger(maxReplicas) && maxReplicas >= 1)) {
    f.refuse('spec.maxReplicas', maxReplicas, 'must be a whole number of at least 1', 'give the most pods to scale to, e.g. 10');
  } else if (Number.isInteger(minReplicas) && maxReplicas < minReplicas) {
    f.refuse('spec.maxReplicas', maxReplicas, `must be at least minReplicas (${minReplicas})`, 'raise maxReplicas or lower minReplicas');
  }
  const target = mapAt(spec.scaleTargetRef);
  for (const field of ['kind', 'name'] as const) {
    if (target[field] === '') f.refuse(`spec.scaleTargetRef.${field}`, target[field], 'must be set', 'name the Deployment or StatefulSet it scales');
  }
  listAt(spec.metrics).forEach((metric, i) => {
    const utilization = metric?.resource?.target?.averageUtilization;
    if (metric?.type === 'Resource' && typeof utilization === 'number' && !(Number.isInteger(utilization) && utilization > 0)) {
      f.refuse(
        `spec.metrics[${i}].resource.target.averageUtilization`,
        utilization,
        'must be a whole percentage above 0',
        'give the target use of the request, e.g. 70',
      );
    }
  });
  for (const direction of ['scaleUp', 'scaleDown'] as const) {
    const rules = spec.behavior?.[direction];
    if (rules === undefined) continue;
    const at = `spec.behavior.${direction}`;
    const window = rules.stabilizationWindowSeconds;
    if (typeof window === 'number' && !(Number.isInteger(window) && window >= 0 && window <= MAX_STABILIZATION_WINDOW)) {
      f.refuse(
        `${at}.stabilizationWindowSeconds`,
        window,
        `must be a whole number of seconds from 0 to ${MAX_STABILIZATION_WINDOW}`,
        'give e.g. 300',
      );
    }
    if (typeof rules.selectPolicy === 'string' && !SELECT_POLICIES.includes(rules.selectPolicy)) {
      f.refuse(`${at}.selectPolicy`, rules.selectPolicy, `must be one of ${SELECT_POLICIES.join(', ')}`, 'drop selectPolicy for Max');
    }
    listAt(rules.policies).forEach((policy, j) => {
      const p = `${at}.policies[${j}]`;
      if (typeof policy?.type === 'string' && !['Pods', 'Percent'].includes(policy.type))
        f.refuse(`${p}.type`, policy?.type, 'must be Pods or Percent', 'write "Pods" or "Percent"');
      if (typeof policy?.value === 'number' && !(Number.isInteger(policy.value) && policy.value > 0))
        f.refuse(`${p}.value`, policy?.value, 'must be a whole number above 0', 'give e.g. 4');
      const period = policy?.periodSeconds;
      if (typeof period === 'number' && !(Number.isInteger(period) && period > 0 && period <= MAX_POLICY_PERIOD)) {
        f.refuse(`${p}.periodSeconds`, period, `must be a whole number of seconds from 1 to ${MAX_POLICY_PERIOD}`, 'give e.g. 60');
      }
    });
  }
}
