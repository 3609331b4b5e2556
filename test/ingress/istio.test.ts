import { IstioHttpsGateway, IstioIngressGateway, IstioVirtualService } from '../../lib/ingress/istio';
import { NetworkGraph } from '../../lib/security/network-graph';
import { WebService } from '../../lib/workloads/web-service';
import { container, find, testPlatform } from '../helpers';

describe('Istio', () => {
  function setup() {
    const ctx = testPlatform();
    const network = new NetworkGraph(ctx.platform.apps, 'net');
    const web = new WebService(ctx.platform.apps, 'web', { name: 'web', namespace: 'apps', pool: ctx.pools.get('general'), containers: [container()] });
    const gateway = new IstioHttpsGateway(ctx.platform.apps, 'gw', { name: 'gw', namespace: 'apps', ingressGateway: IstioIngressGateway.default(), hosts: ['app.example.com'], tlsSecret: 'app-tls' });
    return { ...ctx, network, web, gateway };
  }

  test('routes to emitted workloads, with the gateway pods let through', () => {
    const { app, platform, network, web, gateway } = setup();
    new IstioVirtualService(platform.apps, 'vs', { name: 'vs', namespace: 'apps', gateway, network, routes: [{ match: { prefix: '/' }, backend: web, port: 'http', timeout: '30s' }] });
    expect(find(app, 'VirtualService', 'vs').spec).toEqual({
      hosts: ['app.example.com'], gateways: ['gw'],
      http: [{ match: [{ uri: { prefix: '/' } }], route: [{ destination: { host: 'web', port: { number: 8080 } } }], timeout: '30s' }],
    });
    expect(find(app, 'NetworkPolicy', 'web-from-istio-ingressgateway').spec.ingress[0].from[0]).toEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } }, podSelector: { matchLabels: { istio: 'ingressgateway' } },
    });
  });

  test('a bad timeout or port is refused', () => {
    const { platform, network, web, gateway } = setup();
    expect(() => new IstioVirtualService(platform.apps, 'vs', { name: 'vs', namespace: 'apps', gateway, network, routes: [{ match: { prefix: '/' }, backend: web, port: 'http', timeout: '1 day' }] }))
      .toThrow('test/apps/vs: routes[0].timeout must be a duration such as "30s", "10m" or "24h" (got "1 day")');
    expect(() => new IstioVirtualService(platform.apps, 'vs2', { name: 'vs2', namespace: 'apps', gateway, network, routes: [{ match: { prefix: '/' }, backend: web, port: 'grpc', timeout: '5s' }] }))
      .toThrow('test/apps/web: service.ports names no port of this service (got "grpc")');
  });
});
