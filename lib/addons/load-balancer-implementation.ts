import { checkCidr, cidrHolds } from '../core/cidr';
import { Site } from '../core/errors';
import { NAMESPACE_NAME_LABEL } from '../security/namespace';
import { checkDnsLabel } from '../core/names';
import { ServiceExposure } from '../core/service-exposure';
import { K3S_SERVICE_LB } from '../placement/static-nodes';
import { checkListOfObjects, checkStrings } from '../core/shapes';

/** A MetalLB IPAddressPool: its name and the address blocks it hands out. */
export interface AddressPool {
  readonly name: string;
  /** CIDR blocks, e.g. ["192.168.1.240/28"]. */
  readonly cidrs: readonly string[];
}

/** A NetworkPolicy peer, as the policy that admits a Service's clients writes it. */
export interface PolicyPeer {
  readonly namespaceSelector?: { readonly matchLabels: Readonly<Record<string, string>> };
  readonly podSelector?: { readonly matchLabels: Readonly<Record<string, string>> };
}

type Kind = 'cloud' | 'servicelb' | 'metallb' | 'none';

/**
 * What serves the cluster's LoadBalancer Services: a cloud controller, k3s's ServiceLB, MetalLB
 * with its address pools, or nothing. The build refuses a LoadBalancer Service it cannot serve
 * (an address it cannot give, clients it cannot tell apart) and admits, in the policy in front of
 * the pods, the address it replaces the client's with.
 */
export class LoadBalancerImplementation {
  /**
   * The load balancer controller of the cluster's provider (AWS, Azure, GCP, OrbStack): it makes
   * a load balancer per Service and enforces loadBalancerSourceRanges; with externalTrafficPolicy
   * Local the pods see the client's address.
   */
  static cloudController(provider: string): LoadBalancerImplementation {
    return new LoadBalancerImplementation('cloud', `${provider}'s load balancer controller`, [], provider);
  }
  /**
   * k3s ServiceLB (klipper-lb): a DaemonSet per Service in kube-system whose pods take the port
   * on every node and forward to the Service, masquerading as themselves, so the pods never see
   * the client's address, whatever externalTrafficPolicy says (k3s docs/adrs/remove-svclb-daemonset.md).
   * It keeps out sources outside loadBalancerSourceRanges itself (klipper-lb SRC_RANGES).
   */
  static serviceLb(): LoadBalancerImplementation {
    return new LoadBalancerImplementation('servicelb', 'k3s ServiceLB', []);
  }
  /**
   * MetalLB, handing out addresses from these IPAddressPools; with externalTrafficPolicy Local
   * the pods see the client's address (metallb.universe.tf/usage, "Traffic policies").
   */
  static metalLb(pools: readonly AddressPool[]): LoadBalancerImplementation {
    return new LoadBalancerImplementation('metallb', 'MetalLB', pools);
  }
  /** Nothing serves LoadBalancer Services (k3s with ServiceLB disabled and no replacement): they would stay Pending. */
  static none(): LoadBalancerImplementation {
    return new LoadBalancerImplementation('none', 'no LoadBalancer implementation', []);
  }

  /**
   * What serves the cluster's LoadBalancers: the contract's `loadBalancer`, else ServiceLB where
   * the contract lists k3s's built-in as provided (K3S_BUILT_INS does). Refuses a contract that
   * names another beside a provided ServiceLB: both would answer for every Service.
   */
  static of(site: Site, contract: { readonly loadBalancer?: LoadBalancerImplementation; readonly provided?: readonly { readonly addon: string }[] }) {
    const serviceLbProvided = (contract.provided ?? []).some((p) => p.addon === K3S_SERVICE_LB);
    const declared = contract.loadBalancer;
    if (declared && serviceLbProvided && declared.kind !== 'servicelb') {
      site
        .at('loadBalancer')
        .fail(
          declared.name,
          'is declared beside a provided ServiceLB (servicelb in cluster.provided): both would take every LoadBalancer Service',
          'start the k3s servers with --disable=servicelb and leave servicelb out of cluster.provided (k3sBuiltInsWithout("servicelb"))',
        );
    }
    return declared ?? (serviceLbProvided ? LoadBalancerImplementation.serviceLb() : undefined);
  }

  private constructor(
    private readonly kind: Kind,
    /** For messages: "k3s ServiceLB". */
    readonly name: string,
    /** MetalLB's address pools. */
    readonly pools: readonly AddressPool[],
    /** cloudController()'s provider, as given. */
    private readonly provider?: unknown,
  ) {}

  /** Checks the pools; `site` is the contract's `loadBalancer` field. */
  check(site: Site): void {
    if (this.kind === 'cloud' && (typeof this.provider !== 'string' || this.provider.trim() === ''))
      site.at('provider').fail(this.provider, 'must name the provider whose controller serves LoadBalancers', 'e.g. cloudController("AWS")');
    checkListOfObjects(site.at('pools'), this.pools).forEach((pool, i) => checkStrings(site.at('pools').at(i).at('cidrs'), pool.cidrs));
    if (this.kind === 'metallb' && this.pools.length === 0) {
      site
        .at('pools')
        .fail(
          [],
          'must list at least one MetalLB address pool',
          'e.g. LoadBalancerImplementation.metalLb([{ name: "lan", cidrs: ["192.168.1.240/28"] }])',
        );
    }
    this.pools.forEach((pool, i) => {
      checkDnsLabel(site.at('pools').at(i).at('name'), pool.name);
      pool.cidrs.forEach((cidr, j) => checkCidr(site.at('pools').at(i).at('cidrs').at(j), cidr));
    });
  }

  /** Refuses a LoadBalancer Service this implementation cannot serve as asked; `site` is the Service's. */
  checkService(site: Site, exposure: ServiceExposure): void {
    if (this.kind === 'none') {
      site
        .at('type')
        .fail(
          'LoadBalancer',
          'needs a LoadBalancer implementation, but the cluster has none (cluster.loadBalancer is none()), so the Service would stay Pending',
          'use type "NodePort" or "ClusterIP" behind an ingress, or declare what serves LoadBalancers in the cluster contract',
        );
    }
    if (exposure.cloudController !== undefined && this.kind !== 'cloud') {
      site
        .at('loadBalancer')
        .fail(
          exposure.cloudController,
          `holds a cloud load balancer's settings, but ${this.name} serves this cluster's LoadBalancers and ignores them`,
          'drop loadBalancer, or declare cluster.loadBalancer: LoadBalancerImplementation.cloudController(...)',
        );
    }
    if (this.kind !== 'metallb') {
      for (const field of ['address', 'addressPool'] as const) {
        if (exposure[field] !== undefined) {
          site
            .at(field)
            .fail(
              exposure[field],
              `is a MetalLB request, but ${this.name} serves this cluster's LoadBalancers`,
              `drop ${field}, or declare LoadBalancerImplementation.metalLb(...)`,
            );
        }
      }
    }
    if (this.kind === 'servicelb' && exposure.clients.kind === 'internet()') {
      site
        .at('clients')
        .fail(
          exposure.clients.kind,
          'cannot be told apart by k3s ServiceLB: it hides the client address from the pods and its source ranges cannot leave the private networks out',
          'use ServiceClients.anywhere(), or .cidrs(name, [...]) for the ranges that may connect',
        );
    }
    if (this.kind === 'metallb') this.checkRequest(site, exposure);
  }

  /**
   * The peer to admit besides the clients themselves: what the implementation replaces their
   * address with. ServiceLB: its own pods for this Service (kube-system, labelled by the
   * Service's name and namespace; k3s pkg/cloudprovider/servicelb.go).
   */
  replacedSource(service: string, namespace: string): PolicyPeer | undefined {
    if (this.kind !== 'servicelb') return undefined;
    return {
      namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
      podSelector: { matchLabels: { 'svccontroller.k3s.cattle.io/svcname': service, 'svccontroller.k3s.cattle.io/svcnamespace': namespace } },
    };
  }

  private checkRequest(site: Site, exposure: ServiceExposure): void {
    const pools = exposure.addressPool === undefined ? this.pools : this.pools.filter((p) => p.name === exposure.addressPool);
    if (pools.length === 0) {
      site
        .at('addressPool')
        .fail(exposure.addressPool, "is not one of the cluster's MetalLB address pools", `use one of: ${this.pools.map((p) => p.name).join(', ')}`);
    }
    const address = exposure.address;
    if (address === undefined) return;
    if (!pools.some((p) => p.cidrs.some((cidr) => cidrHolds(cidr, address)))) {
      const where =
        exposure.addressPool === undefined ? "any of the cluster's MetalLB address pools" : `MetalLB address pool ${exposure.addressPool}`;
      site
        .at('address')
        .fail(
          address,
          `is not in ${where}, so MetalLB cannot give it and the Service stays Pending`,
          `use an address in ${pools.flatMap((p) => p.cidrs).join(', ')}`,
        );
    }
  }
}
