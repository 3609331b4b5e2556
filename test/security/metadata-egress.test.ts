import { NetworkGraph, Peer } from '../../lib/security/network-graph';
import { PodNetworkPolicy } from '../../lib/security/pod-network-policy';
import { rendered, testChart } from '../helpers';

const pods = { name: 'w', namespace: 'apps', selector: { app: 'w' } };

describe('internet egress leaves out cloud instance metadata', () => {
  test('an egress rule without peers reaches every pod and address except the link-local ranges', () => {
    const { chart, apps } = testChart();
    new PodNetworkPolicy(apps, 'policy', { name: 'p', pods, egress: [{ ports: [443] }] });
    expect(rendered(chart, 'NetworkPolicy', 'p').spec.egress[0].to).toEqual([
      { namespaceSelector: {} },
      { ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } },
      { ipBlock: { cidr: '::/0', except: ['fe80::/10', 'fd00:ec2::254/128'] } },
    ]);
  });
  test('a CIDR that holds the metadata address excludes it; one that names it explicitly keeps it', () => {
    const { chart, apps } = testChart();
    const graph = new NetworkGraph(apps, 'net');
    graph.allow(Peer.pods(pods), Peer.cidr('0.0.0.0/0', 'internet'), [443]);
    graph.allow(Peer.pods(pods), Peer.cidr('169.254.169.254/32', 'instance-metadata'), [80]);
    graph.allow(Peer.pods(pods), Peer.cidr('10.0.0.0/8', 'office'), [22]);
    const blocks = (name: string) => rendered(chart, 'NetworkPolicy', name).spec.egress[0].to;
    expect(blocks('w-to-internet')).toEqual([{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }]);
    expect(blocks('w-to-instance-metadata')).toEqual([{ ipBlock: { cidr: '169.254.169.254/32' } }]);
    expect(blocks('w-to-office')).toEqual([{ ipBlock: { cidr: '10.0.0.0/8' } }]);
  });
});
