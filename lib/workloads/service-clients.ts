import { checkCidr, LOCAL_NETWORK_RANGES, NON_INTERNET_RANGES } from '../core/cidr';
import { Site } from '../core/errors';
import { checkDnsLabel } from '../core/names';
import { checkStrings } from '../core/shapes';

/** One address block clients come from, less the blocks inside it that may not. */
export interface ClientBlock {
  readonly cidr: string;
  readonly except: readonly string[];
}

/**
 * Who reaches a LoadBalancer or NodePort Service from outside the cluster: the policy in front of
 * its pods admits them (and, where the load balancer rewrites the source, the address it writes),
 * and a LoadBalancer's `loadBalancerSourceRanges` keeps everyone else out where the
 * implementation enforces it (kube-proxy, k3s ServiceLB, the cloud controllers).
 */
export class ServiceClients {
  /**
   * Public addresses only: not private (RFC 1918), carrier-grade NAT or link-local ranges. For a
   * Service that answers the internet but not the network it sits in.
   */
  static internet(name: string = 'clients'): ServiceClients {
    return new ServiceClients(name, 'internet()', [{ cidr: '0.0.0.0/0', except: NON_INTERNET_RANGES }], undefined);
  }
  /**
   * The private networks of RFC 1918 (10/8, 172.16/12, 192.168/16): a home or office network, where
   * a LoadBalancer's clients (and, behind SNAT, its nodes) have these addresses.
   */
  static localNetwork(name: string = 'local-network'): ServiceClients {
    return new ServiceClients(
      name,
      'localNetwork()',
      LOCAL_NETWORK_RANGES.map((cidr) => ({ cidr, except: [] })),
      LOCAL_NETWORK_RANGES,
    );
  }
  /** Named address blocks, e.g. an office's public range. */
  static cidrs(name: string, cidrs: readonly string[]): ServiceClients {
    // Not a list (untyped input): check() refuses it by field, so nothing here may throw.
    const list = Array.isArray(cidrs) ? cidrs : [];
    return new ServiceClients(
      name,
      'cidrs()',
      list.map((cidr) => ({ cidr, except: [] })),
      list,
      cidrs,
    );
  }
  /** Any address: the internet and every network the load balancer sits in. */
  static anywhere(name: string = 'clients'): ServiceClients {
    return new ServiceClients(name, 'anywhere()', [{ cidr: '0.0.0.0/0', except: [] }], undefined);
  }

  private constructor(
    /** Names the policy `<service>-from-<name>`. */
    readonly name: string,
    /** How it was made, for messages. */
    readonly kind: 'internet()' | 'localNetwork()' | 'cidrs()' | 'anywhere()',
    readonly blocks: readonly ClientBlock[],
    /** The plain list a LoadBalancer's loadBalancerSourceRanges can say; undefined when it cannot (anywhere, or blocks with holes). */
    readonly sourceRanges: readonly string[] | undefined,
    /** cidrs() as given, for check(). */
    private readonly given?: unknown,
  ) {}

  /** Whether only some addresses may connect (anything but anywhere()). */
  get restricted(): boolean {
    return this.kind !== 'anywhere()';
  }

  /** Checks the name and every block; `site` is the Service's `clients` field. */
  check(site: Site): this {
    checkDnsLabel(site.at('name'), this.name);
    if (this.kind === 'cidrs()') checkStrings(site.at('cidrs'), this.given as readonly string[]);
    if (this.blocks.length === 0)
      site.at('cidrs').fail([], 'must list at least one address block', 'e.g. ServiceClients.cidrs("office", ["203.0.113.0/24"])');
    this.blocks.forEach((b, i) => checkCidr(site.at('cidrs').at(i), b.cidr));
    return this;
  }
}
