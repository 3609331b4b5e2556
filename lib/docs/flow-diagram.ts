import { NetworkFlows } from './network-flows';

/**
 * A Mermaid flowchart of the flows: emitted pods grouped by namespace, outsiders as rounded
 * nodes, one arrow per flow labelled with its ports. Ids are generated (w0, x0: Mermaid refuses
 * ids such as `end`); labels are always quoted, with `"` written as `#quot;`.
 */
export function flowDiagram(network: NetworkFlows): string {
  const ids = new Map<string, string>();
  network.workloads.forEach((w, i) => ids.set(w.id, `w${i}`));
  network.outsiders.forEach((o, i) => ids.set(o.id, `x${i}`));
  const lines = ['flowchart LR'];
  const namespaces = [...new Set(network.workloads.map((w) => w.namespace))].sort();
  namespaces.forEach((ns, i) => {
    lines.push(`  subgraph ns${i}["namespace ${quote(ns)}"]`);
    for (const w of network.workloads.filter((x) => x.namespace === ns)) lines.push(`    ${ids.get(w.id)}["${quote(`${w.kind} ${w.name}`)}"]`);
    lines.push('  end');
  });
  for (const o of network.outsiders) lines.push(`  ${ids.get(o.id)}(["${quote(o.label)}"])`);
  for (const f of network.flows) lines.push(`  ${ids.get(f.from)} -->|"${quote(f.ports.join(', '))}"| ${ids.get(f.to)}`);
  return lines.join('\n');
}

function quote(text: string): string {
  return text.replace(/"/g, '#quot;');
}
