import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { checkPort } from '../core/names';

/** A port a NetworkPolicy opens: one port, or a range (NetworkPolicy allows ranges, Services do not). */
export interface PortRule {
  readonly port: number;
  /** Last port of a range. @default single port */
  readonly endPort?: number;
  /** @default "TCP" */
  readonly protocol?: 'TCP' | 'UDP';
}

/** Every port and protocol: the rule lists no ports. Say it, never leave ports empty by accident. */
export type AllPorts = 'all';

/**
 * The NetworkPolicy ports of a rule; a plain number is one TCP port, `'all'` none (every port).
 * `site` is the rule's `ports` field.
 */
export function buildPortRules(site: Site, ports: readonly (number | PortRule)[] | AllPorts): k8s.NetworkPolicyPort[] | undefined {
  if (ports === 'all') return undefined;
  if (ports.length === 0) site.fail([], 'must list at least one port', 'name the ports the traffic uses');
  return ports.map((p, i) => buildPortRule(site.at(i), typeof p === 'number' ? { port: p } : p));
}

function buildPortRule(site: Site, rule: PortRule): k8s.NetworkPolicyPort {
  checkPort(site.at('port'), rule.port);
  if (rule.endPort !== undefined) {
    checkPort(site.at('endPort'), rule.endPort);
    if (rule.endPort < rule.port) site.at('endPort').fail(rule.endPort, `is below port ${rule.port}`, 'give the range as port <= endPort');
  }
  return { protocol: rule.protocol ?? 'TCP', port: k8s.IntOrString.fromNumber(rule.port), endPort: rule.endPort };
}
