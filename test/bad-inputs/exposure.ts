import { ClusterContract } from '../../lib/addons/cluster-contract';
import { K3S_BUILT_INS } from '../../lib/addons/cluster-only';
import { LoadBalancerImplementation } from '../../lib/addons/load-balancer-implementation';
import { Platform } from '../../lib/flux/platform';
import { SecureNamespace } from '../../lib/security/namespace';
import { CloudLoadBalancer } from '../../lib/workloads/load-balancer';
import { ServiceOptions } from '../../lib/workloads/workload-services';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { WebService } from '../../lib/workloads/web-service';
import { testPools } from '../helpers';
import { Case, Context, PROBED, web } from './fixtures';

const METALLB = LoadBalancerImplementation.metalLb([{ name: 'lan', cidrs: ['192.168.1.240/28'] }]);

/** A platform `lan` on this cluster with a web service `web` whose Service is `service`. */
function exposed(ctx: Context, cluster: ClusterContract, service: ServiceOptions): void {
  const platform = new Platform(ctx.app, { name: 'lan', pools: testPools(), cluster });
  new SecureNamespace(platform.infrastructure, 'namespace', { name: 'apps' });
  new WebService(platform.apps, 'web', { ...web(ctx, { service }, PROBED), pool: platform.pools.get('general') });
}

/** Refused inputs: who may reach a Service from outside the cluster, and what serves its LoadBalancer. */
export const exposure: Case[] = [
  [
    'LoadBalancer Service that does not say who its clients are',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'LoadBalancer' } }, PROBED)),
    'test/apps/web: service.clients must say who reaches this LoadBalancer Service from outside the cluster (got nothing); fix: give clients: ServiceClients.internet(), .localNetwork(), .cidrs(name, [...]) or .anywhere()',
  ],
  [
    'clients on a ClusterIP Service',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { clients: ServiceClients.anywhere() } }, PROBED)),
    'test/apps/web: service.clients only applies to a LoadBalancer or NodePort Service, not ClusterIP (got "anywhere()"); fix: set type: "LoadBalancer" or "NodePort", or drop clients',
  ],
  [
    'clients from a bad address block',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, { service: { type: 'NodePort', clients: ServiceClients.cidrs('office', ['203.0.113.7/24']) } }, PROBED),
      ),
    'test/apps/web: service.clients.cidrs[0] has host bits set below its /24 prefix (got "203.0.113.7/24"); fix: write the network address, e.g. "203.0.113.0/24"',
  ],
  [
    'clients from a block given as text, not a list (untyped input)',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, { service: { type: 'NodePort', clients: ServiceClients.cidrs('office', '203.0.113.0/24' as unknown as string[]) } }, PROBED),
      ),
    'test/apps/web: service.clients.cidrs must be a list (got "203.0.113.0/24"); fix: write it as an array, e.g. [ ... ]',
  ],
  [
    'MetalLB pools given as null (untyped input)',
    (ctx) => exposed(ctx, { loadBalancer: LoadBalancerImplementation.metalLb(null as unknown as []) }, { type: 'ClusterIP' }),
    'lan: cluster.loadBalancer.pools must be a list (got null); fix: write it as an array, e.g. [ ... ]',
  ],
  [
    'a cloud load balancer controller of no provider',
    (ctx) => exposed(ctx, { loadBalancer: LoadBalancerImplementation.cloudController('') }, { type: 'ClusterIP' }),
    'lan: cluster.loadBalancer.provider must name the provider whose controller serves LoadBalancers (got ""); fix: e.g. cloudController("AWS")',
  ],
  [
    'clients from no address block',
    (ctx) =>
      new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'NodePort', clients: ServiceClients.cidrs('office', []) } }, PROBED)),
    'test/apps/web: service.clients.cidrs must list at least one address block (got []); fix: e.g. ServiceClients.cidrs("office", ["203.0.113.0/24"])',
  ],
  [
    'requested LoadBalancer address that is not an IP address',
    (ctx) => exposed(ctx, { loadBalancer: METALLB }, { type: 'LoadBalancer', clients: ServiceClients.localNetwork(), address: '192.168.1.300' }),
    'lan/apps/web: service.address must be an IP address (got "192.168.1.300"); fix: e.g. "192.168.1.240"',
  ],
  [
    'requested address on a NodePort Service',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, { service: { type: 'NodePort', clients: ServiceClients.anywhere(), address: '192.168.1.241' } }, PROBED),
      ),
    'test/apps/web: service.address only applies to a Service of type LoadBalancer, not NodePort (got "192.168.1.241"); fix: set type: "LoadBalancer", or drop address',
  ],
  [
    'LoadBalancer on a cluster whose contract names no implementation',
    (ctx) => exposed(ctx, {}, { type: 'LoadBalancer', clients: ServiceClients.localNetwork() }),
    'lan/apps/web/service: spec.type needs a LoadBalancer implementation, but the cluster contract names none (cluster.loadBalancer, or servicelb in cluster.provided), so the build cannot tell whether the Service is served and how its clients arrive (got "LoadBalancer"); fix: declare cluster.loadBalancer: LoadBalancerImplementation.cloudController(...), .metalLb([...]) or .none(), or provide k3s ServiceLB',
  ],
  [
    'LoadBalancer on a cluster with none',
    (ctx) => exposed(ctx, { loadBalancer: LoadBalancerImplementation.none() }, { type: 'LoadBalancer', clients: ServiceClients.localNetwork() }),
    'lan/apps/web/service: spec.type needs a LoadBalancer implementation, but the cluster has none (cluster.loadBalancer is none()), so the Service would stay Pending (got "LoadBalancer"); fix: use type "NodePort" or "ClusterIP" behind an ingress, or declare what serves LoadBalancers in the cluster contract',
  ],
  [
    'MetalLB address on a cluster ServiceLB serves',
    (ctx) => exposed(ctx, { provided: K3S_BUILT_INS }, { type: 'LoadBalancer', clients: ServiceClients.localNetwork(), address: '192.168.1.241' }),
    'lan/apps/web/service: spec.address is a MetalLB request, but k3s ServiceLB serves this cluster\'s LoadBalancers (got "192.168.1.241"); fix: drop address, or declare LoadBalancerImplementation.metalLb(...)',
  ],
  [
    'NLB settings on a cluster ServiceLB serves',
    (ctx) =>
      exposed(
        ctx,
        { provided: K3S_BUILT_INS },
        { type: 'LoadBalancer', clients: ServiceClients.anywhere(), loadBalancer: CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 3600 }) },
      ),
    'lan/apps/web/service: spec.loadBalancer holds a cloud load balancer\'s settings, but k3s ServiceLB serves this cluster\'s LoadBalancers and ignores them (got "AWS Load Balancer Controller"); fix: drop loadBalancer, or declare cluster.loadBalancer: LoadBalancerImplementation.cloudController(...)',
  ],
  [
    'internet clients behind ServiceLB, which hides their address',
    (ctx) => exposed(ctx, { provided: K3S_BUILT_INS }, { type: 'LoadBalancer', clients: ServiceClients.internet() }),
    'lan/apps/web/service: spec.clients cannot be told apart by k3s ServiceLB: it hides the client address from the pods and its source ranges cannot leave the private networks out (got "internet()"); fix: use ServiceClients.anywhere(), or .cidrs(name, [...]) for the ranges that may connect',
  ],
  [
    'address outside the MetalLB pools',
    (ctx) => exposed(ctx, { loadBalancer: METALLB }, { type: 'LoadBalancer', clients: ServiceClients.localNetwork(), address: '192.168.1.10' }),
    'lan/apps/web/service: spec.address is not in any of the cluster\'s MetalLB address pools, so MetalLB cannot give it and the Service stays Pending (got "192.168.1.10"); fix: use an address in 192.168.1.240/28',
  ],
  [
    'address pool MetalLB does not have',
    (ctx) => exposed(ctx, { loadBalancer: METALLB }, { type: 'LoadBalancer', clients: ServiceClients.localNetwork(), addressPool: 'office' }),
    'lan/apps/web/service: spec.addressPool is not one of the cluster\'s MetalLB address pools (got "office"); fix: use one of: lan',
  ],
  [
    'MetalLB without address pools',
    (ctx) => exposed(ctx, { loadBalancer: LoadBalancerImplementation.metalLb([]) }, { type: 'ClusterIP' }),
    'lan: cluster.loadBalancer.pools must list at least one MetalLB address pool (got []); fix: e.g. LoadBalancerImplementation.metalLb([{ name: "lan", cidrs: ["192.168.1.240/28"] }])',
  ],
  [
    'MetalLB declared beside a provided ServiceLB',
    (ctx) => exposed(ctx, { provided: K3S_BUILT_INS, loadBalancer: METALLB }, { type: 'ClusterIP' }),
    'lan: cluster.loadBalancer is declared beside a provided ServiceLB (servicelb in cluster.provided): both would take every LoadBalancer Service (got "MetalLB"); fix: start the k3s servers with --disable=servicelb and leave servicelb out of cluster.provided (k3sBuiltInsWithout("servicelb"))',
  ],
];
