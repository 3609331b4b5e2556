import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck } from '../policy-check';
import { containersOf, podSpecOf } from '../../core/pod-specs';

/** Requests let the scheduler place a pod; limits keep one pod from starving its node. */
export const resourcesCheck: PolicyCheck = {
  rule: PolicyRule.RESOURCES_SET,
  appliesTo: (m) => podSpecOf(m) !== undefined,
  check(m) {
    const findings: Finding[] = [];
    for (const { field, container } of containersOf(podSpecOf(m)!)) {
      const resources = container.resources ?? {};
      const missing = ['requests', 'limits'].flatMap((kind) =>
        ['cpu', 'memory'].filter((r) => resources[kind]?.[r] === undefined).map((r) => `${kind}.${r}`),
      );
      if (missing.length > 0) {
        findings.push({
          field: `${field}.resources`,
          value: container.resources,
          problem: `must set ${missing.join(', ')}`,
          fix: 'give requests and limits for cpu and memory, e.g. requests { cpu: "100m", memory: "256Mi" }, limits { cpu: "500m", memory: "512Mi" }',
        });
      }
    }
    return findings;
  },
};
