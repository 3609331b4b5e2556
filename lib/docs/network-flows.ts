import { identityKey, Manifest } from '../core/manifest';
import { podSpecOf, selects } from '../core/pod-specs';
import { PEER_NAME_ANNOTATION } from '../security/network-graph';
import { intersectSpans, portLabels, PortSpans, spanOf, unionSpans } from './port-spans';

/** Pods some object of the platform makes, as NetworkPolicies see them. */
export interface FlowWorkload {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Container ports, by number and by name. */
  readonly ports: readonly { readonly port: number; readonly name?: string; readonly protocol: string }[];
}

/** A peer a policy names that no emitted pod is: another namespace's pods, an address block, anything. */
export interface FlowOutsider {
  readonly id: string;
  readonly label: string;
  /** The name the platform gave the peer (PEER_NAME_ANNOTATION), when the policy carries it. */
  readonly name?: string;
}

/** Traffic the emitted NetworkPolicies let through: from, to, and on which ports ("TCP 443", "TCP 8000-8999"). */
export interface Flow {
  readonly from: string;
  readonly to: string;
  readonly ports: readonly string[];
}

export interface NetworkFlows {
  readonly workloads: readonly FlowWorkload[];
  readonly outsiders: readonly FlowOutsider[];
  readonly flows: readonly Flow[];
}

type Rule = { ports?: { port?: number | string; endPort?: number; protocol?: string }[]; peers?: Record<string, any>[] };
const ANYWHERE: FlowOutsider = { id: 'anywhere', label: 'anywhere (no rule restricts it)' };

/**
 * The flows the platform's NetworkPolicies allow, derived from the objects alone. Between two
 * emitted pods a flow needs both sides: the sender's egress (or no egress policy selecting it)
 * and the receiver's ingress (or no ingress policy selecting it), on a port both allow. A peer
 * that selects no emitted pod is drawn as an outsider, one per distinct peer.
 */
export function networkFlows(manifests: readonly Manifest[]): NetworkFlows {
  const namespaceLabels = new Map<string, Record<string, string>>();
  for (const m of manifests.filter((x) => x.kind === 'Namespace'))
    namespaceLabels.set(m.name, { ...m.object.metadata?.labels, 'kubernetes.io/metadata.name': m.name });
  const nsLabels = (ns: string) => namespaceLabels.get(ns) ?? { 'kubernetes.io/metadata.name': ns };
  const workloads: FlowWorkload[] = manifests.flatMap((m) => {
    const pod = podSpecOf(m);
    if (!pod || m.namespace === undefined) return [];
    const ports = (pod.spec.containers ?? []).flatMap((c: any) =>
      (c.ports ?? []).map((p: any) => ({ port: p.containerPort, name: p.name, protocol: p.protocol ?? 'TCP' })),
    );
    return [{ id: identityKey(m.kind, m.namespace, m.name), kind: m.kind, name: m.name, namespace: m.namespace, labels: pod.labels, ports }];
  });
  // Indexed once, so a fleet of thousands of workloads stays linear: policies and workloads by
  // namespace, the policies that isolate each workload, and the workloads each peer selects.
  const policiesByNs = groupBy(
    manifests.filter((m) => m.kind === 'NetworkPolicy' && m.namespace !== undefined),
    (m) => m.namespace!,
  );
  const workloadsByNs = groupBy(workloads, (w) => w.namespace);
  const selectingMemo = new Map<string, Manifest[]>();
  const selecting = (w: FlowWorkload, type: 'Ingress' | 'Egress'): Manifest[] => {
    const key = `${type} ${w.id}`;
    let found = selectingMemo.get(key);
    if (!found) {
      found = (policiesByNs.get(w.namespace) ?? []).filter(
        (p) => (p.object.spec?.policyTypes ?? ['Ingress']).includes(type) && selects(p.object.spec?.podSelector ?? {}, w.labels),
      );
      selectingMemo.set(key, found);
    }
    return found;
  };
  const rulesOf = (p: Manifest, type: 'Ingress' | 'Egress'): Rule[] =>
    (p.object.spec?.[type === 'Ingress' ? 'ingress' : 'egress'] ?? []).map((r: any) => ({
      ports: r.ports,
      peers: r[type === 'Ingress' ? 'from' : 'to'],
    }));
  const peerSelects = (policyNs: string, peer: Record<string, any>, w: FlowWorkload) => {
    if (peer.ipBlock) return false;
    const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, nsLabels(w.namespace)) : w.namespace === policyNs;
    return nsOk && (peer.podSelector ? selects(peer.podSelector, w.labels) : true);
  };
  /** The ports of `target` a rule allows, as written (ranges kept); every one when it names none. */
  const allowedPorts = (rule: Rule, target: FlowWorkload | undefined): PortSpans => {
    if (!rule.ports || rule.ports.length === 0) return target ? declaredPorts(target) : 'any';
    return rule.ports.map((p) => spanOf(p, target?.ports));
  };
  /** Ports a direction allows between w and other: undefined when w is not isolated in that direction. */
  const side = (w: FlowWorkload, other: FlowWorkload, type: 'Ingress' | 'Egress', target: FlowWorkload): PortSpans | undefined => {
    const applying = selecting(w, type);
    if (applying.length === 0) return undefined;
    const allowed: PortSpans[] = [];
    for (const p of applying)
      for (const rule of rulesOf(p, type)) {
        if (rule.peers === undefined || rule.peers.length === 0 || rule.peers.some((peer) => peerSelects(p.namespace!, peer, other)))
          allowed.push(allowedPorts(rule, target));
      }
    return unionSpans(allowed);
  };

  /** The emitted workloads a peer selects (memoized: many rules repeat a peer). */
  const peerMemo = new Map<string, readonly FlowWorkload[]>();
  const selectedBy = (policyNs: string, peer: Record<string, any>): readonly FlowWorkload[] => {
    const key = `${policyNs} ${JSON.stringify(peer)}`;
    let found = peerMemo.get(key);
    if (!found) {
      const namespaces = peer.namespaceSelector
        ? [...workloadsByNs.keys()].filter((ns) => selects(peer.namespaceSelector, nsLabels(ns)))
        : [policyNs];
      found = peer.ipBlock ? [] : namespaces.flatMap((ns) => (workloadsByNs.get(ns) ?? []).filter((w) => peerSelects(policyNs, peer, w)));
      peerMemo.set(key, found);
    }
    return found;
  };
  /** Workloads a side's rules name (all of them when a rule names no peer); undefined when nothing isolates it. */
  const named = (w: FlowWorkload, type: 'Ingress' | 'Egress'): Set<FlowWorkload> | 'all' | undefined => {
    const applying = selecting(w, type);
    if (applying.length === 0) return undefined;
    const found = new Set<FlowWorkload>();
    for (const p of applying)
      for (const rule of rulesOf(p, type)) {
        if (rule.peers === undefined || rule.peers.length === 0) return 'all';
        for (const peer of rule.peers) for (const x of selectedBy(p.namespace!, peer)) found.add(x);
      }
    return found;
  };
  // A flow between two emitted pods needs an isolated side whose rules name the other (see above):
  // the receiver named by the sender's egress, or the sender named by the receiver's ingress when
  // the sender's egress is open. Only those pairs are checked.
  const candidates = new Map<FlowWorkload, Set<FlowWorkload>>(workloads.map((w) => [w, new Set()]));
  const openEgress = new Set<FlowWorkload>();
  for (const w of workloads) {
    const out = named(w, 'Egress');
    if (out === undefined) openEgress.add(w);
    else for (const to of out === 'all' ? workloads : out) candidates.get(w)!.add(to);
  }
  for (const to of workloads) {
    const inn = named(to, 'Ingress');
    if (inn !== undefined) for (const from of inn === 'all' ? workloads : inn) if (openEgress.has(from)) candidates.get(from)!.add(to);
  }

  const flows: Flow[] = [];
  for (const from of workloads)
    for (const to of candidates.get(from)!) {
      if (from === to) continue;
      const out = side(from, to, 'Egress', to);
      const inn = side(to, from, 'Ingress', to);
      // Neither side isolated is not a decision a policy made; it is drawn only through "anywhere".
      if (out === undefined && inn === undefined) continue;
      const both = intersectSpans(out ?? 'any', inn ?? 'any');
      if (both === 'any' || both.length > 0) flows.push({ from: from.id, to: to.id, ports: portLabels(both) });
    }

  // Outsiders: peers that select no emitted pod, and the open side of a pod no policy isolates.
  const outsiders = new Map<string, FlowOutsider>();
  const outsiderFlows = new Map<string, { flow: Flow; spans: PortSpans[] }>();
  const outsider = (peer: Record<string, any> | undefined, policy: Manifest): FlowOutsider => {
    const found = describePeer(peer, policy.namespace!, policy.object.metadata?.annotations?.[PEER_NAME_ANNOTATION]);
    if (!outsiders.has(found.id)) outsiders.set(found.id, found);
    return found;
  };
  for (const w of workloads) {
    for (const type of ['Egress', 'Ingress'] as const) {
      const applying = selecting(w, type);
      if (applying.length === 0) {
        outsiders.set(ANYWHERE.id, ANYWHERE);
        const spans = type === 'Egress' ? 'any' : declaredPorts(w);
        const open =
          type === 'Egress' ? { from: w.id, to: ANYWHERE.id, ports: portLabels(spans) } : { from: ANYWHERE.id, to: w.id, ports: portLabels(spans) };
        flows.push(open);
        outsiderFlows.set(`${open.from} ${open.to}`, { flow: open, spans: [spans] });
        continue;
      }
      for (const p of applying)
        for (const rule of rulesOf(p, type)) {
          const peers =
            rule.peers === undefined || rule.peers.length === 0
              ? [undefined]
              : rule.peers.filter((peer) => selectedBy(p.namespace!, peer).length === 0);
          for (const peer of peers) {
            const o = outsider(peer, p);
            const spans = allowedPorts(rule, type === 'Ingress' ? w : undefined);
            const [from, to] = type === 'Egress' ? [w.id, o.id] : [o.id, w.id];
            const same = outsiderFlows.get(`${from} ${to}`);
            if (same) {
              same.spans.push(spans);
              (same.flow.ports as string[]).splice(0, same.flow.ports.length, ...portLabels(unionSpans(same.spans)));
            } else {
              const flow = { from, to, ports: portLabels(spans) };
              flows.push(flow);
              outsiderFlows.set(`${from} ${to}`, { flow, spans: [spans] });
            }
          }
        }
    }
  }
  return {
    workloads,
    outsiders: [...outsiders.values()].sort((a, b) => a.id.localeCompare(b.id)),
    flows: flows.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The ports a workload's containers declare; every port when they declare none. */
function declaredPorts(w: FlowWorkload): PortSpans {
  return w.ports.length > 0 ? w.ports.map((p) => ({ protocol: p.protocol, from: p.port, to: p.port })) : 'any';
}

/**
 * An outsider as the policy names it: the peer's name from TypeScript when the policy carries it
 * (PEER_NAME_ANNOTATION), then its addresses or namespace and pods. One outsider per name and peer.
 */
function describePeer(peer: Record<string, any> | undefined, policyNs: string, name: string | undefined): FlowOutsider {
  if (!peer) return ANYWHERE;
  if (peer.ipBlock) {
    const except = peer.ipBlock.except?.length ? ` except ${peer.ipBlock.except.join(', ')}` : '';
    const addresses = `addresses ${peer.ipBlock.cidr}${except}`;
    return { id: `ip:${name ?? ''}:${peer.ipBlock.cidr}${except}`, label: name ? `${name}: ${addresses}` : addresses, name };
  }
  const labels = (s: Record<string, any> | undefined) =>
    Object.entries(s?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', '); // spaced, so a long selector wraps in a diagram's label
  const nsName = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
  const ns = peer.namespaceSelector ? (nsName ?? `namespaces ${labels(peer.namespaceSelector) || 'all'}`) : policyNs;
  const pods = peer.podSelector ? labels(peer.podSelector) || 'all pods' : 'all pods';
  const named = name !== undefined && name !== ns;
  return {
    id: `pods:${ns}:${pods}${named ? `:${name}` : ''}`,
    label: named ? `${name}: ${ns}: ${pods}` : `${ns}: ${pods}`,
    name: named ? name : undefined,
  };
}
