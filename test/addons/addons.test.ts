import { ApiObject, App } from 'cdk8s';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddonNeed, needAddon } from '../../lib/core/addon-needs';
import { ClusterContract } from '../../lib/addons/cluster-contract';
import { K3S_BUILT_INS } from '../../lib/addons/cluster-only';
import { ControlPlane } from '../../lib/addons/control-plane';
import { Platform } from '../../lib/flux/platform';
import { synthesize, SynthOutput } from '../../lib/pipeline/synth';
import { AcmeClusterIssuer } from '../../lib/ingress/acme-issuer';
import { IngressController } from '../../lib/ingress/ingress-controller';
import { WebIngress } from '../../lib/ingress/web-ingress';
import { NetworkGraph } from '../../lib/security/network-graph';
import { SecureNamespace } from '../../lib/security/namespace';
import { Probe } from '../../lib/workloads/probe';
import { WebService } from '../../lib/workloads/web-service';
import { container, testPools } from '../helpers';
import { refusalMessage, synthInto } from '../pipeline-helpers';
import { parse } from 'yaml';

const AWS = {
  clusterName: 'shop',
  region: 'eu-west-1',
  ebsCsiRoleArn: 'arn:aws:iam::111111111111:role/ebs',
  autoscalerRoleArn: 'arn:aws:iam::111111111111:role/autoscaler',
};

/** A platform `shop` with a namespace and a web service, so it is never empty. */
function shop(cluster: ClusterContract = {}): { app: App; platform: Platform; web: WebService } {
  const app = new App();
  const platform = new Platform(app, { name: 'shop', pools: testPools(), cluster });
  new SecureNamespace(platform.infrastructure, 'namespace', { name: 'apps' });
  const web = new WebService(platform.apps, 'web', {
    name: 'web',
    namespace: 'apps',
    pool: platform.pools.get('general'),
    containers: [container({ readinessProbe: Probe.httpGet('/', 'http'), livenessProbe: Probe.httpGet('/', 'http') })],
  });
  return { app, platform, web };
}

function synthesized(app: App): SynthOutput {
  const result = synthesize(app);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result;
}

/** The objects of one dist/ layer folder of `shop`, parsed. */
function layerObjects(result: SynthOutput, layer: string): Record<string, any>[] {
  return [...result.trees.dist].filter(([f]) => f.startsWith(`shop/${layer}/`) && !f.endsWith('kustomization.yaml')).map(([, text]) => parse(text));
}
const releasesOf = (result: SynthOutput) => layerObjects(result, 'controllers').filter((o) => o.kind === 'HelmRelease');

describe('add-ons are inferred from the constructs that need them', () => {
  test("a platform with ACME issuers gets cert-manager exactly once, and ingress-nginx for the issuers' and the Ingress's controller", () => {
    const { app, platform, web } = shop();
    const controller = IngressController.nginx();
    const issuer = new AcmeClusterIssuer(platform.infrastructure, 'issuer', {
      name: 'letsencrypt',
      email: 'ops@example.com',
      ingressController: controller,
    });
    new AcmeClusterIssuer(platform.infrastructure, 'staging', {
      name: 'letsencrypt-staging',
      email: 'ops@example.com',
      ingressController: controller,
    });
    new WebIngress(platform.apps, 'ingress', {
      name: 'shop',
      namespace: 'apps',
      host: 'shop.example.com',
      controller,
      network: new NetworkGraph(platform.apps, 'network'),
      tls: { issuer, secretName: 'shop-tls' },
      routes: [{ path: '/', backend: web, port: 'http' }],
    });
    const releases = releasesOf(synthesized(app));
    expect(releases.map((r) => r.metadata.name)).toEqual(['cert-manager', 'ingress-nginx']);
    expect(releases.find((r) => r.metadata.name === 'cert-manager')!.spec.chart.spec).toMatchObject({
      chart: 'cert-manager',
      version: 'v1.16.5',
      sourceRef: { kind: 'HelmRepository', name: 'jetstack', namespace: 'flux-system' },
    });
  });

  test('a platform without one gets no add-on and no controllers layer', () => {
    const result = synthesized(shop().app);
    expect([...result.trees.dist.keys()].filter((f) => f.startsWith('shop/controllers/'))).toEqual([]);
    expect(result.trees.dist.get('shop/kustomization.yaml')).not.toContain('controllers');
  });

  test('an add-on the cluster provides is not installed; its kinds close the build, and ingress traffic comes from where it runs', () => {
    const { app, platform, web } = shop({ provided: [{ addon: 'traefik', reason: 'k3s ships Traefik in kube-system' }] });
    const controller = IngressController.traefik();
    const issuer = new AcmeClusterIssuer(platform.infrastructure, 'issuer', {
      name: 'letsencrypt',
      email: 'ops@example.com',
      ingressController: controller,
    });
    new WebIngress(platform.apps, 'ingress', {
      name: 'shop',
      namespace: 'apps',
      host: 'shop.example.com',
      controller,
      network: new NetworkGraph(platform.apps, 'network'),
      tls: { issuer, secretName: 'shop-tls' },
      routes: [{ path: '/', backend: web, port: 'http' }],
    });
    new ApiObject(platform.apps, 'route', { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'shop', namespace: 'apps' } });
    const result = synthesized(app);
    expect(releasesOf(result).map((r) => r.metadata.name)).toEqual(['cert-manager']);
    const admit = layerObjects(result, 'apps').find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'web-from-ingress-traefik')!;
    expect(admit.spec.ingress[0].from[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
  });

  test('with the Application Gateway (AKS add-on) the NetworkPolicies admit its subnet', () => {
    const { app, platform, web } = shop({
      provided: [{ addon: 'azure-application-gateway', reason: 'AKS add-on ingress-appgw, enabled on the cluster' }],
    });
    new WebIngress(platform.apps, 'ingress', {
      name: 'shop',
      namespace: 'apps',
      host: 'shop.example.com',
      controller: IngressController.azureApplicationGateway('10.225.0.0/16'),
      network: new NetworkGraph(platform.apps, 'network'),
      routes: [{ path: '/', backend: web, port: 'http' }],
    });
    const result = synthesized(app);
    expect(releasesOf(result)).toEqual([]);
    const ingress = layerObjects(result, 'apps').find((o) => o.kind === 'Ingress')!;
    expect(ingress.spec.ingressClassName).toBe('azure-application-gateway');
    const admit = layerObjects(result, 'apps').find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'web-from-application-gateway')!;
    expect(admit.spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '10.225.0.0/16' } }]);
  });
});

test("an Ingress through Istio's gateway gets Istio installed, and admits traffic from its gateway pods", () => {
  const { app, platform, web } = shop();
  new WebIngress(platform.apps, 'ingress', {
    name: 'shop',
    namespace: 'apps',
    host: 'shop.example.com',
    controller: IngressController.istio(),
    network: new NetworkGraph(platform.apps, 'network'),
    routes: [{ path: '/', backend: web, port: 'http' }],
  });
  const result = synthesized(app);
  expect(
    releasesOf(result)
      .map((r) => r.metadata.name)
      .sort(),
  ).toEqual(['istio-base', 'istio-ingressgateway', 'istiod']);
  const admit = layerObjects(result, 'apps').find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'web-from-ingress-istio')!;
  expect(admit.spec.ingress[0].from[0]).toEqual({
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } },
    podSelector: { matchLabels: { istio: 'ingressgateway' } },
  });
});

test('a k3s platform declaring K3S_BUILT_INS installs nothing for Traefik and finds its local-path StorageClass', () => {
  const { app, platform, web } = shop({ provided: K3S_BUILT_INS });
  new WebIngress(platform.apps, 'ingress', {
    name: 'shop',
    namespace: 'apps',
    host: 'shop.example.com',
    controller: IngressController.traefik(),
    network: new NetworkGraph(platform.apps, 'network'),
    routes: [{ path: '/', backend: web, port: 'http' }],
  });
  new ApiObject(platform.apps, 'claim', {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'apps' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'local-path', resources: { requests: { storage: '1Gi' } } },
  });
  const result = synthesized(app);
  expect(releasesOf(result)).toEqual([]);
  expect(result.trees.entryPoints.get('README.md')).toContain('- traefik: k3s ships Traefik in kube-system (its packaged Helm chart)');
});

describe('aggregated APIs read at run time', () => {
  const autoscaled = (cluster: ClusterContract = {}) => {
    const { app, platform } = shop(cluster);
    new WebService(platform.apps, 'api', {
      name: 'api',
      namespace: 'apps',
      pool: platform.pools.get('general'),
      autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70 },
      containers: [container({ readinessProbe: Probe.httpGet('/', 'http'), livenessProbe: Probe.httpGet('/', 'http') })],
    });
    return app;
  };
  test('an HPA on CPU gets metrics-server installed, which serves the metrics API', () => {
    expect(releasesOf(synthesized(autoscaled())).map((r) => r.metadata.name)).toEqual(['metrics-server']);
  });
  test('a cluster that provides metrics-server gets none installed', () => {
    expect(releasesOf(synthesized(autoscaled({ provided: K3S_BUILT_INS })))).toEqual([]);
  });
  test('a hand-written HPA on an external metric closes on a provided add-on that serves external.metrics.k8s.io', () => {
    const hpa = (cluster: ClusterContract) => {
      const { app, platform } = shop(cluster);
      new ApiObject(platform.apps, 'hpa', {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'queue-worker', namespace: 'apps' },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'queue-worker' },
          minReplicas: 1,
          maxReplicas: 3,
          metrics: [{ type: 'External', external: { metric: { name: 'queue_depth' }, target: { type: 'AverageValue', averageValue: '30' } } }],
        },
      });
      return synthesize(app);
    };
    const refused = hpa({});
    expect(refused.ok ? [] : refused.errors.map((e) => e.message.split(';')[0])).toEqual([
      'shop/apps/hpa: spec.metrics[0].type is read from the external.metrics.k8s.io API at run time, which no add-on the build installs serves and no add-on the cluster is declared to provide (got "External")',
    ]);
    const keda = { addon: 'keda', reason: 'KEDA serves the external metrics API for the queue scalers', apis: ['external.metrics.k8s.io'] };
    expect(hpa({ provided: [keda] }).ok).toBe(true);
  });
});

describe('add-on values follow the platform', () => {
  const gpuValues = (cluster: ClusterContract) => {
    const { app, platform } = shop(cluster);
    needAddon(platform.infrastructure, { addon: 'gpu-operator', configMap: 'time-slicing-config', namespace: 'gpu-operator' });
    return releasesOf(synthesized(app)).find((r) => r.metadata.name === 'gpu-operator')!.spec.values;
  };
  test('on EKS the GPU nodes boot the accelerated AMI: the operator installs neither driver nor toolkit', () => {
    expect(gpuValues({ controlPlane: ControlPlane.eks() })).toMatchObject({ driver: { enabled: false }, toolkit: { enabled: false } });
  });
  test('elsewhere the operator installs them, unless the platform says the node image carries them', () => {
    expect(gpuValues({})).toMatchObject({ driver: { enabled: true }, toolkit: { enabled: true } });
    expect(gpuValues({ controlPlane: ControlPlane.selfManaged('kubeadm'), inputs: { gpuDriverOnNodes: true } })).toMatchObject({
      driver: { enabled: false },
    });
    expect(gpuValues({ controlPlane: ControlPlane.eks(), inputs: { gpuDriverOnNodes: false } })).toMatchObject({ driver: { enabled: true } });
  });
});

/** A platform whose constructs need every add-on the build can install. */
function everyAddon(): App {
  const { app, platform } = shop({ inputs: { aws: AWS } });
  const needs: AddonNeed[] = [
    { addon: 'cert-manager' },
    { addon: 'secrets-store-csi-azure' },
    { addon: 'ingress-nginx' },
    { addon: 'istio' },
    { addon: 'prometheus-operator', namespace: 'monitoring', releaseName: 'kube-prometheus-stack' },
    { addon: 'snapshot-controller' },
    { addon: 'aws-ebs-csi-driver' },
    { addon: 'gpu-operator', configMap: 'time-slicing-config', namespace: 'gpu-operator' },
    { addon: 'cluster-autoscaler', extraArgs: { 'max-nodes-total': '10' } },
    { addon: 'metrics-server' },
  ];
  needs.forEach((need) => needAddon(platform.infrastructure, need));
  return app;
}

describe('every add-on the build installs', () => {
  const result = synthesized(everyAddon());
  const controllers = layerObjects(result, 'controllers');
  const releases = controllers.filter((o) => o.kind === 'HelmRelease');

  test('is a pinned HelmRelease with CRDs CreateReplace, remediation with retries, drift detection, an explicit release name and a target namespace', () => {
    expect(releases.map((r) => r.metadata.name).sort()).toEqual([
      'aws-ebs-csi-driver',
      'cert-manager',
      'cluster-autoscaler',
      'csi-secrets-store-provider-azure',
      'gpu-operator',
      'ingress-nginx',
      'istio-base',
      'istio-ingressgateway',
      'istiod',
      'kube-prometheus-stack',
      'metrics-server',
      'snapshot-controller',
    ]);
    for (const r of releases) {
      expect(r.spec.chart.spec.version).toMatch(/^v?\d+\.\d+\.\d+$/);
      expect(r.spec).toMatchObject({
        releaseName: r.metadata.name,
        install: { crds: 'CreateReplace', remediation: { retries: 3 } },
        upgrade: { crds: 'CreateReplace', remediation: { retries: 3, strategy: 'rollback' } },
        driftDetection: { mode: 'enabled' },
      });
      expect(r.spec.targetNamespace).toMatch(/^[a-z-]+$/);
      const source = controllers.find((o) => o.kind === 'HelmRepository' && o.metadata.name === r.spec.chart.spec.sourceRef.name);
      expect(source?.spec.url).toMatch(/^https:\/\//);
    }
  });

  test('releases depend only on releases of the build, in an order without cycles: base, istiod, gateway; snapshots before the EBS driver', () => {
    const deps = Object.fromEntries(releases.map((r) => [r.metadata.name, (r.spec.dependsOn ?? []).map((d: any) => d.name)]));
    expect(deps).toMatchObject({ istiod: ['istio-base'], 'istio-ingressgateway': ['istiod'], 'aws-ebs-csi-driver': ['snapshot-controller'] });
    // Take releases whose dependencies are all taken until none is left: a cycle or a missing release would stop it.
    const done = new Set<string>();
    for (let progress = true; progress;) {
      progress = false;
      for (const [name, needs] of Object.entries<string[]>(deps)) {
        if (!done.has(name) && needs.every((n) => done.has(n))) progress = done.add(name).size > 0;
      }
    }
    expect(done.size).toBe(releases.length);
  });

  test("namespaces enforce the Pod Security level their pods need; Kubernetes' own are not created", () => {
    const levels = Object.fromEntries(
      controllers.filter((o) => o.kind === 'Namespace').map((n) => [n.metadata.name, n.metadata.labels['pod-security.kubernetes.io/enforce']]),
    );
    expect(levels).toEqual({
      'cert-manager': 'restricted',
      'ingress-nginx': 'restricted',
      'istio-system': 'baseline',
      monitoring: 'privileged',
      'gpu-operator': 'privileged',
    });
  });

  test('values come from the typed needs and cluster inputs', () => {
    const values = (name: string) => releases.find((r) => r.metadata.name === name)!.spec.values;
    expect(values('cluster-autoscaler')).toMatchObject({
      awsRegion: 'eu-west-1',
      autoDiscovery: { clusterName: 'shop' },
      extraArgs: { 'max-nodes-total': '10' },
    });
    expect(values('gpu-operator').devicePlugin.config).toEqual({ name: 'time-slicing-config', default: '', create: false });
    expect(values('aws-ebs-csi-driver').controller.serviceAccount.annotations).toEqual({ 'eks.amazonaws.com/role-arn': AWS.ebsCsiRoleArn });
  });

  test("drift detection leaves alone what each add-on's controllers rewrite, and only that", () => {
    const ignored = Object.fromEntries(
      releases.map((r) => [
        r.metadata.name,
        (r.spec.driftDetection.ignore ?? []).map(
          (rule: { target: { kind: string }; paths: string[] }) => `${rule.target.kind} ${rule.paths.join(' ')}`,
        ),
      ]),
    );
    const caBundle = (n: number) => Array.from({ length: n }, (_, i) => `/webhooks/${i}/clientConfig/caBundle`).join(' ');
    expect(ignored).toEqual({
      'aws-ebs-csi-driver': [],
      'cert-manager': [`ValidatingWebhookConfiguration ${caBundle(1)}`, `MutatingWebhookConfiguration ${caBundle(1)}`],
      'cluster-autoscaler': [],
      'csi-secrets-store-provider-azure': [],
      'gpu-operator': [],
      'ingress-nginx': [`ValidatingWebhookConfiguration ${caBundle(1)}`],
      'istio-base': ['ValidatingWebhookConfiguration /webhooks/0/clientConfig/caBundle /webhooks/0/failurePolicy'],
      'istio-ingressgateway': [],
      istiod: [
        'ValidatingWebhookConfiguration /webhooks/0/clientConfig/caBundle /webhooks/0/failurePolicy',
        `MutatingWebhookConfiguration ${caBundle(4)}`,
      ],
      'kube-prometheus-stack': [`ValidatingWebhookConfiguration ${caBundle(1)}`, `MutatingWebhookConfiguration ${caBundle(1)}`],
      'metrics-server': [],
      'snapshot-controller': [],
    });
  });

  // The synth already validated them against the generated validators; this is CI's second look,
  // against ../shared itself, which a clone without it skips (README "What ../shared is").
  const hasShared = existsSync(join(__dirname, '..', '..', '..', 'shared', 'schemas', 'k8s-1.28', '_definitions.json'));
  (hasShared ? test : test.skip)('validates strictly against the pinned Flux CRDs in ../shared (scripts/validate-dist.mjs, as .ci/run)', () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'addons-')), 'dist');
    const outcome = synthInto(everyAddon(), dist);
    if (!outcome.ok) throw new Error(refusalMessage(outcome));
    // One run over dist/ and kustomization/: the validator regenerates its schema code from ../shared first, which takes seconds.
    const trees = ['dist', 'kustomization'].map((tree) => join(dist, '..', tree));
    expect(trees.filter((tree) => existsSync(tree))).toEqual(trees);
    const run = spawnSync('node', ['scripts/validate-dist.mjs', ...trees], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    expect([run.status, run.stdout.trim().split('\n').pop()]).toEqual([0, expect.stringMatching(/ 0 invalid$/)]);
  });
});
