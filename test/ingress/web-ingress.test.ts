import { AcmeClusterIssuer } from '../../lib/ingress/acme-issuer';
import { IngressController } from '../../lib/ingress/ingress-controller';
import { WebIngress } from '../../lib/ingress/web-ingress';
import { NetworkGraph } from '../../lib/security/network-graph';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, renderedObjects, testChart } from '../helpers';

function setup() {
  const { chart, apps, infrastructure, pools } = testChart();
  const controller = IngressController.nginx();
  const issuer = new AcmeClusterIssuer(infrastructure, 'issuer', {
    name: 'letsencrypt-prod',
    email: 'ops@example.com',
    ingressController: controller,
  });
  const web = new WebService(apps, 'web', { name: 'web', namespace: 'apps', pool: pools.get('general'), containers: [container()] });
  const network = new NetworkGraph(apps, 'network');
  return { chart, apps, infrastructure, pools, controller, issuer, web, network };
}

describe('AcmeClusterIssuer', () => {
  test('ACME with HTTP-01 through the ingress class; only the key Secret name is written', () => {
    const { chart } = setup();
    expect(rendered(chart, 'ClusterIssuer', 'letsencrypt-prod')).toMatchObject({
      apiVersion: 'cert-manager.io/v1',
      spec: {
        acme: {
          server: 'https://acme-v02.api.letsencrypt.org/directory',
          email: 'ops@example.com',
          privateKeySecretRef: { name: 'letsencrypt-prod-account-key' },
          solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }],
        },
      },
    });
  });
});

describe('WebIngress', () => {
  test('routes, TLS through the issuer annotation, and the network paths it needs', () => {
    const { chart, apps, controller, issuer, web, network } = setup();
    new WebIngress(apps, 'ingress', {
      name: 'site',
      namespace: 'apps',
      host: 'shop.example.com',
      controller,
      network,
      tls: { issuer, secretName: 'site-tls' },
      routes: [{ path: '/', backend: web, port: 'http' }],
    });
    const ingress = rendered(chart, 'Ingress', 'site');
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' });
    expect(ingress.spec).toEqual({
      ingressClassName: 'nginx',
      tls: [{ hosts: ['shop.example.com'], secretName: 'site-tls' }],
      rules: [
        {
          host: 'shop.example.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }] },
        },
      ],
    });
    const web2 = rendered(chart, 'NetworkPolicy', 'web-from-ingress-nginx');
    expect(web2.spec.ingress[0]).toEqual({
      from: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
        },
      ],
      ports: [{ protocol: 'TCP', port: 8080 }],
    });
    const solver = rendered(chart, 'NetworkPolicy', 'acme-http01-solver-from-ingress-nginx');
    expect(solver.spec.podSelector).toEqual({ matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } });
    expect(solver.spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8089 }]);
  });
  test('without TLS there is no solver path and no annotation', () => {
    const { chart, apps, controller, web, network } = setup();
    new WebIngress(apps, 'ingress', {
      name: 'site',
      namespace: 'apps',
      host: 'shop.example.com',
      controller,
      network,
      routes: [{ path: '/', backend: web, port: 'http' }],
    });
    expect(rendered(chart, 'Ingress', 'site').metadata.annotations).toBeUndefined();
    expect(renderedObjects(chart).some((m) => m.name.startsWith('acme-'))).toBe(false);
  });
  test('a service of another namespace is refused', () => {
    const { apps, pools, controller, network } = setup();
    const other = new WebService(apps, 'other', { name: 'other', namespace: 'elsewhere', pool: pools.get('general'), containers: [container()] });
    expect(
      () =>
        new WebIngress(apps, 'ingress', {
          name: 'site',
          namespace: 'apps',
          host: 'shop.example.com',
          controller,
          network,
          routes: [{ path: '/', backend: other, port: 'http' }],
        }),
    ).toThrow(
      'test/apps/ingress: routes[0].backend is not in the Ingress namespace "apps" (got "elsewhere/other"); fix: routes only reach Services of their own namespace: move the Ingress or the backend',
    );
  });
});

describe('routes to a Service whose port differs from its pods', () => {
  test('the Ingress names the Service port; the policy opens the container port behind it', () => {
    const { chart, apps, pools, controller, network } = setup();
    const api = new WebService(apps, 'api', {
      name: 'api',
      namespace: 'apps',
      pool: pools.get('general'),
      service: { ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
      containers: [container({ name: 'api' })],
    });
    new WebIngress(apps, 'ingress', {
      name: 'api',
      namespace: 'apps',
      host: 'api.example.com',
      controller,
      network,
      routes: [{ path: '/', backend: api, port: 'http' }],
    });
    expect(rendered(chart, 'Ingress', 'api').spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'api', port: { number: 80 } } });
    expect(rendered(chart, 'NetworkPolicy', 'api-from-ingress-nginx').spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8080 }]);
  });
});
