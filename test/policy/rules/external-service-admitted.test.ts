import { externalServiceCheck } from '../../../lib/policy/rules/external-service-check';
import { NetworkGraph, Peer } from '../../../lib/security/network-graph';
import { checkFindings } from '../../pipeline-helpers';
import { webApp } from './workload-fixture';

describe('external-service-admitted: a LoadBalancer or NodePort Service needs a NetworkPolicy that admits outside traffic', () => {
  test('a LoadBalancer passes once the internet may reach its pods', () => {
    const { app, platform, web } = webApp({ service: { type: 'LoadBalancer' } });
    expect(checkFindings(app, externalServiceCheck)).toHaveLength(1);
    new NetworkGraph(platform.apps, 'net').allow(Peer.internet(), Peer.pods(web), [8080]);
    expect(checkFindings(app, externalServiceCheck)).toEqual([]);
  });
});
