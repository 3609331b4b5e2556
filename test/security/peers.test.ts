import { checkCidr, cidrContains, NON_INTERNET_RANGES } from '../../lib/core/cidr';
import { NetworkGraph, Peer } from '../../lib/security/network-graph';
import { PodNetworkPolicy } from '../../lib/security/pod-network-policy';
import { Site } from '../../lib/core/errors';
import { rendered, testChart } from '../helpers';

const web = { name: 'web', namespace: 'apps', selector: { 'app.kubernetes.io/name': 'web' } };

describe('address peers and ports', () => {
  test('Peer.internet(): everything but private, CGNAT and link-local (metadata) ranges', () => {
    const { chart, apps } = testChart();
    new NetworkGraph(apps, 'net').allow(Peer.pods(web), Peer.internet(), [443]);
    expect(rendered(chart, 'NetworkPolicy', 'web-to-internet').spec.egress[0].to).toEqual([
      { ipBlock: { cidr: '0.0.0.0/0', except: [...NON_INTERNET_RANGES] } },
    ]);
    expect(NON_INTERNET_RANGES.some((r) => cidrContains(r, '169.254.169.254/32'))).toBe(true);
  });
  test('Peer.kubernetesApiServer takes the API endpoint block', () => {
    const { chart, apps } = testChart();
    new NetworkGraph(apps, 'net').allow(Peer.pods(web), Peer.kubernetesApiServer('10.100.0.0/28'), [443]);
    expect(rendered(chart, 'NetworkPolicy', 'web-to-kube-apiserver').spec.egress[0].to).toEqual([{ ipBlock: { cidr: '10.100.0.0/28' } }]);
  });
  test('"all" opens every port and protocol: the rule lists none', () => {
    const { chart, apps } = testChart();
    new NetworkGraph(apps, 'net').allow(Peer.pods(web), Peer.cidr('10.0.0.0/8', 'vpc', { except: ['10.1.0.0/16'] }), 'all');
    expect(rendered(chart, 'NetworkPolicy', 'web-to-vpc').spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] },
    ]);
    new PodNetworkPolicy(apps, 'own', { name: 'own', pods: web, egress: [{ peers: [Peer.internet()], ports: 'all' }] });
    expect(rendered(chart, 'NetworkPolicy', 'own').spec.egress[0].ports).toBeUndefined();
  });
  test('CIDR blocks are checked', () => {
    const site = new Site('test', 'cidr');
    expect(checkCidr(site, '2001:db8::/32')).toBe('2001:db8::/32');
    expect(() => checkCidr(site, '10.0.0.0/33')).toThrow(
      'test: cidr must be a CIDR block (address/prefix length) (got "10.0.0.0/33"); fix: e.g. "10.0.0.0/8" or "203.0.113.7/32"',
    );
    expect(() => checkCidr(site, '300.0.0.0/8')).toThrow('must be a CIDR block');
    expect(() => checkCidr(site, '192.168.1.1/24')).toThrow('fix: write the network address, e.g. "192.168.1.0/24"');
  });
  test('an except block of a PodNetworkPolicy peer is checked where it is used', () => {
    const { apps } = testChart();
    expect(
      () =>
        new PodNetworkPolicy(apps, 'own', {
          name: 'own',
          pods: web,
          egress: [{ peers: [Peer.cidr('10.0.0.0/8', 'vpc', { except: ['10.0.0.0/4'] })], ports: [443] }],
        }),
    ).toThrow(
      'test/apps/own: egress[0].peers[0].except[0] has host bits set below its /4 prefix (got "10.0.0.0/4"); fix: write the network address, e.g. "0.0.0.0/4"',
    );
  });
});
