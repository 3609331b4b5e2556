import { CloudLoadBalancer } from '../../lib/workloads/load-balancer';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart } from '../helpers';

function service(
  loadBalancer: CloudLoadBalancer,
  type: 'LoadBalancer' | 'ClusterIP' = 'LoadBalancer',
  ports = [{ name: 'https', port: 443, targetPort: 'http' }],
) {
  const { chart, apps, pools } = testChart();
  new WebService(apps, 'gateway', {
    name: 'gateway',
    namespace: 'apps',
    pool: pools.get('general'),
    containers: [container()],
    service: { type, ports, loadBalancer, clients: type === 'LoadBalancer' ? ServiceClients.anywhere() : undefined },
  });
  return rendered(chart, 'Service', 'gateway');
}

describe('CloudLoadBalancer.awsNlb', () => {
  test('writes the AWS Load Balancer Controller annotations and one idle timeout per listener port', () => {
    const svc = service(CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 3600 }), 'LoadBalancer', [
      { name: 'https', port: 443, targetPort: 'http' },
      { name: 'http', port: 80, targetPort: 'http' },
    ]);
    expect(svc.metadata.annotations).toEqual({
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-443': 'tcp.idle_timeout.seconds=3600',
      'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80': 'tcp.idle_timeout.seconds=3600',
    });
    expect(svc.spec.type).toBe('LoadBalancer');
  });
  test('an internal scheme', () => {
    expect(
      service(CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 60, scheme: 'internal' })).metadata.annotations[
        'service.beta.kubernetes.io/aws-load-balancer-scheme'
      ],
    ).toBe('internal');
  });
  test.each([59, 6001, 1.5])('an idle timeout outside 60-6000 s is refused: %s', (seconds) => {
    expect(() => service(CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: seconds }))).toThrow(
      `test/apps/gateway: service.loadBalancer.idleTimeoutSeconds must be a whole number of seconds from 60 to 6000 (an NLB TCP listener's idle timeout) (got ${seconds})`,
    );
  });
  test('only on a Service of type LoadBalancer', () => {
    expect(() => service(CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 3600 }), 'ClusterIP')).toThrow(
      'test/apps/gateway: service.loadBalancer only applies to a Service of type LoadBalancer, not ClusterIP (got "AWS Load Balancer Controller"); fix: set type: "LoadBalancer", or drop loadBalancer',
    );
  });
});
