import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck } from '../policy-check';

/** Why a peer list admits everyone: no peers at all, the whole address space, or every pod of every namespace. */
function openPeers(peers: unknown, ends: string): string | undefined {
  if (!Array.isArray(peers) || peers.length === 0) return `every ${ends} (it names no peers)`;
  for (const peer of peers as Record<string, any>[]) {
    const cidr = peer?.ipBlock?.cidr;
    if (typeof cidr === 'string' && /\/0$/.test(cidr)) return `the whole address space (${cidr})`;
    const everyNamespace = peer?.namespaceSelector !== undefined && Object.keys(peer.namespaceSelector ?? {}).length === 0;
    if (everyNamespace && Object.keys(peer?.podSelector ?? {}).length === 0) return 'every pod of every namespace (namespaceSelector {})';
  }
  return undefined;
}

/**
 * Default deny stays default deny: no NetworkPolicy rule admits every peer on every port (an
 * ingress rule `{}`, a rule with `from: []`, egress to 0.0.0.0/0 without ports), and no policy
 * that selects every pod of its namespace (podSelector {}) opens them to every peer. Either undoes
 * the namespace's default-deny-all for the pods it selects.
 */
export const openNetworkPolicyCheck: PolicyCheck = {
  rule: PolicyRule.NETWORK_POLICY_NARROW,
  appliesTo: (m) => m.kind === 'NetworkPolicy',
  check(m) {
    const spec = m.object.spec ?? {};
    const everyPod = Object.keys(spec.podSelector ?? {}).length === 0;
    const findings: Finding[] = [];
    for (const [direction, peersField, ends] of [
      ['ingress', 'from', 'source'],
      ['egress', 'to', 'destination'],
    ] as const) {
      (Array.isArray(spec[direction]) ? (spec[direction] as Record<string, any>[]) : []).forEach((rule, i) => {
        const open = openPeers(rule?.[peersField], ends);
        const allPorts = !Array.isArray(rule?.ports) || rule.ports.length === 0;
        if (open === undefined || (!allPorts && !everyPod)) return;
        findings.push({
          field: `spec.${direction}[${i}]`,
          value: rule,
          problem: `admits ${open}${allPorts ? ' on every port' : ''}${everyPod ? ' for every pod of the namespace (podSelector {})' : ''}, which undoes default deny`,
          fix: `name the ${ends}s (pods, namespaces or address ranges) and the ports the pods need`,
        });
      });
    }
    return findings;
  },
};
