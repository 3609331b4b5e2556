import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck } from '../policy-check';
import { containersOf, podSpecOf } from '../../core/pod-specs';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;

/** A probe on a port the container does not declare fails forever: the pod is never ready, or restarts in a loop. */
export const probePortCheck: PolicyCheck = {
  rule: PolicyRule.PROBE_PORT_DECLARED,
  appliesTo: (m) => podSpecOf(m) !== undefined,
  check(m) {
    const findings: Finding[] = [];
    for (const { field, container } of containersOf(podSpecOf(m)!)) {
      const ports: { name?: string; containerPort: number }[] = container.ports ?? [];
      for (const probe of PROBES) {
        const handler = container[probe]?.httpGet ?? container[probe]?.tcpSocket ?? container[probe]?.grpc;
        if (!handler) continue;
        const port = handler.port;
        if (ports.some((p) => p.name === port || p.containerPort === port)) continue;
        const kind = container[probe].httpGet ? 'httpGet' : container[probe].tcpSocket ? 'tcpSocket' : 'grpc';
        findings.push({
          field: `${field}.${probe}.${kind}.port`,
          value: port,
          problem: 'is no port the container declares',
          fix: `probe one of: ${ports.map((p) => p.name ?? p.containerPort).join(', ') || '(none declared: add the port to the container)'}`,
        });
      }
    }
    return findings;
  },
};
