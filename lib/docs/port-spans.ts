/**
 * Ports a NetworkPolicy rule allows, as written: one port, a range (`port` to `endPort`), a named
 * port the target declares, every port of a protocol (a rule entry without `port`), or every port
 * (a rule without `ports`). Two sides of a flow allow the ports both of them allow.
 */
export type PortSpans = 'any' | readonly PortSpan[];

export interface PortSpan {
  readonly protocol: string;
  /** First and last port; both undefined for a named port the target does not declare. */
  readonly from?: number;
  readonly to?: number;
  /** The name a rule used, when the target declares no port of that name. */
  readonly name?: string;
}

const LAST_PORT = 65535;

/** The span a rule's port entry stands for, named ports resolved on the target's container ports. */
export function spanOf(
  entry: { readonly port?: number | string; readonly endPort?: number; readonly protocol?: string },
  targetPorts: readonly { readonly port: number; readonly name?: string }[] | undefined,
): PortSpan {
  const protocol = entry.protocol ?? 'TCP';
  if (entry.port === undefined) return { protocol, from: 1, to: LAST_PORT };
  if (typeof entry.port === 'string') {
    const byName = targetPorts?.find((p) => p.name === entry.port)?.port;
    return byName === undefined ? { protocol, name: entry.port } : { protocol, from: byName, to: byName };
  }
  return { protocol, from: entry.port, to: entry.endPort ?? entry.port };
}

/** What both sides allow. */
export function intersectSpans(a: PortSpans, b: PortSpans): PortSpans {
  if (a === 'any') return b;
  if (b === 'any') return a;
  const both: PortSpan[] = [];
  for (const x of a)
    for (const y of b) {
      if (x.protocol !== y.protocol) continue;
      if (x.name !== undefined || y.name !== undefined) {
        if (x.name === y.name) both.push(x);
        continue;
      }
      const from = Math.max(x.from!, y.from!);
      const to = Math.min(x.to!, y.to!);
      if (from <= to) both.push({ protocol: x.protocol, from, to });
    }
  return both;
}

/** Every port a set of rules allows: 'any' when one of them allows every port. */
export function unionSpans(all: readonly PortSpans[]): PortSpans {
  if (all.some((s) => s === 'any')) return 'any';
  return (all as (readonly PortSpan[])[]).flat();
}

/** "TCP 8080", "TCP 8000-8999", "UDP any port", "TCP metrics"; sorted by protocol and port, each once. */
export function portLabels(spans: PortSpans): string[] {
  if (spans === 'any') return ['any port'];
  const sorted = [...spans].sort((x, y) => x.protocol.localeCompare(y.protocol) || (x.from ?? 0) - (y.from ?? 0) || (x.to ?? 0) - (y.to ?? 0));
  return [...new Set(sorted.map(portLabel))];
}

function portLabel(span: PortSpan): string {
  if (span.name !== undefined) return `${span.protocol} ${span.name}`;
  if (span.from === 1 && span.to === LAST_PORT) return `${span.protocol} any port`;
  return span.from === span.to ? `${span.protocol} ${span.from}` : `${span.protocol} ${span.from}-${span.to}`;
}
