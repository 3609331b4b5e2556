// A stock cdk8s app that uses the library's constructs in a plain cdk8s App and never calls the
// pipeline: cdk8s's own app.synth() still runs the checks, as construct validations, before it
// writes. PLAIN_PRIVILEGED=1 adds a privileged container through the escape hatch.
import { App, JsonPatch } from 'cdk8s';
import { InstanceType, NodePool, NodePools, Platform, Probe, SecureNamespace, WebService } from 'k8s-platforms';

const app = new App({ outdir: process.env.PLAIN_OUTDIR ?? 'plain-output' });
const pools = new NodePools([
  new NodePool({ name: 'general', instanceType: InstanceType.AWS_M6G_LARGE, minNodes: 1, maxNodes: 3, labels: { pool: 'general' } }),
]);
const shop = new Platform(app, { name: 'shop', pools });
new SecureNamespace(shop.infrastructure, 'namespace', { name: 'web' });
const web = new WebService(shop.apps, 'frontend', {
  name: 'frontend',
  namespace: 'web',
  pool: pools.get('general'),
  replicas: 1,
  disruptionBudget: false,
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
if (process.env.PLAIN_PRIVILEGED === '1')
  web.controller.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/securityContext/privileged', true));
app.synth();
