import { KUBERNETES_API_PORT, NetworkGraph, Peer } from '../../lib/security/network-graph';
import { SecureNamespace } from '../../lib/security/namespace';
import { rendered, renderedObjects, testChart } from '../helpers';

const web = { name: 'web', namespace: 'apps', selector: { 'app.kubernetes.io/name': 'web' } };
const api = { name: 'api', namespace: 'apps', selector: { 'app.kubernetes.io/name': 'api' } };
const db = { name: 'db', namespace: 'data', selector: { 'app.kubernetes.io/name': 'db' } };

describe('NetworkGraph', () => {
  function graph() {
    const { chart, apps, infrastructure } = testChart();
    new SecureNamespace(infrastructure, 'data', { name: 'data' });
    return { chart, graph: new NetworkGraph(apps, 'network') };
  }

  test('one allow writes the egress rule on the client and the ingress rule on the server', () => {
    const { chart, graph: g } = graph();
    g.allow(Peer.pods(web), Peer.pods(api), [8000]);
    expect(rendered(chart, 'NetworkPolicy', 'web-to-api').spec).toEqual({
      podSelector: { matchLabels: web.selector },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: api.selector } }], ports: [{ protocol: 'TCP', port: 8000 }] }],
    });
    expect(rendered(chart, 'NetworkPolicy', 'api-from-web').spec).toEqual({
      podSelector: { matchLabels: api.selector },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: web.selector } }], ports: [{ protocol: 'TCP', port: 8000 }] }],
    });
  });
  test('across namespaces, peers are selected by namespace name too', () => {
    const { chart, graph: g } = graph();
    g.allow(Peer.pods(api), Peer.pods(db), [5432]);
    const egress = rendered(chart, 'NetworkPolicy', 'api-to-db');
    expect(egress.metadata.namespace).toBe('apps');
    expect(egress.spec.egress[0].to).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } }, podSelector: { matchLabels: db.selector } },
    ]);
    const ingress = rendered(chart, 'NetworkPolicy', 'db-from-api');
    expect(ingress.metadata.namespace).toBe('data');
    expect(ingress.spec.ingress[0].from).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'apps' } }, podSelector: { matchLabels: api.selector } },
    ]);
  });
  test('an outside peer gets no policy of its own', () => {
    const { chart, graph: g } = graph();
    g.allow(Peer.external('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }), Peer.pods(web), [8080]);
    const names = renderedObjects(chart)
      .filter((m) => m.kind === 'NetworkPolicy' && m.namespace !== 'data')
      .map((m) => m.name);
    expect(names).toEqual(['web-from-ingress-nginx']);
  });
  test('the Kubernetes API server is a peer of its own', () => {
    const { chart, graph: g } = graph();
    g.allow(Peer.pods(web), Peer.kubernetesApiServer(), [KUBERNETES_API_PORT]);
    expect(rendered(chart, 'NetworkPolicy', 'web-to-kube-apiserver').spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ]);
  });
  test('port ranges are allowed in policies (endPort)', () => {
    const { chart, graph: g } = graph();
    g.allow(Peer.pods(web), Peer.pods(api), [
      { port: 8000, endPort: 8999 },
      { port: 53, protocol: 'UDP' },
    ]);
    expect(rendered(chart, 'NetworkPolicy', 'web-to-api').spec.egress[0].ports).toEqual([
      { protocol: 'TCP', port: 8000, endPort: 8999 },
      { protocol: 'UDP', port: 53 },
    ]);
  });
  test('the same connection twice is refused', () => {
    const { graph: g } = graph();
    g.allow(Peer.pods(web), Peer.pods(api), [8000]);
    expect(() => g.allow(Peer.pods(web), Peer.pods(api), [9000])).toThrow(
      'test/apps/network: allow(web -> api) is declared twice (got "apps/web->apps/api"); fix: list all ports of a connection in one allow call',
    );
  });
});

describe('NetworkGraph with port names', () => {
  const ported = {
    ...api,
    ports: [
      { name: 'http', port: 8080, protocol: 'TCP' as const },
      { name: 'dns', port: 5353, protocol: 'UDP' as const },
    ],
  };
  test("a name is the destination pods' container port of that name, with its protocol", () => {
    const { chart, apps } = testChart();
    new NetworkGraph(apps, 'network').allow(Peer.pods(web), Peer.pods(ported), ['http', 'dns']);
    const ports = [
      { protocol: 'TCP', port: 8080 },
      { protocol: 'UDP', port: 5353 },
    ];
    expect(rendered(chart, 'NetworkPolicy', 'web-to-api').spec.egress[0].ports).toEqual(ports);
    expect(rendered(chart, 'NetworkPolicy', 'api-from-web').spec.ingress[0].ports).toEqual(ports);
  });
  test('a name the destination does not declare, or a name for an address block, is refused', () => {
    const { apps } = testChart();
    const g = new NetworkGraph(apps, 'network');
    expect(() => g.allow(Peer.pods(web), Peer.pods(ported), ['grpc'])).toThrow(
      'test/apps/network: allow(web -> api).ports[0] names no port of api\'s pods (got "grpc"); fix: use one of: http, dns',
    );
    expect(() => g.allow(Peer.pods(web), Peer.cidr('10.0.0.0/8', 'office'), ['http'])).toThrow(
      'test/apps/network: allow(web -> office).ports[0] names a port, but office is not pods this project emits, so their ports are unknown (got "http"); fix: give the port number',
    );
  });
});
