import { IngressController } from '../../lib/ingress/ingress-controller';
import { NetworkGraph, Peer } from '../../lib/security/network-graph';
import { PodNetworkPolicy } from '../../lib/security/pod-network-policy';
import { WebService } from '../../lib/workloads/web-service';
import { WebIngress } from '../../lib/ingress/web-ingress';
import { Case, PROBED, web } from './fixtures';

/** Refused inputs: network rules: peers, port ranges, CIDR blocks. */
export const network: Case[] = [
  [
    'network rule between two outside peers',
    (ctx) => new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.external('a'), Peer.external('b'), [80]),
    'test/apps/net: allow(a -> b) joins two peers this project does not manage (got "a/a->b/b"); fix: name at least one pod group emitted here with Peer.pods(...)',
  ],
  [
    'network port range written backwards',
    (ctx) =>
      new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.external('a'), Peer.pods({ name: 'w', namespace: 'apps', selector: { a: 'b' } }), [
        { port: 8999, endPort: 8000 },
      ]),
    'test/apps/net: allow(a -> w).ports[0].endPort is below port 8999 (got 8000); fix: give the range as port <= endPort',
  ],
  [
    'CIDR peer with host bits set',
    (ctx) =>
      new NetworkGraph(ctx.platform.apps, 'net').allow(
        Peer.pods(new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED))),
        Peer.cidr('10.1.2.3/8', 'vpc'),
        [443],
      ),
    'test/apps/net: allow(web -> vpc).to.cidr has host bits set below its /8 prefix (got "10.1.2.3/8"); fix: write the network address, e.g. "10.0.0.0/8"',
  ],
  [
    'CIDR exception outside its block',
    (ctx) =>
      new NetworkGraph(ctx.platform.apps, 'net').allow(
        Peer.pods(new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED))),
        Peer.cidr('10.0.0.0/8', 'vpc', { except: ['192.168.0.0/16'] }),
        [443],
      ),
    'test/apps/net: allow(web -> vpc).to.except[0] is not inside 10.0.0.0/8 (got "192.168.0.0/16"); fix: list only blocks inside the peer\'s cidr',
  ],
  [
    'a CIDR with a prefix beyond 32',
    (ctx) =>
      new NetworkGraph(ctx.platform.apps, 'net').allow(
        Peer.pods({ name: 'w', namespace: 'apps', selector: { a: 'b' } }),
        Peer.cidr('10.0.0.0/33', 'office'),
        [443],
      ),
    'test/apps/net: allow(w -> office).to.cidr must be a CIDR block (address/prefix length) (got "10.0.0.0/33"); fix: e.g. "10.0.0.0/8" or "203.0.113.7/32"',
  ],
  [
    'a PodNetworkPolicy port range written backwards',
    (ctx) =>
      new PodNetworkPolicy(ctx.platform.apps, 'policy', {
        name: 'p',
        pods: { name: 'w', namespace: 'apps', selector: { a: 'b' } },
        egress: [{ ports: [{ port: 9000, endPort: 8000 }] }],
      }),
    'test/apps/policy: egress[0].ports[0].endPort is below port 9000 (got 8000); fix: give the range as port <= endPort',
  ],
  [
    'a network rule naming a port the destination pods do not declare',
    (ctx) =>
      new NetworkGraph(ctx.platform.apps, 'net').allow(
        Peer.external('ingress-nginx'),
        Peer.pods(new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED))),
        ['grpc'],
      ),
    'test/apps/net: allow(ingress-nginx -> web).ports[0] names no port of web\'s pods (got "grpc"); fix: use one of: http',
  ],
  [
    'a network rule naming a port of an address block',
    (ctx) =>
      new NetworkGraph(ctx.platform.apps, 'net').allow(
        Peer.pods(new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED))),
        Peer.cidr('10.0.0.0/8', 'office'),
        ['https'],
      ),
    'test/apps/net: allow(web -> office).ports[0] names a port, but office is not pods this project emits, so their ports are unknown (got "https"); fix: give the port number',
  ],
  [
    'an Ingress route to a Service port the backend does not have',
    (ctx) =>
      new WebIngress(ctx.platform.apps, 'ingress', {
        name: 'site',
        namespace: 'apps',
        host: 'shop.example.com',
        controller: IngressController.nginx(),
        network: new NetworkGraph(ctx.platform.apps, 'net'),
        routes: [{ path: '/', backend: new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED)), port: 'https' }],
      }),
    'test/apps/web: service.ports names no port of Service web (got "https"); fix: use one of: http',
  ],
  [
    'another Service of a workload by a name it does not have',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED)).serviceNamed('web-public'),
    'test/apps/web: serviceNamed names no Service of this workload (got "web-public"); fix: use one of: web',
  ],
  [
    'Application Gateway subnet that is not a CIDR',
    () => IngressController.azureApplicationGateway('10.0.0.0'),
    'IngressController.azureApplicationGateway: subnetCidr must be an IPv4 CIDR (got "10.0.0.0"); fix: give the Application Gateway subnet, e.g. "10.225.0.0/16"',
  ],
];
