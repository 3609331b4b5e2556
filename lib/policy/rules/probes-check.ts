import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck } from '../policy-check';
import { containersOf, podSpecOf, RUN_TO_COMPLETION } from '../../core/pod-specs';

/** A long-running container without probes gets traffic before it is ready and is never restarted when stuck. */
export const probesCheck: PolicyCheck = {
  rule: PolicyRule.PROBES_SET,
  appliesTo: (m) => !RUN_TO_COMPLETION.has(m.kind) && podSpecOf(m) !== undefined,
  check(m) {
    const findings: Finding[] = [];
    for (const { field, container } of containersOf(podSpecOf(m)!, ['containers'])) {
      for (const probe of ['readinessProbe', 'livenessProbe']) {
        if (!container[probe]) {
          findings.push({
            field: `${field}.${probe}`,
            value: undefined,
            problem: 'must be set on a long-running container',
            fix: `add ${probe}: Probe.httpGet(...), Probe.tcpSocket(...) or Probe.exec(...)`,
          });
        }
      }
    }
    return findings;
  },
};
