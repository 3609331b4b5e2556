import { ipBlockWithoutMetadata } from './metadata-addresses';
import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel } from '../core/names';
import { declareException, PolicyRule } from '../core/exceptions';
import { PodGroup, PodPort } from '../workloads/pod-group';
import { NAMESPACE_NAME_LABEL } from './namespace';
import { checkCidr, cidrContains, NON_INTERNET_RANGES } from '../core/cidr';
import { AllPorts, buildPortRules, PortSpec } from './port-rules';
import { CheckedConstruct } from '../core/app-checks';

export type { AllPorts, PortRule, PortSpec } from './port-rules';

/** One end of a connection. Only pod groups we emit get policies; outside peers are just named. */
export class Peer {
  /** Pods this project emits: a rule on them is written too, and rules to them may name their ports. */
  static pods(group: PodGroup): Peer {
    return new Peer(group.name, group.namespace, { ...group.selector }, true, undefined, undefined, [], group.ports ?? []);
  }
  /**
   * Pods that another controller creates at run time (cert-manager's HTTP-01 solver): their rules
   * are written, and excused from selects-pods (no template of them is emitted) with `createdBy`.
   */
  static runtimePods(group: PodGroup, createdBy: string): Peer {
    return new Peer(group.name, group.namespace, { ...group.selector }, true, undefined, createdBy, [], group.ports ?? []);
  }
  /** Pods we do not manage, e.g. an ingress controller: all of a namespace, or some of its pods. */
  static external(namespace: string, podLabels: Readonly<Record<string, string>> = {}, name: string = namespace): Peer {
    return new Peer(name, namespace, { ...podLabels }, false);
  }
  /**
   * Addresses outside the cluster, e.g. a partner's range: `Peer.cidr('203.0.113.0/24', 'partner')`,
   * with `except` blocks inside it left out. The blocks are checked where the peer is used.
   */
  static cidr(cidr: string, name: string, options: { readonly except?: readonly string[] } = {}): Peer {
    return new Peer(name, '', {}, false, cidr, undefined, options.except ?? []);
  }
  /**
   * The internet, but not cluster-internal ranges nor the cloud metadata address
   * (NON_INTERNET_RANGES): for pods that call public APIs and must not reach the VPC or steal
   * node credentials from 169.254.169.254.
   */
  static internet(name: string = 'internet'): Peer {
    return Peer.cidr('0.0.0.0/0', name, { except: NON_INTERNET_RANGES });
  }
  /**
   * The Kubernetes API server (port KUBERNETES_API_PORT). Its address is not a pod (managed
   * control planes sit outside the cluster network, and NetworkPolicies match the endpoint after
   * the Service is resolved), so the rule opens any address unless the cluster's API endpoint
   * block is given (e.g. the control plane's subnet).
   */
  static kubernetesApiServer(endpoint: string = '0.0.0.0/0'): Peer {
    return Peer.cidr(endpoint, 'kube-apiserver');
  }
  private constructor(
    readonly name: string,
    readonly namespace: string,
    readonly podLabels: Readonly<Record<string, string>>,
    readonly managed: boolean,
    readonly ipBlock?: string,
    readonly createdAtRunTimeBy?: string,
    readonly except: readonly string[] = [],
    /** The named ports of pods this project emits; undefined for any other peer. */
    readonly ports?: readonly PodPort[],
  ) {}

  /** Checks an address peer's blocks: valid CIDRs, each `except` inside the block. `site` is where the peer is used. */
  check(site: Site): this {
    if (!this.ipBlock) return this;
    checkCidr(site.at('cidr'), this.ipBlock);
    this.except.forEach((block, i) => {
      checkCidr(site.at('except').at(i), block);
      if (!cidrContains(this.ipBlock!, block))
        site.at('except').at(i).fail(block, `is not inside ${this.ipBlock}`, "list only blocks inside the peer's cidr");
    });
    return this;
  }

  /** The NetworkPolicyPeer that selects this peer, seen from a policy in `fromNamespace`. */
  selectorFrom(fromNamespace: string): k8s.NetworkPolicyPeer {
    if (this.ipBlock) {
      // The cloud metadata addresses stay out of any block that holds them, unless named as a peer of their own.
      const block = ipBlockWithoutMetadata(new Site(`Peer.cidr(${JSON.stringify(this.name)})`, 'cidr'), this.ipBlock);
      const except = [...new Set([...this.except, ...(block.except ?? [])])];
      return { ipBlock: { cidr: this.ipBlock, except: except.length > 0 ? except : undefined } };
    }
    const pods = { matchLabels: { ...this.podLabels } };
    if (this.namespace === fromNamespace) return { podSelector: pods };
    return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: this.namespace } }, podSelector: pods };
  }
}

/** The port the Kubernetes API server serves on (the `kubernetes` Service in `default`). */
export const KUBERNETES_API_PORT = 443;

/**
 * The name a policy's peer was given in TypeScript (`Peer.cidr(block, 'partner')`), kept on the
 * policy when its peer is not a pod group of the build: the YAML and the generated docs name the
 * peer as written, not as a list of address blocks.
 */
export const PEER_NAME_ANNOTATION = 'network.k8s-platforms.dev/peer';

/** The annotation naming `peer` on a policy about it, when its selector alone would not say who it is. */
function peerNameAnnotation(peer: Peer): Record<string, string> | undefined {
  const named = peer.ipBlock !== undefined || (!peer.managed && peer.name !== peer.namespace);
  return named ? { [PEER_NAME_ANNOTATION]: peer.name } : undefined;
}

/**
 * Who may talk to whom. `allow(a, b, ports)` writes the egress rule on a and the ingress rule on
 * b (for the ends this project manages), so the two sides can never disagree. Everything not
 * allowed stays denied by the namespaces' default-deny policies.
 */
export class NetworkGraph extends CheckedConstruct {
  private readonly site: Site;
  private readonly edges = new Set<string>();

  constructor(scope: Construct, id: string) {
    super(scope, freeId(scope, id));
    this.site = new Site(this.node.path);
  }

  /**
   * `ports`: the ports the traffic uses (numbers, or names of ports `to`'s pods declare), or
   * `'all'` for every port and protocol.
   */
  allow(from: Peer, to: Peer, ports: readonly PortSpec[] | AllPorts): this {
    const edge = `${from.namespace || from.ipBlock}/${from.name}->${to.namespace || to.ipBlock}/${to.name}`;
    const site = this.site.at(`allow(${from.name} -> ${to.name})`);
    if (!from.managed && !to.managed) {
      site.fail(edge, 'joins two peers this project does not manage', 'name at least one pod group emitted here with Peer.pods(...)');
    }
    if (this.edges.has(edge)) {
      site.fail(edge, 'is declared twice', 'list all ports of a connection in one allow call');
    }
    this.edges.add(edge);
    from.check(site.at('from'));
    to.check(site.at('to'));
    const rules = buildPortRules(site.at('ports'), ports, to);

    if (from.managed) {
      checkDnsLabel(site.at('from.namespace'), from.namespace);
      const policy = new k8s.KubeNetworkPolicy(this, `${from.namespace}-${from.name}-to-${to.namespace || 'cidr'}-${to.name}`, {
        metadata: { name: `${from.name}-to-${to.name}`, namespace: from.namespace, annotations: peerNameAnnotation(to) },
        spec: {
          podSelector: { matchLabels: { ...from.podLabels } },
          policyTypes: ['Egress'],
          egress: [{ to: [to.selectorFrom(from.namespace)], ports: rules }],
        },
      });
      excuseRuntimePods(policy, from);
    }
    if (to.managed) {
      checkDnsLabel(site.at('to.namespace'), to.namespace);
      const policy = new k8s.KubeNetworkPolicy(this, `${to.namespace}-${to.name}-from-${from.namespace || 'cidr'}-${from.name}`, {
        metadata: { name: `${to.name}-from-${from.name}`, namespace: to.namespace, annotations: peerNameAnnotation(from) },
        spec: {
          podSelector: { matchLabels: { ...to.podLabels } },
          policyTypes: ['Ingress'],
          ingress: [{ from: [from.selectorFrom(to.namespace)], ports: rules }],
        },
      });
      excuseRuntimePods(policy, to);
    }
    return this;
  }

  /**
   * Opens `from` (an ingress or gateway) to every backend it routes to, on the ports routed to
   * each: one connection per backend, however many routes share it.
   */
  allowToBackends(from: Peer, routes: readonly { readonly backend: PodGroup; readonly port: number }[]): this {
    const ports = new Map<PodGroup, Set<number>>();
    for (const { backend, port } of routes) ports.set(backend, (ports.get(backend) ?? new Set()).add(port));
    for (const [backend, backendPorts] of ports) this.allow(from, Peer.pods(backend), [...backendPorts]);
    return this;
  }
}

/** A policy on pods no template of which is emitted here says who makes them. */
function excuseRuntimePods(policy: k8s.KubeNetworkPolicy, peer: Peer): void {
  if (peer.createdAtRunTimeBy) {
    declareException(policy, { rule: PolicyRule.SELECTS_PODS, reason: `selects pods that ${peer.createdAtRunTimeBy} creates at run time` });
  }
}
