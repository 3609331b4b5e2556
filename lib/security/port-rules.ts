import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { checkPort } from '../core/names';
import { PodPort } from '../workloads/pod-group';

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
 * A port of a rule: a number (one TCP port), a PortRule, or the name of a port the destination
 * pods declare (their container port of that name, with its number and protocol).
 */
export type PortSpec = number | string | PortRule;

/** The pods whose declared ports a named port is looked up in: the destination of the traffic. */
export interface NamedPorts {
  /** Who the pods are, for the error. */
  readonly name: string;
  /** undefined: not pods this project emits (an address block, another namespace's pods). */
  readonly ports?: readonly PodPort[];
}

/**
 * The NetworkPolicy ports of a rule; a plain number is one TCP port, a name the destination pods'
 * port of that name, `'all'` none (every port). `site` is the rule's `ports` field.
 */
export function buildPortRules(site: Site, ports: readonly PortSpec[] | AllPorts, destination?: NamedPorts): k8s.NetworkPolicyPort[] | undefined {
  if (ports === 'all') return undefined;
  if (ports.length === 0) site.fail([], 'must list at least one port', 'name the ports the traffic uses');
  return ports.flatMap((p, i) =>
    typeof p === 'string'
      ? namedPort(site.at(i), p, destination).map((rule) => buildPortRule(site.at(i), rule))
      : [buildPortRule(site.at(i), typeof p === 'number' ? { port: p } : p)],
  );
}

/**
 * A named port, as the numbers of the destination pods' container ports of that name (pods of one
 * group may differ by variant). Numbers are written, not the name: the name is resolved here, where a
 * typo is an error, not in the cluster, where it opens nothing.
 */
function namedPort(site: Site, name: string, destination: NamedPorts | undefined): PortRule[] {
  if (!destination?.ports) {
    return site.fail(
      name,
      `names a port, but ${destination ? `${destination.name} is not pods this project emits, so their ports are unknown` : 'the rule has no destination pods to look it up in'}`,
      'give the port number',
    );
  }
  const matching = destination.ports.filter((p) => p.name === name);
  if (matching.length === 0) {
    const known = [...new Set(destination.ports.map((p) => p.name))];
    site.fail(
      name,
      `names no port of ${destination.name}'s pods`,
      known.length > 0 ? `use one of: ${known.join(', ')}` : `declare the port in ${destination.name}'s containers first`,
    );
  }
  return matching.map((p) => ({ port: p.port, protocol: p.protocol }));
}

function buildPortRule(site: Site, rule: PortRule): k8s.NetworkPolicyPort {
  checkPort(site.at('port'), rule.port);
  if (rule.endPort !== undefined) {
    checkPort(site.at('endPort'), rule.endPort);
    if (rule.endPort < rule.port) site.at('endPort').fail(rule.endPort, `is below port ${rule.port}`, 'give the range as port <= endPort');
  }
  return { protocol: rule.protocol ?? 'TCP', port: k8s.IntOrString.fromNumber(rule.port), endPort: rule.endPort };
}
