import { anyDestinationButMetadata } from './metadata-addresses';
import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel } from '../core/names';
import { PodGroup } from '../workloads/pod-group';
import { Peer } from './network-graph';
import { AllPorts, buildPortRules, NamedPorts, PortSpec } from './port-rules';
import { CheckedConstruct } from '../core/app-checks';

export interface TrafficRule {
  /** The other ends; leave out for any address. */
  readonly peers?: readonly Peer[];
  /**
   * The ports (numbers, or names of the destination pods' ports: the policy's pods for ingress,
   * the peers for egress), or `'all'` for every port and protocol.
   */
  readonly ports: readonly PortSpec[] | AllPorts;
}

export interface PodNetworkPolicyProps {
  readonly name: string;
  readonly pods: PodGroup;
  /** @default no ingress allowed by this policy */
  readonly ingress?: readonly TrafficRule[];
  /** @default no egress allowed by this policy */
  readonly egress?: readonly TrafficRule[];
}

/**
 * One NetworkPolicy with all of a pod group's rules, for policies written out as a unit (a
 * seed's own policy). Both directions are listed in policyTypes, so whatever is not allowed here
 * or elsewhere stays denied. For connections between our own pods, prefer NetworkGraph.allow.
 */
export class PodNetworkPolicy extends CheckedConstruct {
  /** The NetworkPolicy (escape hatch). */
  readonly policy: k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: PodNetworkPolicyProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    const namespace = props.pods.namespace;
    const own: NamedPorts = { name: props.pods.name, ports: props.pods.ports ?? [] };
    const rule = (at: Site, r: TrafficRule, destination: NamedPorts | undefined) => ({
      peers: r.peers?.map((p, j) => p.check(at.at('peers').at(j)).selectorFrom(namespace)),
      ports: buildPortRules(at.at('ports'), r.ports, destination),
    });
    this.policy = new k8s.KubeNetworkPolicy(this, 'policy', {
      metadata: { name: checkDnsLabel(site.at('name'), props.name), namespace },
      spec: {
        podSelector: { matchLabels: { ...props.pods.selector } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: props.ingress?.map((r, i) => {
          const b = rule(site.at('ingress').at(i), r, own);
          return { from: b.peers, ports: b.ports };
        }),
        // An egress rule without peers reaches every pod and address, but not cloud instance metadata.
        egress: props.egress?.map((r, i) => {
          const b = rule(site.at('egress').at(i), r, peersPorts(r.peers));
          return { to: b.peers ?? anyDestinationButMetadata(site.at('egress').at(i).at('peers')), ports: b.ports };
        }),
      },
    });
  }
}

/** The ports an egress rule's named ports are looked up in: those of its peers, when all are pods emitted here. */
function peersPorts(peers: readonly Peer[] | undefined): NamedPorts | undefined {
  if (!peers || peers.length === 0) return undefined;
  const name = peers.map((p) => p.name).join(', ');
  if (peers.some((p) => p.ports === undefined)) return { name, ports: undefined };
  return { name, ports: peers.flatMap((p) => p.ports ?? []) };
}
