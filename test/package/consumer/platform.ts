// A project outside this repository that uses the package by its name alone (the README example).
// test/package/package.test.ts copies it into a scratch folder, type-checks it against the packed
// .d.ts files and runs it: `node platform.js <dist>`.
import { App } from 'cdk8s';
import { InstanceType, NodePool, NodePools, Platform, Probe, SecureNamespace, WebService, synthesize } from 'k8s-platforms';

const app = new App();
const pools = new NodePools([
  new NodePool({ name: 'general', instanceType: InstanceType.AWS_M6G_LARGE, minNodes: 1, maxNodes: 3, labels: { pool: 'general' } }),
]);
const shop = new Platform(app, { name: 'shop', pools });
new SecureNamespace(shop.infrastructure, 'namespace', { name: 'web' });
new WebService(shop.apps, 'frontend', {
  name: 'frontend',
  namespace: 'web',
  pool: pools.get('general'),
  replicas: 2,
  containers: [{
    name: 'frontend',
    image: 'registry.example.com/shop/frontend:1.4.2',
    ports: [{ name: 'http', port: 8080 }],
    readinessProbe: Probe.httpGet('/healthz', 'http'),
    livenessProbe: Probe.httpGet('/healthz', 'http'),
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  }],
});

const summary = synthesize(app, process.argv[2] ?? 'dist');
console.log(`wrote ${summary.objects} objects`);
