// A project outside this repository that uses the package by its name alone (the README example).
// test/package/package.test.ts copies it into a scratch folder, type-checks it against the packed
// .d.ts files and runs it: `node platform.js <dist>`.
import { App } from 'cdk8s';
import {
  CpuArch,
  InstanceType,
  LoadBalancerImplementation,
  NodePool,
  NodePools,
  Platform,
  Probe,
  runSynth,
  SecureNamespace,
  ServiceClients,
  WebService,
} from 'k8s-platforms';

function build() {
  const app = new App();
  const pools = new NodePools([
    new NodePool({
      name: 'general',
      instanceType: InstanceType.custom({ name: 'mini-pc', vcpu: 4, memory: '16Gi', arch: CpuArch.AMD64 }),
      minNodes: 3,
      maxNodes: 3,
      labels: { pool: 'general' },
    }),
  ]);
  // A cluster on an office network: MetalLB hands out LoadBalancer addresses from one range of it.
  const loadBalancer = LoadBalancerImplementation.metalLb([{ name: 'office', cidrs: ['192.168.1.240/28'] }]);
  const shop = new Platform(app, { name: 'shop', pools, cluster: { loadBalancer } });
  new SecureNamespace(shop.infrastructure, 'namespace', { name: 'shop' });
  // A gRPC service on a fixed address, for clients on the local network only.
  new WebService(shop.apps, 'checkout', {
    name: 'checkout',
    namespace: 'shop',
    pool: pools.get('general'),
    replicas: 2,
    service: { type: 'LoadBalancer', ports: [{ name: 'grpc', port: 50051 }], clients: ServiceClients.localNetwork(), address: '192.168.1.241' },
    containers: [
      {
        name: 'checkout',
        image: 'registry.example.com/shop/checkout:1.4.2',
        ports: [{ name: 'grpc', port: 50051 }],
        readinessProbe: Probe.grpc('grpc'),
        livenessProbe: Probe.grpc('grpc'),
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      },
    ],
  });
  return { app };
}

const outcome = runSynth(process.argv[2] ?? 'dist', build);
if (!outcome.ok) {
  console.error(outcome.errors.map((e) => e.message).join('\n'));
  process.exit(1);
}
console.log(`wrote ${outcome.summary.objects} objects`);
