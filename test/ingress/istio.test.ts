import { IstioHttpsGateway, IstioIngressGateway, IstioVirtualService } from '../../lib/ingress/istio';
import { NetworkGraph } from '../../lib/security/network-graph';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart } from '../helpers';

describe('Istio', () => {
  function setup() {
    const ctx = testChart();
    const network = new NetworkGraph(ctx.apps, 'net');
    const web = new WebService(ctx.apps, 'web', { name: 'web', namespace: 'apps', pool: ctx.pools.get('general'), containers: [container()] });
    const gateway = new IstioHttpsGateway(ctx.apps, 'gw', {
      name: 'gw',
      namespace: 'apps',
      ingressGateway: IstioIngressGateway.default(),
      hosts: ['app.example.com'],
      tlsSecret: 'app-tls',
    });
    return { ...ctx, network, web, gateway };
  }

  test('routes to emitted workloads, with the gateway pods let through', () => {
    const { chart, apps, network, web, gateway } = setup();
    new IstioVirtualService(apps, 'vs', {
      name: 'vs',
      namespace: 'apps',
      gateway,
      network,
      routes: [{ match: { prefix: '/' }, backend: web, port: 'http', timeout: '30s' }],
    });
    expect(rendered(chart, 'VirtualService', 'vs').spec).toEqual({
      hosts: ['app.example.com'],
      gateways: ['gw'],
      http: [{ match: [{ uri: { prefix: '/' } }], route: [{ destination: { host: 'web', port: { number: 8080 } } }], timeout: '30s' }],
    });
    expect(rendered(chart, 'NetworkPolicy', 'web-from-istio-ingressgateway').spec.ingress[0].from[0]).toEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } },
      podSelector: { matchLabels: { istio: 'ingressgateway' } },
    });
  });

  test('a bad timeout or port is refused', () => {
    const { apps, network, web, gateway } = setup();
    expect(
      () =>
        new IstioVirtualService(apps, 'vs', {
          name: 'vs',
          namespace: 'apps',
          gateway,
          network,
          routes: [{ match: { prefix: '/' }, backend: web, port: 'http', timeout: '1 day' }],
        }),
    ).toThrow('test/apps/vs: routes[0].timeout must be a duration such as "30s", "10m" or "24h" (got "1 day")');
    expect(
      () =>
        new IstioVirtualService(apps, 'vs2', {
          name: 'vs2',
          namespace: 'apps',
          gateway,
          network,
          routes: [{ match: { prefix: '/' }, backend: web, port: 'grpc', timeout: '5s' }],
        }),
    ).toThrow('test/apps/web: service.ports names no port of Service web (got "grpc")');
  });
});
