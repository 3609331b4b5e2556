import { Flow, FlowOutsider, FlowWorkload, NetworkFlows } from './network-flows';

/**
 * How much one diagram may hold and stay legible at a repository browser's width (about 880 px
 * of Markdown): a part is two columns wide, so its labels render at full size, and a dozen
 * arrows keep its height within a screen or two. The browser test renders every generated
 * diagram and holds this.
 */
export const DIAGRAM_BUDGET = { arrows: 12, nodes: 14 } as const;

/** What one diagram may hold. */
export interface DiagramBudget {
  readonly arrows: number;
  readonly nodes: number;
}

/** A flow that every drawn pod has to one outsider (or from it): one note instead of an arrow per pod. */
export interface FoldedFlow {
  readonly direction: 'to' | 'from';
  readonly outsider: FlowOutsider;
  readonly ports: readonly string[];
}

/** One Mermaid flowchart; `title` names the senders when the flows were split into several. */
export interface DiagramPart {
  readonly title?: string;
  readonly text: string;
}

export interface FlowDiagrams {
  readonly folded: readonly FoldedFlow[];
  readonly parts: readonly DiagramPart[];
}

/**
 * The flows as diagrams a person can read: flows every pod has (cluster DNS) folded into notes,
 * then the other arrows grouped by sender into parts of at most DIAGRAM_BUDGET, each pod inside
 * its namespace's box. Every flow is either an arrow of exactly one part or a folded note.
 */
export function flowDiagrams(network: NetworkFlows, budget: DiagramBudget = DIAGRAM_BUDGET): FlowDiagrams {
  const ids = new Map<string, string>();
  network.workloads.forEach((w, i) => ids.set(w.id, `w${i}`));
  network.outsiders.forEach((o, i) => ids.set(o.id, `x${i}`));
  const folded = foldedFlows(network);
  const isFolded = (f: Flow) =>
    folded.some((n) => (n.direction === 'to' ? f.to === n.outsider.id : f.from === n.outsider.id) && sameList(f.ports, n.ports));
  const arrows = network.flows.filter((f) => !isFolded(f));
  const groups = groupBySender(arrows, network);
  const outsiders = new Set(network.outsiders.map((o) => o.id));
  const parts = packGroups(groups, budget, (id) => outsiders.has(id));
  const name = nameOf(network);
  return {
    folded,
    parts: parts.map((flows) => ({
      title: parts.length > 1 ? `from ${[...new Set(flows.map((f) => name(f.from)))].join(', ')}` : undefined,
      text: flowchart(flows, network, ids),
    })),
  };
}

/** One diagram of every flow, nothing folded or split (for a small set of flows, or a test). */
export function flowDiagram(network: NetworkFlows): string {
  const ids = new Map<string, string>();
  network.workloads.forEach((w, i) => ids.set(w.id, `w${i}`));
  network.outsiders.forEach((o, i) => ids.set(o.id, `x${i}`));
  return flowchart(network.flows, network, ids);
}

/** Outsider flows with the same ports from (or to) every workload, when there are two workloads or more. */
function foldedFlows(network: NetworkFlows): FoldedFlow[] {
  if (network.workloads.length < 2) return [];
  const found: FoldedFlow[] = [];
  // The flows at each end, indexed once: a fleet has thousands of outsiders and of flows.
  const flowsAt = { to: new Map<string, Flow[]>(), from: new Map<string, Flow[]>() };
  for (const f of network.flows) {
    for (const direction of ['to', 'from'] as const) {
      const end = direction === 'to' ? f.to : f.from;
      const list = flowsAt[direction].get(end);
      if (list) list.push(f);
      else flowsAt[direction].set(end, [f]);
    }
  }
  for (const outsider of network.outsiders)
    for (const direction of ['to', 'from'] as const) {
      const flows = flowsAt[direction].get(outsider.id) ?? [];
      const pods = new Set(flows.map((f) => (direction === 'to' ? f.from : f.to)));
      if (flows.length !== network.workloads.length || !network.workloads.every((w) => pods.has(w.id))) continue;
      if (flows.every((f) => sameList(f.ports, flows[0].ports))) found.push({ direction, outsider, ports: flows[0].ports });
    }
  return found;
}

/** Arrows by sender, senders in the order of the workloads (by namespace) and then the outsiders. */
function groupBySender(arrows: readonly Flow[], network: NetworkFlows): Flow[][] {
  const order = [...network.outsiders.map((o) => o.id), ...[...network.workloads].sort(byNamespace).map((w) => w.id)];
  const groups = new Map<string, Flow[]>(order.map((id) => [id, []]));
  for (const f of arrows) groups.get(f.from)?.push(f);
  return [...groups.values()].filter((g) => g.length > 0);
}

/**
 * Groups packed into parts within the budget, each part two columns (left to right: its senders,
 * then its receivers, none of them both; outsiders all on one side), so its width stays that of
 * two labels however many arrows it holds. A sender's group goes into the first part it fits; one larger than a part is cut.
 */
function packGroups(groups: readonly Flow[][], budget: DiagramBudget, isOutsider: (id: string) => boolean): Flow[][] {
  const chunks = groups.flatMap((g) =>
    Array.from({ length: Math.ceil(g.length / budget.arrows) }, (_, i) => g.slice(i * budget.arrows, (i + 1) * budget.arrows)),
  );
  // Outsiders sit outside the namespace boxes: arrows from them and to them in one part would add columns.
  const side = (f: Flow) => `${isOutsider(f.from)} ${isOutsider(f.to)}`;
  // Each part keeps what the fit test needs (its senders, receivers, nodes, side), so testing a
  // chunk against a part costs the chunk's size, not the part's: a fleet has thousands of parts.
  const parts: PackedPart[] = [];
  // The parts a chunk may still join, by side, in the order they were made: a full or broken part
  // never fits again, and a part of another side never fits, so leaving them out changes no first
  // fit and keeps the search short.
  const open = new Map<string, PackedPart[]>();
  for (const chunk of chunks) {
    // What the fit test needs of the chunk alone, worked out once, not once per part tried.
    const chunkSide = side(chunk[0]);
    const joinable = chunk.every((f) => side(f) === chunkSide && !chunk.some((g) => g.from === f.to));
    const chunkNodes = [...new Set(chunk.flatMap((f) => [f.from, f.to]))];
    const fits = (part: PackedPart) =>
      part.sound &&
      part.flows.length + chunk.length <= budget.arrows &&
      chunk.every((f) => !part.senders.has(f.to) && !part.receivers.has(f.from)) &&
      part.nodes.size + chunkNodes.filter((n) => !part.nodes.has(n)).length <= budget.nodes;
    const candidates = open.get(chunkSide) ?? [];
    let part = joinable ? candidates.find(fits) : undefined;
    if (part) addToPart(part, chunk);
    else {
      part = startPart(chunk, side);
      parts.push(part);
      const sameSide = open.get(part.side);
      if (sameSide) sameSide.push(part);
      else open.set(part.side, [part]);
    }
    if (!part.sound || part.flows.length >= budget.arrows)
      open.set(
        part.side,
        open.get(part.side)!.filter((p) => p !== part),
      );
  }
  return parts.length > 0 ? parts.map((p) => p.flows) : [[]];
}

/** A part of a split diagram, with the sets its fit test reads. */
interface PackedPart {
  readonly flows: Flow[];
  readonly senders: Set<string>;
  readonly receivers: Set<string>;
  readonly nodes: Set<string>;
  /** The side (outsider or not, at each end) of its first arrow: every arrow must share it. */
  readonly side: string;
  /** False once it holds a node that both sends and receives, or arrows of two sides (a part started from such a chunk): nothing more fits. */
  sound: boolean;
}

/** A new part holding `chunk`. It is placed without the fit test: if it breaks the rules itself, nothing may join it. */
function startPart(chunk: readonly Flow[], side: (f: Flow) => string): PackedPart {
  const part: PackedPart = { flows: [], senders: new Set(), receivers: new Set(), nodes: new Set(), side: side(chunk[0]), sound: true };
  addToPart(part, chunk);
  part.sound = chunk.every((f) => side(f) === part.side && !part.senders.has(f.to));
  return part;
}

/** Adds `chunk` to `part`: one that fits it, or a new one. */
function addToPart(part: PackedPart, chunk: readonly Flow[]): void {
  for (const f of chunk) {
    part.flows.push(f);
    part.senders.add(f.from);
    part.receivers.add(f.to);
    part.nodes.add(f.from).add(f.to);
  }
}

function flowchart(flows: readonly Flow[], network: NetworkFlows, ids: ReadonlyMap<string, string>): string {
  const drawn = new Set(flows.flatMap((f) => [f.from, f.to]));
  const lines = ['flowchart LR'];
  const workloads = network.workloads.filter((w) => drawn.has(w.id));
  const namespaces = [...new Set(network.workloads.map((w) => w.namespace))].sort();
  namespaces.forEach((ns, i) => {
    const inside = workloads.filter((w) => w.namespace === ns);
    if (inside.length === 0) return;
    lines.push(`  subgraph ns${i}["${label(`namespace ${ns}`)}"]`);
    // Without it a namespace box lays its pods out top to bottom: a fan-out becomes one wide row.
    lines.push('    direction LR');
    for (const w of inside) lines.push(`    ${ids.get(w.id)}["${label(`${w.kind} ${w.name}`)}"]`);
    lines.push('  end');
  });
  for (const o of network.outsiders.filter((x) => drawn.has(x.id))) lines.push(`  ${ids.get(o.id)}(["${label(o.label)}"])`);
  for (const f of flows) lines.push(`  ${ids.get(f.from)} -->|"${label(f.ports.join(', '))}"| ${ids.get(f.to)}`);
  return lines.join('\n');
}

/** The short names titles use: a pod's name, an outsider's given name (else its label). */
function nameOf(network: NetworkFlows): (id: string) => string {
  const names = new Map<string, string>([
    ...network.workloads.map((w): [string, string] => [w.id, w.name]),
    ...network.outsiders.map((o): [string, string] => [o.id, o.name ?? o.label]),
  ]);
  return (id) => names.get(id) ?? id;
}

function byNamespace(a: FlowWorkload, b: FlowWorkload): number {
  return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Characters a line of a label holds before it breaks (Mermaid draws a quoted label on one line otherwise). */
export const LABEL_LINE = 36;

/**
 * Mermaid label text: broken into lines of about LABEL_LINE characters at spaces (`<br>`), and a
 * word longer than a line (a label selector such as
 * `svccontroller.k3s.cattle.io/svcnamespace=edd-cloud`) after its `=` or `/`, so unbrokenLabel
 * gives the text back; `"` as `#quot;` (labels are always quoted).
 */
export function label(text: string): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    // A line never ends in `=` or `/` at a space: that end means a break inside a word.
    if (last >= 0 && (lines[last].length + 1 + word.length <= LABEL_LINE || /[=/]$/.test(lines[last]))) lines[last] += ` ${word}`;
    else lines.push(longWordLines(word).join('<br>'));
  }
  return lines.join('<br>').replace(/"/g, '#quot;');
}

/** The text of a label: a `<br>` after `=` or `/` was a break inside a word, any other a space. */
export function unbrokenLabel(text: string): string {
  return text.replace(/([=/])<br>/g, '$1').replace(/<br>/g, ' ');
}

/** A word as lines of at most LABEL_LINE characters where it has a `=` or `/` to break after; a shorter word whole. */
function longWordLines(word: string): string[] {
  if (word.length <= LABEL_LINE) return [word];
  const lines = [''];
  for (const piece of word.split(/(?<=[=/])/)) {
    const last = lines.length - 1;
    if (lines[last] === '' || lines[last].length + piece.length <= LABEL_LINE) lines[last] += piece;
    else lines.push(piece);
  }
  return lines;
}
