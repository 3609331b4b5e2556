import { ApiObject, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { NetworkGraph, Peer } from '../../lib/security/network-graph';
import { WebService } from '../../lib/workloads/web-service';
import { Case, Context, PROBED, rawDeployment, web } from './fixtures';

/** A hand-written NetworkPolicy `open` in namespace "apps" with this spec (pods app=raw exist). */
function policy(ctx: Context, spec: k8s.NetworkPolicySpec): void {
  rawDeployment(ctx);
  new k8s.KubeNetworkPolicy(ctx.platform.apps, 'open', { metadata: { name: 'open', namespace: 'apps' }, spec });
}

const RAW = { matchLabels: { app: 'raw' } };

/** Refused inputs: NetworkPolicies that undo default deny or reach the cloud metadata address. */
export const openNetworkPolicies: Case[] = [
  [
    'an ingress rule {}',
    (ctx) => policy(ctx, { podSelector: RAW, policyTypes: ['Ingress'], ingress: [{}] }),
    'test/apps/open: spec.ingress[0] admits every source (it names no peers) on every port, which undoes default deny [network-policy-narrow] (got {}); fix: name the sources (pods, namespaces or address ranges) and the ports the pods need; or, if it cannot hold, declareException(obj, { rule: PolicyRule.NETWORK_POLICY_NARROW, reason })',
  ],
  [
    'an ingress rule with no peers for every pod of the namespace',
    (ctx) => policy(ctx, { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [], ports: [{ port: k8s.IntOrString.fromNumber(8080) }] }] }),
    'test/apps/open: spec.ingress[0] admits every source (it names no peers) for every pod of the namespace (podSelector {}), which undoes default deny [network-policy-narrow] (got {"from":[],"ports":[{"port":8080}]}); fix: name the sources (pods, namespaces or address ranges) and the ports the pods need; or, if it cannot hold, declareException(obj, { rule: PolicyRule.NETWORK_POLICY_NARROW, reason })',
  ],
  [
    'egress to 0.0.0.0/0 on every port for every pod',
    (ctx) => policy(ctx, { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] }),
    'test/apps/open: spec.egress[0] admits the whole address space (0.0.0.0/0) on every port for every pod of the namespace (podSelector {}), which undoes default deny [network-policy-narrow] (got {"to":[{"ipBlock":{"cidr":"0.0.0.0/0"}}]}); fix: name the destinations (pods, namespaces or address ranges) and the ports the pods need; or, if it cannot hold, declareException(obj, { rule: PolicyRule.NETWORK_POLICY_NARROW, reason })\ntest/apps/open: spec.egress[0].to[0].ipBlock reaches 169.254.0.0/16, which holds the cloud metadata address that hands out the node\'s cloud credentials [metadata-unreachable] (got {"cidr":"0.0.0.0/0"}); fix: add 169.254.0.0/16 to its except; a rule that needs metadata names it as its own peer (Peer.cidr(\'169.254.169.254/32\', \'instance-metadata\'))',
  ],
  [
    'ingress from every pod of every namespace on every port',
    (ctx) => policy(ctx, { podSelector: RAW, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }] }] }),
    'test/apps/open: spec.ingress[0] admits every pod of every namespace (namespaceSelector {}) on every port, which undoes default deny [network-policy-narrow] (got {"from":[{"namespaceSelector":{}}]}); fix: name the sources (pods, namespaces or address ranges) and the ports the pods need; or, if it cannot hold, declareException(obj, { rule: PolicyRule.NETWORK_POLICY_NARROW, reason })',
  ],
  [
    'an egress rule with ports but no destinations',
    (ctx) => policy(ctx, { podSelector: RAW, policyTypes: ['Egress'], egress: [{ ports: [{ port: k8s.IntOrString.fromNumber(80) }] }] }),
    'test/apps/open: spec.egress[0].to is missing, so the rule allows every destination, the cloud metadata address 169.254.169.254 among them [metadata-unreachable] (got nothing); fix: name the destinations; for the internet, an ipBlock 0.0.0.0/0 with except 169.254.0.0/16 (what Peer.internet() writes)',
  ],
  [
    'egress to a block holding the metadata address',
    (ctx) =>
      policy(ctx, {
        podSelector: RAW,
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '169.0.0.0/8' } }], ports: [{ port: k8s.IntOrString.fromNumber(80) }] }],
      }),
    "test/apps/open: spec.egress[0].to[0].ipBlock reaches 169.254.0.0/16, which holds the cloud metadata address that hands out the node's cloud credentials [metadata-unreachable] (got {\"cidr\":\"169.0.0.0/8\"}); fix: add 169.254.0.0/16 to its except; a rule that needs metadata names it as its own peer (Peer.cidr('169.254.169.254/32', 'instance-metadata'))",
  ],
  [
    'egress to the IPv6 internet without leaving out the metadata range',
    (ctx) =>
      policy(ctx, {
        podSelector: RAW,
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '::/0', except: ['fe80::/10'] } }], ports: [{ port: k8s.IntOrString.fromNumber(443) }] }],
      }),
    'test/apps/open: spec.egress[0].to[0].ipBlock reaches fd00:ec2::254/128, which holds the cloud metadata address that hands out the node\'s cloud credentials [metadata-unreachable] (got {"cidr":"::/0","except":["fe80::/10"]}); fix: add fd00:ec2::254/128 to its except; a rule that needs metadata names it as its own peer (Peer.cidr(\'169.254.169.254/32\', \'instance-metadata\'))',
  ],
  [
    'a patch that adds the whole internet to a policy the constructs wrote',
    (ctx) => {
      const app = new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED));
      const network = new NetworkGraph(ctx.platform.apps, 'net');
      network.allow(Peer.pods(app), Peer.internet(), [443]);
      for (const policy of network.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && c.kind === 'NetworkPolicy')) {
        policy.addJsonPatch(JsonPatch.add('/spec/egress/0/to/-', { ipBlock: { cidr: '0.0.0.0/0' } }));
      }
    },
    "test/apps/net/apps-web-to-cidr-internet: spec.egress[0].to[1].ipBlock reaches 169.254.0.0/16, which holds the cloud metadata address that hands out the node's cloud credentials [metadata-unreachable] (got {\"cidr\":\"0.0.0.0/0\"}); fix: add 169.254.0.0/16 to its except; a rule that needs metadata names it as its own peer (Peer.cidr('169.254.169.254/32', 'instance-metadata'))",
  ],
];
