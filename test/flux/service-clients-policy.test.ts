import { ClusterContract } from '../../lib/addons/cluster-contract';
import { K3S_BUILT_INS } from '../../lib/addons/cluster-only';
import { LoadBalancerImplementation } from '../../lib/addons/load-balancer-implementation';
import { completePlatforms } from '../../lib/pipeline/synth';
import { ContainerProps } from '../../lib/workloads/container';
import { PortRange } from '../../lib/workloads/port-range';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { ServiceOptions } from '../../lib/workloads/workload-services';
import { WebService } from '../../lib/workloads/web-service';
import { container, testPlatform } from '../helpers';
import { find } from '../pipeline-helpers';

/** The test platform on this cluster with a web service `web` whose Service is `service`, completed as the synth does. */
function exposed(cluster: ClusterContract, service: ServiceOptions, ports: ContainerProps['ports'] = [{ name: 'http', port: 8080 }]) {
  const { app, platform, pools } = testPlatform(cluster);
  new WebService(platform.apps, 'web', { name: 'web', namespace: 'apps', pool: pools.get('general'), containers: [container({ ports })], service });
  completePlatforms(app);
  return app;
}

describe('a Service opened outside the cluster admits the clients it names', () => {
  test('the local network through MetalLB: the requested address, source ranges, client addresses kept and admitted', () => {
    const metalLb = LoadBalancerImplementation.metalLb([{ name: 'lan', cidrs: ['192.168.1.240/28'] }]);
    const app = exposed(
      { loadBalancer: metalLb },
      {
        type: 'LoadBalancer',
        ports: [{ name: 'grpc', port: 443, targetPort: 'http' }],
        clients: ServiceClients.localNetwork(),
        address: '192.168.1.241',
        addressPool: 'lan',
      },
    );
    const service = find(app, 'Service', 'web');
    expect(service.metadata.annotations).toEqual({ 'metallb.io/loadBalancerIPs': '192.168.1.241', 'metallb.io/address-pool': 'lan' });
    expect(service.spec).toMatchObject({
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      loadBalancerSourceRanges: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
    });
    expect(find(app, 'NetworkPolicy', 'web-from-local-network').spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ ipBlock: { cidr: '10.0.0.0/8' } }, { ipBlock: { cidr: '172.16.0.0/12' } }, { ipBlock: { cidr: '192.168.0.0/16' } }],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    });
  });
  test('behind k3s ServiceLB the policy also admits its pods for this Service, which replace the client address', () => {
    const app = exposed({ provided: K3S_BUILT_INS }, { type: 'LoadBalancer', clients: ServiceClients.cidrs('office', ['203.0.113.0/24']) });
    expect(find(app, 'NetworkPolicy', 'web-from-office').spec.ingress[0].from).toEqual([
      { ipBlock: { cidr: '203.0.113.0/24' } },
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'svccontroller.k3s.cattle.io/svcname': 'web', 'svccontroller.k3s.cattle.io/svcnamespace': 'apps' } },
      },
    ]);
    expect(find(app, 'Service', 'web').spec.loadBalancerSourceRanges).toEqual(['203.0.113.0/24']);
  });
  test('anyone: no source ranges, the cluster routes as it likes, every address but the metadata ranges is admitted', () => {
    const app = exposed({}, { type: 'NodePort', clients: ServiceClients.anywhere('browsers') });
    expect(find(app, 'Service', 'web').spec.externalTrafficPolicy).toBeUndefined();
    expect(find(app, 'Service', 'web').spec.loadBalancerSourceRanges).toBeUndefined();
    expect(find(app, 'NetworkPolicy', 'web-from-browsers').spec.ingress[0].from).toEqual([
      { ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } },
    ]);
  });
  test('a port range is admitted as one range', () => {
    const app = exposed(
      { loadBalancer: LoadBalancerImplementation.cloudController('AWS') },
      { type: 'LoadBalancer', clients: ServiceClients.internet() },
      [{ name: 'http', port: 8080 }, PortRange.of(9000, 9009, 'p')],
    );
    expect(find(app, 'NetworkPolicy', 'web-from-clients').spec.ingress[0].ports).toEqual([
      { port: 8080, protocol: 'TCP' },
      { port: 9000, endPort: 9009, protocol: 'TCP' },
    ]);
  });
});
