import { flowDiagram } from '../../lib/docs/flow-diagram';
import { networkFlows } from '../../lib/docs/network-flows';
import { NetworkGraph, Peer } from '../../lib/security/network-graph';
import { Probe } from '../../lib/workloads/probe';
import { WebService } from '../../lib/workloads/web-service';
import { PortRange } from '../../lib/workloads/port-range';
import { intersectSpans, portLabels } from '../../lib/docs/port-spans';
import { container, testPlatform } from '../helpers';
import { manifests } from '../pipeline-helpers';
import { parseMermaid } from '../mermaid';

/** Namespace `apps` with web and api; `allow` draws web -> api on 8080 with a NetworkGraph. */
function objects(allow: boolean) {
  const ctx = testPlatform();
  const probes = { readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') };
  const service = (name: string) =>
    new WebService(ctx.platform.apps, name, { name, namespace: 'apps', pool: ctx.pools.get('general'), containers: [container(probes)] });
  const [web, api] = [service('web'), service('api')];
  if (allow) new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.pods(web), Peer.pods(api), [8080]);
  return manifests(ctx.app);
}

const between = (all: ReturnType<typeof networkFlows>) =>
  all.flows
    .filter((f) => f.from.includes('/') && f.to.includes('/') && !f.to.startsWith('pods:') && !f.from.startsWith('pods:'))
    .map((f) => `${f.from} -> ${f.to} ${f.ports.join(',')}`);

describe('network flows derived from the emitted NetworkPolicies', () => {
  test('a flow appears exactly when a policy allows it, in the direction it allows', () => {
    expect(between(networkFlows(objects(true)))).toEqual(['Deployment/apps/web -> Deployment/apps/api TCP 8080']);
    expect(between(networkFlows(objects(false)))).toEqual([]);
  });

  test("both sides are needed: without the receiver's ingress policy, or the sender's egress policy, there is no flow", () => {
    const all = objects(true);
    expect(between(networkFlows(all.filter((m) => m.name !== 'api-from-web')))).toEqual([]);
    expect(between(networkFlows(all.filter((m) => m.name !== 'web-to-api')))).toEqual([]);
  });

  test('default deny leaves only DNS to kube-dns; a pod no policy isolates is open to anywhere', () => {
    const flows = networkFlows(objects(false));
    expect(flows.flows.map((f) => `${f.from} -> ${f.to} ${f.ports.join(',')}`)).toEqual([
      'Deployment/apps/api -> pods:kube-system:k8s-app=kube-dns TCP 53,UDP 53',
      'Deployment/apps/web -> pods:kube-system:k8s-app=kube-dns TCP 53,UDP 53',
    ]);
    const open = networkFlows(objects(false).filter((m) => m.kind !== 'NetworkPolicy'));
    expect(open.flows.map((f) => `${f.from} -> ${f.to} ${f.ports.join(',')}`)).toEqual([
      'anywhere -> Deployment/apps/api TCP 8080',
      'anywhere -> Deployment/apps/web TCP 8080',
      'Deployment/apps/api -> anywhere any port',
      'Deployment/apps/web -> anywhere any port',
    ]);
  });

  test("Mermaid's parser reads the diagram, and its edges are the flows", () => {
    const flows = networkFlows(objects(true));
    // One Mermaid process for both diagrams: it takes seconds to start (jsdom).
    const [parsed, broken] = parseMermaid([flowDiagram(flows), 'flowchart LR\n  a -->|oops b']);
    expect(parsed).toMatchObject({ ok: true, diagramType: 'flowchart-v2' });
    const name = new Map<string, string>(parsed.nodes.map((n: any) => [n.id, n.text]));
    expect(parsed.edges.map((e: any) => `${name.get(e.from)} -> ${name.get(e.to)} ${e.text}`)).toEqual([
      'Deployment api -> kube-system: k8s-app=kube-dns TCP 53, UDP 53',
      'Deployment web -> Deployment api TCP 8080',
      'Deployment web -> kube-system: k8s-app=kube-dns TCP 53, UDP 53',
    ]);
    expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/Parse error/) });
  });

  test('port ranges and named peers are shown as written, not as their first port and a list of blocks', () => {
    const ctx = testPlatform();
    const probes = { readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') };
    const web = new WebService(ctx.platform.apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: ctx.pools.get('general'),
      containers: [container({ ...probes, ports: [{ name: 'http', port: 8080 }, PortRange.of(9000, 9009, 'p')] })],
    });
    new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.cidr('203.0.113.0/24', 'partner'), Peer.pods(web), [
      8080,
      PortRange.of(9000, 9009, 'p').rule,
    ]);
    const flows = networkFlows(manifests(ctx.app));
    const partner = flows.outsiders.find((o) => o.name === 'partner')!;
    expect(partner.label).toBe('partner: addresses 203.0.113.0/24');
    expect(flows.flows.find((f) => f.from === partner.id)!.ports).toEqual(['TCP 8080', 'TCP 9000-9009']);
  });

  test('two sides allow the ports both allow: a range meets a port inside it, not one outside it', () => {
    const range = [{ protocol: 'TCP', from: 8000, to: 8999 }];
    expect(portLabels(intersectSpans(range, [{ protocol: 'TCP', from: 8080, to: 8080 }]))).toEqual(['TCP 8080']);
    expect(portLabels(intersectSpans(range, [{ protocol: 'TCP', from: 9000, to: 9000 }]))).toEqual([]);
    expect(portLabels(intersectSpans(range, [{ protocol: 'UDP', from: 8080, to: 8080 }]))).toEqual([]);
    expect(portLabels(intersectSpans('any', range))).toEqual(['TCP 8000-8999']);
  });
});
