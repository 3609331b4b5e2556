import { k8s } from 'cdk8s-plus-28';
import { LoadBalancerImplementation } from '../../../lib/addons/load-balancer-implementation';
import { externalServiceCheck } from '../../../lib/policy/rules/external-service-check';
import { NetworkGraph, Peer } from '../../../lib/security/network-graph';
import { ServiceClients } from '../../../lib/workloads/service-clients';
import { completePlatforms } from '../../../lib/pipeline/synth';
import { checkFindings } from '../../pipeline-helpers';
import { WebService } from '../../../lib/workloads/web-service';
import { testPlatform } from '../../helpers';
import { probed, webApp } from './workload-fixture';

describe('external-service-admitted: a LoadBalancer or NodePort Service needs a NetworkPolicy that admits outside traffic', () => {
  test('a LoadBalancer Service written by hand passes once the internet may reach its pods', () => {
    const { app, platform, web } = webApp();
    new k8s.KubeService(platform.apps, 'by-hand', {
      metadata: { name: 'web-public', namespace: 'apps' },
      spec: { type: 'LoadBalancer', selector: { ...web.selector }, ports: [{ port: 443, targetPort: k8s.IntOrString.fromNumber(8080) }] },
    });
    expect(checkFindings(app, externalServiceCheck)).toHaveLength(1);
    new NetworkGraph(platform.apps, 'net').allow(Peer.internet(), Peer.pods(web), [8080]);
    expect(checkFindings(app, externalServiceCheck)).toEqual([]);
  });
  test("a workload's LoadBalancer Service admits its clients itself", () => {
    const { app, platform, pools } = testPlatform({ loadBalancer: LoadBalancerImplementation.serviceLb() });
    new WebService(platform.apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [probed],
      service: { type: 'LoadBalancer', clients: ServiceClients.localNetwork() },
    });
    completePlatforms(app);
    expect(checkFindings(app, externalServiceCheck)).toEqual([]);
  });
});
