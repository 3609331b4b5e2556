import { policyPortsCheck } from '../../../lib/policy/rules/policy-ports-check';
import { NetworkGraph, Peer } from '../../../lib/security/network-graph';
import { checkFindings } from '../../pipeline-helpers';
import { webApp } from './workload-fixture';

describe('policy-ports-exposed: a NetworkPolicy opens only ports its pods expose', () => {
  test('named ports and port ranges count when a pod declares the port', () => {
    const { app, platform, web } = webApp();
    const net = new NetworkGraph(platform.apps, 'net');
    net.allow(Peer.external('ingress-nginx'), Peer.pods(web), [{ port: 8000, endPort: 8100 }]);
    expect(checkFindings(app, policyPortsCheck)).toEqual([]);
    net.allow(Peer.external('monitoring'), Peer.pods(web), [9090]);
    expect(checkFindings(app, policyPortsCheck)).toEqual([
      'test/apps/net/apps-web-from-monitoring-monitoring: spec.ingress[0].ports[0] is no port the selected pods expose',
    ]);
  });
});
