import { Site } from '../core/errors';
import { checkDnsLabel, checkLabels } from '../core/names';
import { NodeCapacity } from './capacity';
import { checkImageArchitectures, HostPort } from './image-architectures';
import { CpuArch, InstanceType } from './instance-types';
import { ARCH_LABEL, NodePool, NodePools, Placement, PodDemand, PodPlacement } from './node-pool';
import { HOSTNAME_LABEL } from '../core/labels';

/** The label the kubelet gives every node: its name. */

/**
 * Ports k3s itself holds on its nodes' network (docs.k3s.io "Inbound rules"): host-network pods
 * must not claim them. Servers also run the API server and embedded etcd.
 */
export const K3S_RESERVED_PORTS: { readonly everyNode: readonly HostPort[]; readonly servers: readonly HostPort[] } = {
  everyNode: [
    { port: 10250, protocol: 'TCP' },
    { port: 8472, protocol: 'UDP' },
  ],
  servers: [
    { port: 6443, protocol: 'TCP' },
    { port: 2379, protocol: 'TCP' },
    { port: 2380, protocol: 'TCP' },
  ],
};

export interface StaticNodeProps {
  /** The node's name (its kubernetes.io/hostname label). */
  readonly name: string;
  readonly arch: CpuArch;
  /** Labels given to the node (k3s --node-label or kubectl label); placement selects by them. */
  readonly labels: Readonly<Record<string, string>>;
  /** A k3s server (control plane + etcd): holds the API server and etcd ports. @default an agent */
  readonly server?: boolean;
  /** What the node is for, for the inventory. @default none */
  readonly purpose?: string;
}

/**
 * The add-ons the cluster runs, as the platform declares them (its cluster.provided, e.g.
 * K3S_BUILT_INS): two of k3s's take host ports on every node. Only the names matter here.
 */
export type ClusterAddons = readonly { readonly addon: string }[];

/** k3s's ServiceLB (klipper-lb): a LoadBalancer Service's ports become host ports on every node. */
export const K3S_SERVICE_LB = 'servicelb';
/** k3s's packaged Traefik: a LoadBalancer on 80 and 443 (so, with ServiceLB, host ports on every node). */
export const K3S_TRAEFIK = 'traefik';

/** A node of the inventory with the labels the scheduler sees (given + hostname + architecture). */
export interface StaticNode {
  readonly name: string;
  readonly arch: CpuArch;
  readonly server: boolean;
  readonly purpose: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The nodes of a cluster joined by hand (k3s on own machines): each with its name, architecture
 * and labels. Workloads are placed by labels, which may span several nodes and overlap
 * (`withLabels`); placement refuses labels no node carries, images that cannot run on every node
 * the labels select, and host ports two pods would both take on one node. Build one per app:
 * it records the host ports placed so far.
 */
export class StaticNodes {
  readonly name: string;
  readonly nodes: readonly StaticNode[];
  /** node -> "port/protocol" -> who took it */
  private readonly hostPorts = new Map<string, Map<string, string>>();
  private readonly serviceLb: boolean;

  /** `provided`: what the cluster runs (its cluster.provided); absent, k3s as installed, ServiceLB and Traefik on. */
  constructor(name: string, nodes: readonly StaticNodeProps[], provided?: ClusterAddons) {
    const site = new Site(`static nodes ${name}`);
    this.name = name;
    const seen = new Set<string>();
    this.nodes = nodes.map((node, i) => {
      const at = site.at('nodes').at(i);
      checkDnsLabel(at.at('name'), node.name);
      if (seen.has(node.name)) at.at('name').fail(node.name, 'is used by two nodes', 'give every node its own name');
      seen.add(node.name);
      if (!(node.arch instanceof CpuArch))
        at.at('arch').fail(node.arch, "must be the node's CPU architecture", 'write arch: CpuArch.AMD64 or CpuArch.ARM64');
      const labels = checkLabels(at.at('labels'), node.labels);
      return {
        name: node.name,
        arch: node.arch,
        server: node.server ?? false,
        purpose: node.purpose,
        labels: { ...labels, [HOSTNAME_LABEL]: node.name, [ARCH_LABEL]: node.arch.label },
      };
    });
    const runs = (addon: string) => provided === undefined || provided.some((p) => p.addon === addon);
    this.serviceLb = runs(K3S_SERVICE_LB);
    const traefik = this.serviceLb && runs(K3S_TRAEFIK) ? [80, 443].map((port) => `${port}/TCP`) : [];
    for (const node of this.nodes) {
      const reserved = [...K3S_RESERVED_PORTS.everyNode, ...(node.server ? K3S_RESERVED_PORTS.servers : [])];
      this.hostPorts.set(
        node.name,
        new Map([
          ...reserved.map((p): [string, string] => [`${p.port}/${p.protocol}`, 'k3s itself (kubelet, flannel, API server, etcd)']),
          ...traefik.map((key): [string, string] => [
            key,
            "k3s's packaged Traefik through ServiceLB (start the k3s servers with --disable=traefik and leave traefik out of cluster.provided to free it)",
          ]),
        ]),
      );
    }
  }

  /** The nodes carrying every one of these labels; refused when none does. */
  withLabels(labels: Readonly<Record<string, string>>): NodeSelection {
    const chosen = this.nodes.filter((n) => Object.entries(labels).every(([k, v]) => n.labels[k] === v));
    if (Object.keys(labels).length === 0 || chosen.length === 0) {
      new Site(`static nodes ${this.name}`)
        .at('labels')
        .fail(
          labels,
          'select no node of this cluster',
          `select with labels a node carries: ${this.labelSets()}, or a node by name (named("${this.nodes[0]?.name ?? 'node'}"))`,
        );
    }
    return new NodeSelection(this, labels, chosen);
  }

  /** One node by name (its hostname label), for what the labels do not single out. */
  named(name: string): NodeSelection {
    return this.withLabels({ [HOSTNAME_LABEL]: name });
  }

  /** The nodes as pools of one node each, for the platform's policy checks and inventory. */
  get pools(): NodePools {
    return new NodePools(
      this.nodes.map((node) => {
        const { [ARCH_LABEL]: _arch, ...labels } = node.labels;
        return new NodePool({
          name: node.name,
          purpose: node.purpose,
          system: node.server,
          capacity: NodeCapacity.staticNodes(),
          instanceType: InstanceType.custom({ name: `${node.arch.label} machine (${node.server ? 'k3s server' : 'k3s agent'})`, arch: node.arch }),
          minNodes: 1,
          maxNodes: 1,
          labels,
        });
      }),
    );
  }

  /**
   * Takes `ports` on `nodes` for `owner`; refused when one is taken there already, since the
   * scheduler would leave the second pod Pending for ever.
   */
  claimHostPorts(site: Site, owner: string, nodes: readonly StaticNode[], ports: readonly HostPort[]): void {
    // `site` is the field that takes the ports (hostNetwork, a LoadBalancer's type).
    for (const port of ports) {
      const key = `${port.port}/${port.protocol}`;
      const clashes = nodes.filter((n) => this.hostPorts.get(n.name)!.has(key));
      if (clashes.length > 0) {
        const other = this.hostPorts.get(clashes[0].name)!.get(key);
        site.fail(
          port.port,
          `claims host port ${key} on ${nodes.map((n) => n.name).join(', ')}, which ${other} also claims on ${clashes.map((n) => n.name).join(', ')}`,
          'give one of them another port, or place them on nodes that do not overlap',
        );
      }
    }
    for (const node of nodes) for (const port of ports) this.hostPorts.get(node.name)!.set(`${port.port}/${port.protocol}`, owner);
  }

  /** A LoadBalancer Service's ports: with ServiceLB, host ports on every node, wherever its pods run. */
  claimServiceLbPorts(site: Site, owner: string, ports: readonly HostPort[]): void {
    if (this.serviceLb) this.claimHostPorts(site, `${owner} (a LoadBalancer, through k3s ServiceLB)`, this.nodes, ports);
  }

  /** "backend=true (rp2, rp3, rp4), ..." for every label the nodes carry (hostname and arch aside). */
  private labelSets(): string {
    const pairs = new Map<string, string[]>();
    for (const node of this.nodes) {
      for (const [key, value] of Object.entries(node.labels)) {
        if (key === HOSTNAME_LABEL || key === ARCH_LABEL) continue;
        const pair = `${key}=${value}`;
        pairs.set(pair, [...(pairs.get(pair) ?? []), node.name]);
      }
    }
    return [...pairs]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([pair, names]) => `${pair} (${names.join(', ')})`)
      .join(', ');
  }
}

/** Some nodes of a StaticNodes inventory, chosen by labels; place pods with it like a pool. */
export class NodeSelection implements PodPlacement {
  constructor(
    private readonly inventory: StaticNodes,
    /** The labels that chose the nodes: the pods' nodeSelector. */
    readonly selector: Readonly<Record<string, string>>,
    readonly nodes: readonly StaticNode[],
  ) {}

  /** The selection narrowed to one architecture; the arch label joins the nodeSelector. */
  onArch(arch: CpuArch): NodeSelection {
    return this.inventory.withLabels({ ...this.selector, [ARCH_LABEL]: arch.label });
  }

  /** How many nodes the labels select. */
  get size(): number {
    return this.nodes.length;
  }

  /** "backend=true" */
  describe(): string {
    return Object.entries(this.selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }

  place(site: Site, demand: PodDemand): Placement {
    checkImageArchitectures(site, demand.images ?? [], this.nodes, this.describe());
    if ((demand.hostPorts ?? []).length > 0) this.inventory.claimHostPorts(site.at('hostNetwork'), site.path, this.nodes, demand.hostPorts!);
    return { nodeSelector: { ...this.selector }, podLabels: {} };
  }

  claimLoadBalancerPorts(site: Site, owner: string, ports: readonly HostPort[]): void {
    this.inventory.claimServiceLbPorts(site, owner, ports);
  }
}
