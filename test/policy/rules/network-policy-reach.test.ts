import { k8s } from 'cdk8s-plus-28';
import { metadataUnreachableCheck } from '../../../lib/policy/rules/metadata-unreachable-check';
import { openNetworkPolicyCheck } from '../../../lib/policy/rules/open-network-policy-check';
import { NetworkGraph, Peer } from '../../../lib/security/network-graph';
import { checkFindings } from '../../pipeline-helpers';
import { webApp } from './workload-fixture';

const port = (n: number) => ({ port: k8s.IntOrString.fromNumber(n) });

/** The web app with one more hand-written policy `extra` selecting its pods (or every pod) with this spec. */
function withPolicy(spec: k8s.NetworkPolicySpec) {
  const ctx = webApp();
  new k8s.KubeNetworkPolicy(ctx.platform.apps, 'extra', { metadata: { name: 'extra', namespace: 'apps' }, spec });
  return ctx.app;
}

const WEB = { matchLabels: { 'app.kubernetes.io/name': 'web' } };

describe('network-policy-narrow and metadata-unreachable: what stays accepted', () => {
  test('the policies the constructs write pass both: internet egress leaves out the link-local range', () => {
    const ctx = webApp();
    const network = new NetworkGraph(ctx.platform.apps, 'net');
    network.allow(Peer.pods(ctx.web), Peer.internet(), [443]);
    network.allow(Peer.internet(), Peer.pods(ctx.web), [8080]);
    expect(checkFindings(ctx.app, openNetworkPolicyCheck)).toEqual([]);
    expect(checkFindings(ctx.app, metadataUnreachableCheck)).toEqual([]);
  });
  test('a rule that names the metadata address as its own peer is the declaration, not a leak', () => {
    const app = withPolicy({
      podSelector: WEB,
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '169.254.169.254/32' } }], ports: [port(80)] }],
    });
    expect(checkFindings(app, metadataUnreachableCheck)).toEqual([]);
  });
  test('the whole address space on named ports for chosen pods is narrow enough; for every pod of the namespace it is not', () => {
    const rule = { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }], ports: [port(443)] };
    expect(checkFindings(withPolicy({ podSelector: WEB, policyTypes: ['Egress'], egress: [rule] }), openNetworkPolicyCheck)).toEqual([]);
    expect(checkFindings(withPolicy({ podSelector: {}, policyTypes: ['Egress'], egress: [rule] }), openNetworkPolicyCheck)).toEqual([
      'test/apps/extra: spec.egress[0] admits the whole address space (0.0.0.0/0) for every pod of the namespace (podSelector {}), which undoes default deny',
    ]);
  });
  test('pods of every namespace chosen by their labels are not every pod', () => {
    const from = [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'prometheus' } } }];
    expect(checkFindings(withPolicy({ podSelector: WEB, policyTypes: ['Ingress'], ingress: [{ from }] }), openNetworkPolicyCheck)).toEqual([]);
  });
});
