// A project outside this repository that uses the package by its name alone (the README example).
// test/package/package.test.ts copies it into a scratch folder, type-checks it against the packed
// .d.ts files and runs it: `node platform.js <dist>`.
import { App } from 'cdk8s';
import { InstanceType, NodePool, NodePools, Platform, Probe, runSynth, SecureNamespace, WebService } from 'k8s-platforms';

function build() {
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
    containers: [
      {
        name: 'frontend',
        image: 'registry.example.com/shop/frontend:1.4.2',
        ports: [{ name: 'http', port: 8080 }],
        readinessProbe: Probe.httpGet('/healthz', 'http'),
        livenessProbe: Probe.httpGet('/healthz', 'http'),
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
