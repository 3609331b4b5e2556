// The main.ts of a stock cdk8s app (cdk8s init typescript-app) that uses k8s-platforms: two builds
// of one platform (production and staging: two clusters) and a second platform. Environment
// variables make the failures test/package/consumer-project.test.ts needs:
//   SHOP_PRIVILEGED=1  a privileged container through the escape hatch (refused by Pod Security)
//   SHOP_SHRINK=1      the shop builds lose their extra services (refused by the shrink guard)
import { JsonPatch } from 'cdk8s';
import { Environment, GitSource, InstanceType, NodePool, NodePools, Platform, PlatformApp, Probe, SecureNamespace, WebService } from 'k8s-platforms';

const app = new PlatformApp({ source: new GitSource({ url: 'https://git.example.com/shop/platform.git' }) });
const pools = new NodePools([
  new NodePool({ name: 'general', instanceType: InstanceType.AWS_M6G_LARGE, minNodes: 1, maxNodes: 3, labels: { pool: 'general' } }),
]);

function service(scope: Platform, name: string, namespace: string, replicas = 2): WebService {
  return new WebService(scope.apps, name, {
    name,
    namespace,
    pool: pools.get('general'),
    replicas,
    containers: [
      {
        name,
        image: `registry.example.com/shop/${name}:1.4.2`,
        ports: [{ name: 'http', port: 8080 }],
        readinessProbe: Probe.httpGet('/healthz', 'http'),
        livenessProbe: Probe.httpGet('/healthz', 'http'),
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      },
    ],
  });
}

for (const environment of [Environment.PRODUCTION, Environment.named('staging')]) {
  const shop = new Platform(app, { name: 'shop', pools, environment });
  new SecureNamespace(shop.infrastructure, 'namespace', { name: 'web' });
  const frontend = service(shop, 'frontend', 'web');
  if (process.env.SHOP_SHRINK !== '1') for (const name of ['cart', 'checkout', 'search']) service(shop, name, 'web');
  // Privileged with escalation allowed, as the API server requires of a privileged container: what
  // stops it is Pod Security, not the API server's own validation.
  if (process.env.SHOP_PRIVILEGED === '1')
    frontend.controller.addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/securityContext/privileged', true),
      JsonPatch.replace('/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation', true),
    );
}

const blog = new Platform(app, { name: 'blog', pools });
new SecureNamespace(blog.infrastructure, 'namespace', { name: 'blog' });
service(blog, 'ghost', 'blog', 1);

app.synth();
