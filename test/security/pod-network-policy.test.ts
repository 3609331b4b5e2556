import { Testing } from 'cdk8s';
import { Peer } from '../../lib/security/network-graph';
import { PodNetworkPolicy } from '../../lib/security/pod-network-policy';

describe('PodNetworkPolicy', () => {
  test('one policy with both directions; egress without peers goes anywhere but cloud instance metadata', () => {
    const chart = Testing.chart();
    new PodNetworkPolicy(chart, 'p', {
      name: 'session',
      pods: { name: 'session', namespace: 'work', selector: { app: 'session' } },
      ingress: [{ peers: [Peer.external('istio-system')], ports: [6901] }],
      egress: [{ ports: [443, { port: 53, protocol: 'UDP' }] }, { peers: [Peer.cidr('10.0.0.0/8', 'vpc')], ports: [5432] }],
    });
    expect(Testing.synth(chart)[0].spec).toEqual({
      podSelector: { matchLabels: { app: 'session' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } }, podSelector: { matchLabels: {} } }],
          ports: [{ protocol: 'TCP', port: 6901 }],
        },
      ],
      egress: [
        {
          to: [
            { namespaceSelector: {} },
            { ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } },
            { ipBlock: { cidr: '::/0', except: ['fe80::/10', 'fd00:ec2::254/128'] } },
          ],
          ports: [
            { protocol: 'TCP', port: 443 },
            { protocol: 'UDP', port: 53 },
          ],
        },
        { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
      ],
    });
  });

  test('a rule without ports is refused', () => {
    expect(
      () =>
        new PodNetworkPolicy(Testing.chart(), 'p', { name: 'x', pods: { name: 'x', namespace: 'w', selector: { a: 'b' } }, egress: [{ ports: [] }] }),
    ).toThrow('egress[0].ports must list at least one port (got []); fix: name the ports the traffic uses');
  });
});
