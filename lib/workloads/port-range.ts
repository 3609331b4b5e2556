import { Site } from '../core/errors';
import { checkPort, checkPortName } from '../core/names';

/**
 * The most ports one range may expand to: a project limit, not an API one (a Service's port list
 * has no maxItems in 1.28). Every port of a LoadBalancer also takes a node port (2768 in the
 * default range, cluster-wide) and, on k3s ServiceLB, a host port on every node, so a range is
 * kept to what the seed needs (8000-8999).
 */
export const MAX_RANGE_PORTS = 1000;

/**
 * A run of ports, e.g. 8000-8999. A Service (and a container) cannot declare a range, so it is
 * written out as one port per number, named `<namePrefix><number>` (p8000 ... p8999); a
 * NetworkPolicy can say it in one rule (`{ port: 8000, endPort: 8999 }`).
 */
export class PortRange {
  static of(from: number, to: number, namePrefix: string, protocol: 'TCP' | 'UDP' = 'TCP'): PortRange {
    return new PortRange(from, to, namePrefix, protocol);
  }
  private constructor(
    readonly from: number,
    readonly to: number,
    readonly namePrefix: string,
    readonly protocol: 'TCP' | 'UDP',
  ) {}

  /** The NetworkPolicy rule that opens the whole range. */
  get rule(): { port: number; endPort: number; protocol: 'TCP' | 'UDP' } {
    return { port: this.from, endPort: this.to, protocol: this.protocol };
  }

  toString(): string {
    return `${this.from}-${this.to}`;
  }
}

/** The ports of a list that may hold ranges, each range written out; `site` is the list's field. */
export function expandPortRanges<P>(
  site: Site,
  ports: readonly (P | PortRange)[],
  toPort: (name: string, port: number, protocol: 'TCP' | 'UDP') => P,
): P[] {
  return ports.flatMap((p, i) => {
    if (!(p instanceof PortRange)) return [p];
    const at = site.at(i);
    checkPort(at.at('from'), p.from);
    checkPort(at.at('to'), p.to);
    if (p.to < p.from) at.fail(p.toString(), 'must run from a lower to a higher port', `write PortRange.of(${p.to}, ${p.from}, "${p.namePrefix}")`);
    const count = p.to - p.from + 1;
    if (count > MAX_RANGE_PORTS) {
      at.fail(
        p.toString(),
        `expands to ${count} ports, more than the ${MAX_RANGE_PORTS} one range may give`,
        'narrow the range or split it over several Services; a Service cannot declare a range, so each port is written out',
      );
    }
    checkPortName(at.at('namePrefix'), `${p.namePrefix}${p.to}`);
    return Array.from({ length: count }, (_, k) => toPort(`${p.namePrefix}${p.from + k}`, p.from + k, p.protocol));
  });
}
