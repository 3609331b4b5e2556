import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck } from '../policy-check';
import { manifestIndex } from '../manifest-index';
import { selects } from '../../core/pod-specs';

interface DeclaredPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: string;
}

function exposes(ports: readonly DeclaredPort[], rule: Record<string, any>): boolean {
  const protocol = rule.protocol ?? 'TCP';
  return ports.some(
    (p) =>
      (p.protocol ?? 'TCP') === protocol &&
      (typeof rule.port === 'string' ? p.name === rule.port : p.containerPort >= rule.port && p.containerPort <= (rule.endPort ?? rule.port)),
  );
}

/** An ingress port the selected pods do not listen on opens nothing: the rule is a typo or a leftover. */
export const policyPortsCheck: PolicyCheck = {
  rule: PolicyRule.POLICY_PORTS_EXPOSED,
  appliesTo: (m) =>
    m.kind === 'NetworkPolicy' && Object.keys(m.object.spec?.podSelector ?? {}).length > 0 && (m.object.spec?.ingress ?? []).length > 0,
  check(m, { manifests }) {
    const pods = manifestIndex(manifests)
      .podTemplatesIn(m.namespace)
      .filter((p) => selects(m.object.spec.podSelector, p.labels));
    if (pods.length === 0) return []; // selects-pods reports it
    const declared: DeclaredPort[] = pods.flatMap((p) =>
      [...(p.spec.containers ?? []), ...(p.spec.initContainers ?? [])].flatMap((c: any) => c.ports ?? []),
    );
    const findings: Finding[] = [];
    (m.object.spec.ingress as Record<string, any>[]).forEach((rule, i) => {
      (rule.ports ?? []).forEach((port: Record<string, any>, j: number) => {
        if (port.port === undefined || exposes(declared, port)) return;
        findings.push({
          field: `spec.ingress[${i}].ports[${j}]`,
          value: port.endPort ? `${port.port}-${port.endPort}` : port.port,
          problem: 'is no port the selected pods expose',
          fix: `open one of: ${declared.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') || '(the pods declare no ports)'}`,
        });
      });
    });
    return findings;
  },
};
