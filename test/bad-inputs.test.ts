import { ApiObject, App, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { replaceDirectory } from '../lib/publish/dist-swap';
import { listFiles } from '../lib/output/file-tree';
import { Platform } from '../lib/flux/platform';
import { AcmeClusterIssuer } from '../lib/ingress/acme-issuer';
import { IngressController } from '../lib/ingress/ingress-controller';
import { NodePools } from '../lib/placement/node-pool';
import { declareException, PolicyRule } from '../lib/core/exceptions';
import { declareNotSecret } from '../lib/core/not-secret';
import { AzureKeyVaultSecrets } from '../lib/security/azure-key-vault';
import { SecureNamespace } from '../lib/security/namespace';
import { PodSecurityLevel } from '../lib/core/pod-security';
import { NetworkGraph, Peer } from '../lib/security/network-graph';
import { PodNetworkPolicy } from '../lib/security/pod-network-policy';
import { AppConfig } from '../lib/workloads/config-map';
import { ContainerProps } from '../lib/workloads/container';
import { StatefulStore } from '../lib/workloads/stateful-store';
import { WebService, WebServiceProps } from '../lib/workloads/web-service';
import { gimpStreamingPools } from '../platforms/gimp-streaming/pools';
import { CustomResourceDefinition } from '../lib/crds/custom-resource-definition';
import { IstioHttpsGateway, IstioIngressGateway, IstioVirtualService } from '../lib/ingress/istio';
import { WebIngress } from '../lib/ingress/web-ingress';
import { AlertRules } from '../lib/monitoring/alert-rules';
import { GpuTimeSlicingConfig } from '../lib/placement/gpu-sharing';
import { calculateRequiredNodes } from '../lib/scaling/capacity-plan';
import { CloudIdentity } from '../lib/workloads/cloud-identity';
import { ClusterAutoscalerSettings } from '../lib/scaling/cluster-autoscaler';
import { NamespacedRole } from '../lib/security/rbac';
import { StorageClass } from '../lib/storage/storage-class';
import { PodProps } from '../lib/workloads/pod';
import { ScheduledJob } from '../lib/workloads/scheduled-job';
import { SessionTemplates } from '../lib/workloads/session-templates';
import { Probe } from '../lib/workloads/probe';
import { PriorityClass } from '../lib/placement/priority-class';
import { RuntimeClass } from '../lib/placement/runtime-class';
import { CpuArch } from '../lib/placement/instance-types';
import { StaticNodes } from '../lib/placement/static-nodes';
import { HOSTNAME_LABEL } from '../lib/core/labels';
import { eddCloudNodes } from '../platforms/edd-cloud/nodes';
import { loadImageCatalog } from '../lib/workloads/image-catalog';
import { NodeDaemon } from '../lib/workloads/node-daemon';
import { PortRange } from '../lib/workloads/port-range';
import { CloudLoadBalancer } from '../lib/workloads/load-balancer';
import { computesdkEksPools } from '../platforms/computesdk/pools';
import { webTerminalPools } from '../platforms/web-terminal/pools';
import { webTerminalProduction } from '../platforms/web-terminal/config';
import { NodeCapacity } from '../lib/placement/capacity';
import { InstanceType } from '../lib/placement/instance-types';
import { NodePool } from '../lib/placement/node-pool';
import { container, rawPodSpec, refusalMessage, synthInto, testPlatform } from './helpers';

type Context = ReturnType<typeof testPlatform>;

/** Props of a valid web service in namespace "apps" on pool "general"; override what a case breaks. */
function web(ctx: Context, overrides: Partial<WebServiceProps> = {}, containerOverrides: Partial<ContainerProps> = {}): WebServiceProps {
  return { name: 'web', namespace: 'apps', pool: ctx.pools.get('general'), containers: [container(containerOverrides)], ...overrides };
}

const GUID = '11111111-2222-3333-4444-555555555555';

/** Session templates on the gimp-streaming pools with one variant; override what a case breaks. */
function sessions(ctx: Context, variant: Partial<PodProps> = {}, containerOverrides: Partial<ContainerProps> = {}): SessionTemplates {
  return new SessionTemplates(ctx.platform.apps, 'sessions', {
    name: 'session',
    namespace: 'apps',
    podLabels: { app: 'session' },
    userStorage: { volume: 'home', claimPrefix: 'home', size: '20Gi', storageClass: 'ssd' },
    snapshots: { snapshotClass: 'snapshots', namePrefix: 'snapshot' },
    variants: { main: { pool: gimpStreamingPools.get('cpu'), containers: [container(containerOverrides)], ...variant } },
  });
}
const SESSION_RESOURCES = { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } };
const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
/** A corpus case: a raw Deployment whose pod spec (and template annotations) break one Pod Security control. */
function podSecurityCase(control: string, spec: Record<string, unknown>, message: string, annotations?: Record<string, string>): [string, (ctx: Context) => void, string][] {
  return [[`Pod Security control ${control}`, (ctx) => {
    const deployment = rawDeployment(ctx, {}, { ...rawPodSpec(), ...spec });
    if (annotations) deployment.addJsonPatch(JsonPatch.add('/spec/template/metadata/annotations', annotations));
  }, message]];
}

/** A raw Deployment `raw` in namespace "apps" with pods labelled app=raw. */
function rawDeployment(ctx: Context, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = rawPodSpec()): ApiObject {
  return new ApiObject(ctx.platform.apps, 'raw', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'raw', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: podSpec }, ...spec } });
}

/** A raw StatefulSet `raw` in namespace "apps" (pods labelled app=raw); `spec` sets serviceName and claims. */
function rawStatefulSet(ctx: Context, spec: Record<string, unknown>): ApiObject {
  return new ApiObject(ctx.platform.apps, 'raw', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'raw', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: rawPodSpec() }, ...spec } });
}
const CLAIM_TEMPLATE = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
/** Container overrides that pass the probe rule. */
const PROBED: Partial<ContainerProps> = { readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') };

const PROMETHEUS = { namespace: 'monitoring', podLabels: { app: 'prometheus' }, selectorLabels: { release: 'prom' } };
const ALERT = { name: 'AppDown', expr: 'up == 0', for: '5m', severity: 'critical' as const, summary: 'down', description: 'the app is down' };

const SESSION_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'sessions.streaming.platform' },
  spec: { group: 'streaming.platform', scope: 'Namespaced', names: { kind: 'Session', plural: 'sessions' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { userId: { type: 'string' } } } } } } }] },
};

/** A valid nightly ScheduledJob "backup" in namespace "apps"; override what a case breaks. */
function backupJob(ctx: Context, overrides: Record<string, unknown>): ScheduledJob {
  return new ScheduledJob(ctx.platform.apps, 'backup', { name: 'backup', namespace: 'apps', schedule: '0 2 * * *', pool: ctx.pools.get('general'), containers: [container()], ...overrides });
}

/** Probes, so a web service passes every rule but the one a case is about. */
const PROBES: Partial<ContainerProps> = { readinessProbe: Probe.httpGet('/healthz', 'http'), livenessProbe: Probe.httpGet('/healthz', 'http') };
const CONTENT_FIX = 'keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")';
/** Fixtures the secret scanner knows (not real credentials; AWS's documented examples are ignored by it). */
const GITHUB_TOKEN = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;
const PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----\n${'MIIEowIBAAKCAQEA'.repeat(8)}\n-----END RSA PRIVATE KEY-----\n`;

const cases: [string, (ctx: Context) => void, string][] = [
  ['workload name that is not a DNS label', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { name: 'Web_App' })),
    'test/apps/web: name must be a DNS-1123 label (lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit) (got "Web_App"); fix: use a name such as "web-app"'],
  ['namespace name that is not a DNS label', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { namespace: 'my.apps' })),
    'test/apps/web: namespace must be a DNS-1123 label (lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit) (got "my.apps"); fix: use a name such as "my-apps"'],
  ['cpu that is not a quantity', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { resources: { requests: { cpu: 'fast', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } } })),
    'test/apps/web: containers[0].resources.requests.cpu must be a CPU quantity (got "fast"); fix: write cores ("2", "0.5") or millicores ("500m")'],
  ['memory in milli-bytes', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { resources: { requests: { cpu: '100m', memory: '512m' }, limits: { cpu: '1', memory: '1Gi' } } })),
    'test/apps/web: containers[0].resources.requests.memory is 0.512 bytes ("m" means milli) (got "512m"); fix: write "512Mi" for mebibytes'],
  ['cpu request above its limit', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { resources: { requests: { cpu: '2', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } })),
    'test/apps/web: containers[0].resources.requests.cpu is more than limits.cpu "500m" (got "2"); fix: lower the request or raise the limit'],
  ['memory request above its limit', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { resources: { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '1', memory: '512Mi' } } })),
    'test/apps/web: containers[0].resources.requests.memory is more than limits.memory "512Mi" (got "1Gi"); fix: lower the request or raise the limit'],
  ['container without resources', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { resources: undefined as any })),
    'test/apps/web: containers[0].resources must give requests and limits for cpu and memory (got nothing); fix: add resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } }'],
  ['unknown node pool', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: ctx.pools.get('huge') })),
    'node pools: pool is not a node pool of this cluster (got "huge"); fix: use one of: general, gpu, serverless'],
  ['workload too big for one node of its pool', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { resources: { requests: { cpu: '1', memory: '12Gi' }, limits: { cpu: '2', memory: '16Gi' } } })),
    'test/apps/web: resources.requests do not fit one node of pool general (Standard_B2ps_v2: 2 vCPU, 8Gi) (got {"cpu":"1","memory":"12Gi"}); fix: lower the requests or choose a pool with larger nodes'],
  ['two objects with one name', (ctx) => {
    new WebService(ctx.platform.apps, 'web', web(ctx));
    new WebService(ctx.platform.apps, 'web-again', web(ctx));
  }, ['ServiceAccount', 'Service', 'Deployment'].map((kind) => {
    const id = kind === 'ServiceAccount' ? 'service-account' : kind.toLowerCase();
    return `test/apps/web-again/${id}: metadata.name repeats the ${kind} apps/web already made by test/apps/web/${id} (got "web"); fix: give each object its own name, or create it once and share it`;
  }).join('\n')],
  ['placement that misses a toleration', (ctx) => {
    rawDeployment(ctx, {}, { ...rawPodSpec(), nodeSelector: { pool: 'gpu' } });
  }, 'test/apps/raw: spec.template.spec.tolerations miss the taint nvidia.com/gpu=present:NoSchedule of pool gpu, so the pod would never schedule (got []); fix: place the workload through its pool (pool: ...) so the tolerations come with it'],
  ['port name longer than 15 characters', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ports: [{ name: 'webrtc-signaling', port: 6901 }] })),
    'test/apps/web: containers[0].ports[0].name must be an IANA service name (1-15 lower-case letters, digits and single "-", with at least one letter) (got "webrtc-signaling"); fix: shorten it, e.g. "webrtc-signalin"'],
  ['port out of range', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ports: [{ name: 'http', port: 70000 }] })),
    'test/apps/web: containers[0].ports[0].port must be a whole port number from 1 to 65535 (got 70000); fix: give one port per entry; a Service cannot declare a range'],
  ['fractional GPU', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: ctx.pools.get('gpu') }, { resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' }, gpus: 0.25 } })),
    'test/apps/web: containers[0].resources.gpus must be a whole number of GPUs: nvidia.com/gpu is an extended resource, which cannot be split, and its request must equal its limit (got 0.25); fix: request gpus: 1 on a pool with GPU time-slicing (GpuSharing.timeSlicing(4) makes each physical GPU 4 schedulable units, so 1 unit is a quarter of a GPU\'s time)'],
  ['GPU on a pool without GPUs', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' }, gpus: 1 } })),
    'test/apps/web: pool has no GPUs (instance type Standard_B2ps_v2) but the pod requests 1 (got "general"); fix: place GPU work on a pool whose instance type has GPUs'],
  ['secret given as a literal environment value', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { DB_PASSWORD: 'hunter2' } })),
    'test/apps/web: containers[0].env.DB_PASSWORD looks like a secret but is given as a literal, which would be written to dist/ (got "<literal value hidden>"); fix: reference it with EnvValue.fromSecret("secret-name", "key") and keep the value in the cluster or a secret store'],
  ['secret-looking key in a ConfigMap', (ctx) => new AppConfig(ctx.platform.apps, 'config', { name: 'config', namespace: 'apps', data: { API_TOKEN: 'x' } }),
    'test/apps/config: data.API_TOKEN looks like a secret, and ConfigMaps are written to dist/ in clear (got "API_TOKEN"); fix: keep the value in a Secret or a secret store and reference it'],
  ['mount of a volume the pod does not declare', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { volumeMounts: [{ volume: 'cache', path: '/cache' }] })),
    'test/apps/web: containers[0].volumeMounts[0].volume names no volume of the pod (got "cache"); fix: declare it in volumes, or mount one of: (none declared)'],
  ['two containers with one name', (ctx) => new WebService(ctx.platform.apps, 'web', { ...web(ctx), containers: [container(), container({ ports: [] })] }),
    'test/apps/web: containers repeats the container name "app" (got "app"); fix: give every container name in the pod its own name'],
  ['label value longer than 63 characters', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { podLabels: { team: 'x'.repeat(64) } })),
    `test/apps/web: podLabels.team must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit) (got "${'x'.repeat(64)}"); fix: shorten it or move long text to an annotation`],
  ['namespaced object without a namespace', (ctx) => new ApiObject(ctx.platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } }),
    'test/apps/cm: metadata.namespace must be set: ConfigMap is namespaced and "default" is never assumed (got nothing); fix: set metadata.namespace to the namespace the object belongs in'],
  ['cluster-scoped object with a namespace', (ctx) => new ApiObject(ctx.platform.infrastructure, 'sc', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast', namespace: 'apps' } }),
    'test/infrastructure/sc: metadata.namespace must be empty: StorageClass is cluster-scoped (got "apps"); fix: remove the namespace'],
  ['service port aimed at no container port', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [{ name: 'http', port: 80, targetPort: 'web' }] } })),
    'test/apps/web: service.ports[0].targetPort names no container port (got "web"); fix: use one of: http'],
  ['nodePort on a ClusterIP service', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [{ name: 'http', port: 80, nodePort: 31000 }] } })),
    'test/apps/web: service.ports[0].nodePort is only allowed on NodePort and LoadBalancer Services (got 31000); fix: set the Service\'s type to "NodePort" or drop nodePort'],
  ['pod without containers', (ctx) => new WebService(ctx.platform.apps, 'web', { ...web(ctx), containers: [] }),
    'test/apps/web: containers must list at least one container (got []); fix: add the application container'],
  ['claim template with a bad storage class', (ctx) => new StatefulStore(ctx.platform.apps, 'db', { ...web(ctx, { name: 'db' }), volumeClaims: [{ name: 'data', size: '1Gi', storageClass: 'Fast SSD' }] }),
    'test/apps/db: volumeClaims[0].storageClass must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", at most 253 characters) (got "Fast SSD"); fix: use a name such as "fast-ssd"'],
  ['ACME issuer without a usable email', (ctx) => new AcmeClusterIssuer(ctx.platform.infrastructure, 'issuer', { name: 'le', email: 'ops', ingressController: IngressController.nginx() }),
    'test/infrastructure/issuer: email must be an email address (got "ops"); fix: give the team address that should get certificate expiry notices'],
  ['Key Vault tenant that is not a GUID', (ctx) => new AzureKeyVaultSecrets(ctx.platform.apps, 'kv', { name: 'kv', namespace: 'apps', keyVaultName: 'vault', tenantId: 'contoso', workloadIdentityClientId: GUID, secrets: [{ objectName: 'a', secretName: 'a', key: 'a' }] }),
    'test/apps/kv: tenantId must be a GUID (got "contoso"); fix: copy it from the Azure identity (az identity show --query clientId)'],
  ['network rule between two outside peers', (ctx) => new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.external('a'), Peer.external('b'), [80]),
    'test/apps/net: allow(a -> b) joins two peers this project does not manage (got "a/a->b/b"); fix: name at least one pod group emitted here with Peer.pods(...)'],
  ['network port range written backwards', (ctx) => new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.external('a'), Peer.pods({ name: 'w', namespace: 'apps', selector: { a: 'b' } }), [{ port: 8999, endPort: 8000 }]),
    'test/apps/net: allow(a -> w).ports[0].endPort is below port 8999 (got 8000); fix: give the range as port <= endPort'],
  // gimp-streaming: sessions, GPUs, privileges, scaling, storage
  ['session user id that is not a DNS label', (ctx) => sessions(ctx).renderForUser(ctx.platform.apps, 'main', 'User_42'),
    'test/apps/sessions.renderForUser: userId must be a DNS-1123 label (lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit) (got "User_42"); fix: use a name such as "user-42"'],
  ['session bigger than a CPU node', (ctx) => sessions(ctx, {}, { resources: { requests: { cpu: '17', memory: '2Gi' }, limits: { cpu: '17', memory: '4Gi' } } }),
    'test/apps/sessions: variants.main.resources.requests do not fit one node of pool cpu (c6g.4xlarge: 16 vCPU, 32Gi) (got {"cpu":"17","memory":"2Gi"}); fix: lower the requests or choose a pool with larger nodes'],
  ['GPU session on a pool without GPUs', (ctx) => sessions(ctx, {}, { resources: { ...SESSION_RESOURCES, gpus: 1 } }),
    'test/apps/sessions: variants.main.pool has no GPUs (instance type c6g.4xlarge) but the pod requests 1 (got "cpu"); fix: place GPU work on a pool whose instance type has GPUs'],
  ['two time-sliced GPU shares for one session', (ctx) => sessions(ctx, { pool: gimpStreamingPools.get('gpu') }, { resources: { ...SESSION_RESOURCES, gpus: 2 } }),
    'test/apps/sessions: variants.main.resources.gpus asks for more than one share of pool gpu, whose GPUs are time-sliced 4 ways: a second share adds no GPU time and the device plugin refuses it (got 2); fix: request gpus: 1, or use a pool without sharing for pods that need whole GPUs'],
  ['fractional GPU as the seed writes it', (ctx) => sessions(ctx, { pool: gimpStreamingPools.get('gpu') }, { resources: { ...SESSION_RESOURCES, gpus: '0.25' as unknown as number } }),
    'test/apps/sessions: variants.main.containers[0].resources.gpus must be a whole number of GPUs: nvidia.com/gpu is an extended resource, which cannot be split, and its request must equal its limit (got "0.25"); fix: request gpus: 1 on a pool with GPU time-slicing (GpuSharing.timeSlicing(4) makes each physical GPU 4 schedulable units, so 1 unit is a quarter of a GPU\'s time)'],
  ['privileged container without a declared exception', (ctx) => sessions(ctx, {}, { privileged: true as unknown as { reason: string } }),
    'test/apps/sessions: variants.main.containers[0].privileged must be a declared exception with a reason, not a switch (got true); fix: write privileged: { reason: "why this container needs the host\'s privileges" } and run the pod in a namespace whose Pod Security level is privileged'],
  ['bidirectional mount propagation in an unprivileged container', (ctx) => sessions(ctx, { volumes: [] }, { volumeMounts: [{ volume: 'home', path: '/data', propagation: 'Bidirectional' }] }),
    'test/apps/sessions: variants.main.containers[0].volumeMounts[0].propagation is only allowed in a privileged container (the API refuses it otherwise) (got "Bidirectional"); fix: use "HostToContainer" to see mounts made by another container, or declare privileged: { reason } on this one'],
  ['fixed replicas on an autoscaled workload', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 5, cpuUtilization: 70 } })),
    'test/apps/web: replicas must not be set together with autoscaling: the controller and the HorizontalPodAutoscaler would fight over it (got 3); fix: drop replicas and give autoscaling.minReplicas'],
  ['autoscaler without a metric', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { autoscaling: { minReplicas: 2, maxReplicas: 5 } })),
    'test/apps/web/autoscaler: autoscaling must scale on at least one metric (got {}); fix: set cpuUtilization and/or memoryUtilization (percent of the request)'],
  ['wildcard in a Role', (ctx) => new NamespacedRole(ctx.platform.apps, 'role', { name: 'r', namespace: 'apps', subjects: [{ name: 'web', namespace: 'apps' }], rules: [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }] }),
    'test/apps/role: rules[0].resources must not contain "*": a wildcard grants whatever is added later (got ["*"]); fix: list the resources explicitly'],
  ['backup schedule that is not cron', (ctx) => new ScheduledJob(ctx.platform.apps, 'backup', { name: 'backup', namespace: 'apps', schedule: 'daily at 2', pool: ctx.pools.get('general'), containers: [container()] }),
    'test/apps/backup: schedule must have five fields (minute hour day-of-month month day-of-week), not 3: it must be a cron schedule of five fields or a macro such as @daily (got "daily at 2"); fix: e.g. "0 2 * * *" for 02:00 every day; set the zone with timeZone'],
  ['gp3 throughput above what its IOPS allow', (ctx) => StorageClass.awsEbsGp3(ctx.platform.infrastructure, 'ssd', { name: 'ssd', iops: 3000, throughputMiBps: 1000 }),
    'test/infrastructure/ssd: throughputMiBps is more than gp3 allows for 3000 IOPS (0.25 MiB/s per IOPS) (got 1000); fix: raise iops to at least 4000 or lower the throughput'],
  ['cluster autoscaler total below the pools', (ctx) => new ClusterAutoscalerSettings(ctx.platform.infrastructure, 'ca', { maxNodesTotal: 50, minNodesTotal: 3, scaleDownUtilizationThreshold: 0.5, scaleDownUnneededTime: '10m', scaleDownDelayAfterAdd: '10m', pools: gimpStreamingPools.all }),
    'test/infrastructure/ca: maxNodesTotal is below the sum of the autoscaled pools\' maximums (90: cpu 1-50, gpu 0-20, storage 1-10, edge 2-10), so the autoscaler would stop before a pool reaches its maximum (got 50); fix: raise maxNodesTotal to at least 90 or lower a pool\'s maxNodes'],
  // Schema (Kubernetes 1.28 and the pinned CRDs, generated into lib/imports; the platform's own CRDs for its custom resources).
  ['unknown field on a built-in kind', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ imagePullPolicyy: 'Always' })),
    'test/apps/raw: spec.template.spec.containers[0].imagePullPolicyy is not a field of apps/v1 Deployment (schema: k8s-1.28) (got "Always"); fix: remove it, or correct its name'],
  ['wrong type for a built-in field', (ctx) => rawDeployment(ctx, { replicas: 'two' }),
    'test/apps/raw: spec.replicas must be integer in apps/v1 Deployment (schema: k8s-1.28) (got "two"); fix: write the field as the schema defines it'],
  ['custom resource with a field its CRD does not define', (ctx) => {
    new ApiObject(ctx.platform.apps, 'crd', SESSION_CRD);
    new ApiObject(ctx.platform.apps, 'session', { apiVersion: 'streaming.platform/v1', kind: 'Session', metadata: { name: 's1', namespace: 'apps' }, spec: { userId: 'u1', user: 'u1' } });
  }, 'test/apps/session: spec.user is not a field of streaming.platform/v1 Session (schema: CRD sessions.streaming.platform) (got "u1"); fix: remove it, or correct its name'],
  // Policy rules on hand-written (L1) objects.
  ['privileged container', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: true } })),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.privileged must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove privileged; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })'],
  ['excused hostPath pod in a baseline namespace', (ctx) => {
    new SecureNamespace(ctx.platform.infrastructure, 'tools', { name: 'tools', podSecurity: PodSecurityLevel.BASELINE });
    const pod = new ApiObject(ctx.platform.apps, 'agent', { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'agent', namespace: 'tools' },
      template: { metadata: { labels: { app: 'agent' } }, spec: { ...rawPodSpec(), volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }] } } });
    declareException(pod, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason: 'reads the node logs from the host' });
  }, 'test/apps/agent: template.spec.volumes[0] must not be a hostPath volume (Pod Security baseline) (namespace tools enforces baseline, so the exception cannot help) [pod-security-restricted] (got "hostPath"); fix: use a persistentVolumeClaim or a csi volume, or give namespace tools the Pod Security level this pod needs'],
  ['namespace without default deny', (ctx) => new k8s.KubeNamespace(ctx.platform.infrastructure, 'open', { metadata: { name: 'open' } }),
    'test/infrastructure/open: metadata.name names a namespace without a default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules) [default-deny] (got "open"); fix: create the namespace with SecureNamespace, which adds default-deny-all; or, if it cannot hold, declareException(obj, { rule: PolicyRule.DEFAULT_DENY, reason })'],
  ['role with a wildcard', (ctx) => new k8s.KubeRole(ctx.platform.apps, 'role', { metadata: { name: 'admin', namespace: 'apps' }, rules: [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }] }),
    'test/apps/role: rules[0].resources must not contain a wildcard [rbac-no-wildcards] (got ["*"]); fix: list the resources the role needs; or, if it cannot hold, declareException(obj, { rule: PolicyRule.RBAC_NO_WILDCARDS, reason })'],
  ['Secret with data', (ctx) => new k8s.KubeSecret(ctx.platform.apps, 'secret', { metadata: { name: 'db', namespace: 'apps' }, stringData: { password: 'hunter2' } }),
    'test/apps/secret: stringData would write secret values to dist/ [no-secret-values] (got "<literal value hidden>"); fix: keep the Secret out of dist/ and sync it from a secret store (AzureKeyVaultSecrets) or create it in the cluster'],
  ['literal secret in a hand-written pod', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ env: [{ name: 'API_TOKEN', value: 'abc' }] })),
    'test/apps/raw: spec.template.spec.containers[0].env[0].value is a literal value for API_TOKEN, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: reference it with valueFrom.secretKeyRef (EnvValue.fromSecret) and keep the value in the cluster or a secret store'],
  ['image tagged latest', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'mysql:latest' })),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (latest is not one) [images-pinned] (got "mysql:latest"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })'],
  ['image without a tag', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'registry.example.com:5000/app' })),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (it has no tag) [images-pinned] (got "registry.example.com:5000/app"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })'],
  ['container without probes', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ readinessProbe: undefined, livenessProbe: undefined })),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe must be set on a long-running container [probes-set] (got nothing); fix: add readinessProbe: Probe.httpGet(...), Probe.tcpSocket(...) or Probe.exec(...); or, if it cannot hold, declareException(obj, { rule: PolicyRule.PROBES_SET, reason })\ntest/apps/raw: spec.template.spec.containers[0].livenessProbe must be set on a long-running container [probes-set] (got nothing); fix: add livenessProbe: Probe.httpGet(...), Probe.tcpSocket(...) or Probe.exec(...); or, if it cannot hold, declareException(obj, { rule: PolicyRule.PROBES_SET, reason })'],
  ['hand-written container without limits', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ resources: { requests: { cpu: '100m', memory: '128Mi' } } })),
    'test/apps/raw: spec.template.spec.containers[0].resources must set limits.cpu, limits.memory [resources-set] (got {"requests":{"cpu":"100m","memory":"128Mi"}}); fix: give requests and limits for cpu and memory, e.g. requests { cpu: "100m", memory: "256Mi" }, limits { cpu: "500m", memory: "512Mi" }; or, if it cannot hold, declareException(obj, { rule: PolicyRule.RESOURCES_SET, reason })'],
  ['replicated workload without a disruption budget', (ctx) => rawDeployment(ctx, { replicas: 3 }),
    'test/apps/raw: spec.replicas makes a replicated workload that no PodDisruptionBudget covers [disruption-budget] (got 3); fix: add a PodDisruptionBudget (minAvailable: 1) selecting its pods; WebService and StatefulStore add one when replicas > 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.DISRUPTION_BUDGET, reason })'],
  ['fixed replicas on an HPA target', (ctx) => {
    rawDeployment(ctx, { replicas: 1 });
    new k8s.KubePodDisruptionBudget(ctx.platform.apps, 'pdb', { metadata: { name: 'raw', namespace: 'apps' }, spec: { minAvailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { app: 'raw' } } } });
    new k8s.KubeHorizontalPodAutoscalerV2(ctx.platform.apps, 'hpa', { metadata: { name: 'raw', namespace: 'apps' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'raw' }, minReplicas: 2, maxReplicas: 5 } });
  }, 'test/apps/raw: spec.replicas must not be set: HorizontalPodAutoscaler raw owns the replica count [hpa-owns-replicas] (got 1); fix: leave replicas unset and give the HPA its minReplicas; or, if it cannot hold, declareException(obj, { rule: PolicyRule.HPA_OWNS_REPLICAS, reason })'],
  ['Service that selects no pod', (ctx) => {
    rawDeployment(ctx);
    new k8s.KubeService(ctx.platform.apps, 'svc', { metadata: { name: 'raw', namespace: 'apps' }, spec: { selector: { app: 'rwa' }, ports: [{ port: 80 }] } });
  }, 'test/apps/svc: spec.selector selects no pod template emitted in namespace apps [selects-pods] (got {"app":"rwa"}); fix: select the labels of a workload of this platform, or remove the object; or, if it cannot hold, declareException(obj, { rule: PolicyRule.SELECTS_PODS, reason })'],
  ['NetworkPolicy that selects no pod', (ctx) => {
    rawDeployment(ctx);
    new k8s.KubeNetworkPolicy(ctx.platform.apps, 'np', { metadata: { name: 'raw', namespace: 'apps' }, spec: { podSelector: { matchLabels: { app: 'gone' } }, policyTypes: ['Ingress'] } });
  }, 'test/apps/np: spec.podSelector selects no pod template emitted in namespace apps [selects-pods] (got {"matchLabels":{"app":"gone"}}); fix: select the labels of a workload of this platform, or remove the object; or, if it cannot hold, declareException(obj, { rule: PolicyRule.SELECTS_PODS, reason })'],
  ['cluster-scoped custom resource with a namespace', (ctx) => {
    new ApiObject(ctx.platform.apps, 'crd', { ...SESSION_CRD, spec: { ...SESSION_CRD.spec, scope: 'Cluster' } });
    new ApiObject(ctx.platform.apps, 'session', { apiVersion: 'streaming.platform/v1', kind: 'Session', metadata: { name: 's1', namespace: 'apps' }, spec: { userId: 'u1' } });
  }, 'test/apps/session: metadata.namespace must be empty: Session is cluster-scoped [cluster-scope] (got "apps"); fix: remove the namespace'],
  ['exception from an unknown rule', (ctx) => rawDeployment(ctx).metadata.addAnnotation('policy.k8s-platforms.dev/allow-everything', 'because we said so'),
    'test/apps/raw: metadata.annotations["policy.k8s-platforms.dev/allow-everything"] declares an exception from an unknown rule (got "everything"); fix: use one of: pod-security-restricted, default-deny, rbac-no-wildcards, images-pinned, resources-set, probes-set, disruption-budget, hpa-owns-replicas, selects-pods, numeric-user, budget-allows-eviction, external-service-admitted, policy-ports-exposed, claim-templates, powerful-role-binding, create-pods-where-privileged, namespace-owned'],
  ['exception the object does not need', (ctx) => declareException(rawDeployment(ctx), { rule: PolicyRule.PROBES_SET, reason: 'the app has no health endpoint' }),
    'test/apps/raw: metadata.annotations["policy.k8s-platforms.dev/allow-probes-set"] declares an exception the object does not need (it breaks no part of that rule) (got "probes-set"); fix: remove the exception, so the rule guards this object again'],
  ['exception from a rule without exceptions', (ctx) => declareException(rawDeployment(ctx), { rule: PolicyRule.NO_SECRET_VALUES, reason: 'it is only a test password' }),
    'test/apps/raw: exception.rule names a rule that has no exceptions (got "no-secret-values"); fix: change the object so it follows the rule'],
  // Constructs and helpers with their own validation (the coverage test below asks for one each).
  ['duration that is not one', (ctx) => new AlertRules(ctx.platform.apps, 'alerts', { name: 'alerts', namespace: 'apps', prometheus: PROMETHEUS, groups: { app: [{ ...ALERT, for: 'five minutes' }] } }),
    'test/apps/alerts: groups.app[0].for must be a duration such as "30s", "10m" or "24h" (got "five minutes"); fix: write a number followed by ms, s, m, h or d'],
  ['alert name that is not CamelCase', (ctx) => new AlertRules(ctx.platform.apps, 'alerts', { name: 'alerts', namespace: 'apps', prometheus: PROMETHEUS, groups: { app: [{ ...ALERT, name: 'app-down' }] } }),
    'test/apps/alerts: groups.app[0].name must be a CamelCase alert name (got "app-down"); fix: e.g. "SessionManagerDown"'],
  ['CRD group without a dot', (ctx) => new CustomResourceDefinition(ctx.platform.infrastructure, 'crd', { group: 'streaming', kind: 'Session', plural: 'sessions', versions: [{ name: 'v1', storage: true, schema: { type: 'object' } }] }),
    'test/infrastructure/crd: group must contain a dot (the API server refuses groups without one) (got "streaming"); fix: use a domain you own, e.g. "streaming.example.com"'],
  ['Istio gateway without hosts', (ctx) => new IstioHttpsGateway(ctx.platform.apps, 'gw', { name: 'gw', namespace: 'apps', ingressGateway: IstioIngressGateway.default(), hosts: [], tlsSecret: 'tls' }),
    'test/apps/gw: hosts must list at least one host (got []); fix: e.g. hosts: ["app.example.com"]'],
  ['route to a backend of another namespace', (ctx) => {
    const gateway = new IstioHttpsGateway(ctx.platform.apps, 'gw', { name: 'gw', namespace: 'apps', ingressGateway: IstioIngressGateway.default(), hosts: ['app.example.com'], tlsSecret: 'tls' });
    const other = new WebService(ctx.platform.apps, 'other', web(ctx, { name: 'other', namespace: 'elsewhere' }));
    new IstioVirtualService(ctx.platform.apps, 'vs', { name: 'vs', namespace: 'apps', gateway, network: new NetworkGraph(ctx.platform.apps, 'net'), routes: [{ match: { prefix: '/' }, backend: other, port: 'http', timeout: '30s' }] });
  }, 'test/apps/vs: routes[0].backend is not in the VirtualService namespace "apps" (got "elsewhere/other"); fix: routes only reach Services of their own namespace: move the VirtualService or the backend'],
  ['Ingress path without a leading slash', (ctx) => new WebIngress(ctx.platform.apps, 'ingress', { name: 'site', namespace: 'apps', host: 'shop.example.com', controller: IngressController.nginx(), network: new NetworkGraph(ctx.platform.apps, 'net'),
    routes: [{ path: 'api', backend: new WebService(ctx.platform.apps, 'web', web(ctx)), port: 'http' }] }),
    'test/apps/ingress: routes[0].path must start with "/" (got "api"); fix: write "/api"'],
  ['GPU time-slicing config without a shared pool', (ctx) => new GpuTimeSlicingConfig(ctx.platform.infrastructure, 'gpu-sharing', { pools: ctx.pools.all }),
    'test/infrastructure/gpu-sharing: pools has no pool with GPU sharing (got ["general","gpu","serverless"]); fix: give a GPU pool gpuSharing: GpuSharing.timeSlicing(4), or drop this config'],
  ['capacity plan with more GPU sessions than sessions', () => calculateRequiredNodes(5, 8, { cpuSessionsPerNode: 10, gpuSessionsPerGpu: 4, gpusPerNode: 1, buffer: 1.2 }),
    'calculateRequiredNodes: gpuSessions is more than activeSessions (5); GPU sessions are part of the active ones (got 8); fix: pass all active sessions, GPU ones included, as activeSessions'],
  ['Key Vault name with an underscore', (ctx) => new AzureKeyVaultSecrets(ctx.platform.apps, 'kv', { name: 'kv', namespace: 'apps', keyVaultName: 'my_vault', tenantId: GUID, workloadIdentityClientId: GUID, secrets: [{ objectName: 'a', secretName: 'a', key: 'a' }] }),
    'test/apps/kv: keyVaultName must be a Key Vault name (3-24 letters, digits and "-", starting with a letter) (got "my_vault"); fix: use the vault\'s name as the Azure portal shows it'],
  ['IRSA role that is not an ARN', (ctx) => new ScheduledJob(ctx.platform.apps, 'backup', { name: 'backup', namespace: 'apps', schedule: '@daily', pool: ctx.pools.get('general'), containers: [container()], cloudIdentity: CloudIdentity.awsIamRole('backup-role') }),
    'test/apps/backup: cloudIdentity must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>) (got "backup-role"); fix: copy it from the role (aws iam get-role --query Role.Arn)'],
  ['session variant that does not exist', (ctx) => sessions(ctx).renderForUser(ctx.platform.apps, 'gpu', 'user-1'),
    'test/apps/sessions: variants is not a session variant (got "gpu"); fix: use one of: main'],
  ['two kinds of one API group that the layout writes to one file', (ctx) => {
    new ApiObject(ctx.platform.apps, 'widget', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'edge', namespace: 'apps' } });
    new ApiObject(ctx.platform.apps, 'widget-upper', { apiVersion: 'example.com/v1', kind: 'WIDGET', metadata: { name: 'edge', namespace: 'apps' } });
  }, 'test/apps/widget: metadata.name would be written to test/apps/apps/widget-edge.yaml, the file of another object (got "edge"); fix: give one of the two objects another name'],
  ['a construct that takes the id reserved for the Flux entry points', (ctx) => new Construct(ctx.app, 'kustomization'), 'kustomization: id is reserved for the Flux entry points (got "kustomization"); fix: give the construct another id than "kustomization"'],
  // Schema validation (issue 10 item 8, issue 11 section 2): exactly Kubernetes 1.28, pinned CRDs at synth, removed API versions, CRD versions and schemas.
  ['field added after 1.28 (lifecycle.preStop.sleep, 1.29)', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ lifecycle: { preStop: { sleep: { seconds: 5 } } } })),
    'test/apps/raw: spec.template.spec.containers[0].lifecycle.preStop.sleep is not a field of apps/v1 Deployment (schema: k8s-1.28) (got {"seconds":5}); fix: remove it, or correct its name'],
  ['API version removed before 1.28 (apps/v1beta1)', (ctx) => new ApiObject(ctx.platform.apps, 'old', { apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'old', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'old' } }, template: { metadata: { labels: { app: 'old' } }, spec: rawPodSpec() } } }),
  'test/apps/old: apiVersion is not served by Kubernetes 1.28: apps/v1beta1 Deployment was removed in 1.16 (got "apps/v1beta1"); fix: use apiVersion apps/v1'],
  ['policy/v1beta1 PodDisruptionBudget (removed in 1.25) for a replicated workload', (ctx) => {
    rawDeployment(ctx, { replicas: 2 });
    new ApiObject(ctx.platform.apps, 'pdb', { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'raw', namespace: 'apps' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'raw' } } } });
  }, 'test/apps/pdb: apiVersion is not served by Kubernetes 1.28: policy/v1beta1 PodDisruptionBudget was removed in 1.25 (got "policy/v1beta1"); fix: use apiVersion policy/v1' + '\n'
    // and the budget it meant to be does not count: the workload is still uncovered
    + 'test/apps/raw: spec.replicas makes a replicated workload that no PodDisruptionBudget covers [disruption-budget] (got 2); fix: add a PodDisruptionBudget (minAvailable: 1) selecting its pods; WebService and StatefulStore add one when replicas > 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.DISRUPTION_BUDGET, reason })'],
  ['misspelled field in a custom resource of a pinned CRD', (ctx) => new ApiObject(ctx.platform.apps, 'route', { apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'route', namespace: 'apps' },
    spec: { hosts: ['web.example.com'], gateway: ['apps/gw'], http: [{ route: [{ destination: { host: 'web' } }] }] } }),
  'test/apps/route: spec.gateway is not a field of networking.istio.io/v1beta1 VirtualService (schema: CRD virtualservices.networking.istio.io) (got ["apps/gw"]); fix: remove it, or correct its name'],
  ['CRD version named V1', (ctx) => new CustomResourceDefinition(ctx.platform.apps, 'crd', { group: 'streaming.platform', kind: 'Session', plural: 'sessions',
    versions: [{ name: 'V1', storage: true, schema: { type: 'object' } }] }),
  'test/apps/crd: versions[0].name must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter), as Kubernetes versions are: "v1", "v1beta1", "v2alpha1" (got "V1"); fix: use "v1"'],
  ['CRD schema with type strng', (ctx) => new CustomResourceDefinition(ctx.platform.apps, 'crd', { group: 'streaming.platform', kind: 'Session', plural: 'sessions',
    versions: [{ name: 'v1', storage: true, schema: { type: 'object', properties: { spec: { type: 'object', properties: { userId: { type: 'strng' } } } } } }] }),
  'test/apps/crd: versions[0].schema.properties.spec.properties.userId.type is not a schema type (object, array, string, integer, number, boolean) (got "strng"); fix: use one of those types; for an int-or-string set x-kubernetes-int-or-string (xKubernetesIntOrString in TypeScript)'],
  ['hand-written CRD whose schema does not compile', (ctx) => new ApiObject(ctx.platform.apps, 'crd', { ...SESSION_CRD, spec: { ...SESSION_CRD.spec,
    versions: [{ ...SESSION_CRD.spec.versions[0], schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'string', pattern: '([a-z' } } } } }] } }),
  'test/apps/crd: spec.versions[0].schema.openAPIV3Schema does not compile as a JSON schema: Invalid regular expression: /([a-z/u: Unterminated character class (got "v1"); fix: write the schema in OpenAPI v3 (types: object, array, string, integer, number, boolean; patterns as regular expressions)'],
  // Issue 10 (and issue 11's refusals of these constructs): Services, budgets, pod settings, user ids, probes, the new rules.
  ['two Service ports on 80/TCP', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [{ name: 'http', port: 80 }, { name: 'alt', port: 80, targetPort: 'http' }] } })),
    'test/apps/web: service.ports[1].port repeats port 80/TCP of this Service (the API server refuses it) (got 80); fix: give every Service port its own number, or map both to one port'],
  ['two container ports on 8080', (ctx) => new WebService(ctx.platform.apps, 'web', { ...web(ctx), containers: [container(), container({ name: 'sidecar', ports: [{ name: 'admin', port: 8080 }] })] }),
    'test/apps/web: containers[1].ports[0].port repeats port 8080/TCP of container app (the containers of a pod share one network) (got 8080); fix: give each container its own port number'],
  ['nodePort outside 30000-32767', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 80 }] } })),
    'test/apps/web: service.ports[0].nodePort must be a whole number from 30000 to 32767 (the cluster\'s node port range) (got 80); fix: pick a port in that range, or leave nodePort out and let the cluster assign one'],
  ['second Service without a name', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { extraServices: [{ type: 'LoadBalancer' }] })),
    'test/apps/web: extraServices[0].name must be given for every Service after the first (got nothing); fix: name it, e.g. "<workload>-public"'],
  ['probe on port 0', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { readinessProbe: Probe.httpGet('/healthz', 0) })),
    'test/apps/web: containers[0].readinessProbe.port is no port the container declares (got 0); fix: probe one of: "http" (8080)'],
  ['probe on a port name the container does not declare', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { livenessProbe: Probe.tcpSocket('metrics') })),
    'test/apps/web: containers[0].livenessProbe.port is no port the container declares (got "metrics"); fix: probe one of: "http" (8080)'],
  ['runAsUser: -1', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { runAsUser: -1 })),
    'test/apps/web: runAsUser must be a whole user or group id from 1 to 2147483647 (got -1); fix: give the numeric id the image\'s user has (e.g. 1000), or leave it out for 65532'],
  ['disruption budget with both minAvailable and maxUnavailable', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { minAvailable: 1, maxUnavailable: 1 } as any })),
    'test/apps/web: disruptionBudget must give exactly one of minAvailable and maxUnavailable (got {"minAvailable":1,"maxUnavailable":1}); fix: e.g. disruptionBudget: { maxUnavailable: 1 }, or false for pods meant to be evicted'],
  ['topology spread with maxSkew 0', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { topologySpread: [{ topologyKey: 'topology.kubernetes.io/zone', maxSkew: 0 }] })),
    'test/apps/web: topologySpread[0].maxSkew must be a whole number of at least 1 (got 0); fix: e.g. maxSkew: 1'],
  ['StatefulStore whose only Service is not headless', (ctx) => new StatefulStore(ctx.platform.apps, 'db', { ...web(ctx, { name: 'db', service: { type: 'ClusterIP' } }), volumeClaims: [{ name: 'data', size: '1Gi', storageClass: 'ssd' }] }),
    'test/apps/db: service.type leaves the StatefulSet without a headless governing Service (its pods get no stable DNS names) (got "ClusterIP"); fix: leave service.type out (headless is the default), or add extraServices: [{ name: "<name>-headless", type: "Headless" }]'],
  ['RuntimeClass on a serverless pool', (ctx) => new RuntimeClass(ctx.platform.infrastructure, 'gvisor', { name: 'gvisor', handler: 'runsc', pool: ctx.pools.get('serverless') }),
    'test/infrastructure/gvisor: pool is fargate capacity, which cannot run a custom RuntimeClass (got "serverless"); fix: choose a node-group pool whose nodes have the handler installed'],
  ['PriorityClass above the user range', (ctx) => new PriorityClass(ctx.platform.infrastructure, 'urgent', { name: 'urgent', value: 2_000_000_000 }),
    'test/infrastructure/urgent: value must be a whole number from -1000000000 to 1000000000 (higher is reserved for system classes) (got 2000000000); fix: e.g. value: 100000'],
  ['hand-written pod without a numeric user', (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } } }),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.runAsGroup must be a numeric id above 0 on a runAsNonRoot container (on it or on the pod) [numeric-user] (got nothing); fix: set runAsGroup to the numeric group id of the image\'s user (the workload constructs write 65532 unless told otherwise); or, if it cannot hold, declareException(obj, { rule: PolicyRule.NUMERIC_USER, reason })'],
  ['disruption budget that never allows an eviction', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { maxUnavailable: 0 } }, PROBED)),
    'test/apps/web/disruption-budget: spec.maxUnavailable never allows an eviction, so node drains hang [budget-allows-eviction] (got 0); fix: allow at least one: maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })'],
  ['hand-written probe on an undeclared port', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ readinessProbe: { httpGet: { path: '/', port: 9090 } } })),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe.httpGet.port is no port the container declares [probe-port-declared] (got 9090); fix: probe one of: http'],
  ['StatefulSet whose serviceName names no headless Service', (ctx) => rawStatefulSet(ctx, { serviceName: 'nothing', volumeClaimTemplates: [CLAIM_TEMPLATE] }),
    'test/apps/raw: spec.serviceName names no headless Service in namespace apps, so the pods get no stable DNS names [governing-service] (got "nothing"); fix: emit a Service of that name with clusterIP: None (StatefulStore makes one)'],
  ['LoadBalancer Service no NetworkPolicy opens', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'LoadBalancer' } }, PROBED)),
    'test/apps/web/service: spec.type opens the Service outside the cluster, but no NetworkPolicy admits outside traffic to its pods [external-service-admitted] (got "LoadBalancer"); fix: allow it: network.allow(Peer.internet(), Peer.pods(workload), [port]) or Peer.cidr(...) for the clients\' range; or, if it cannot hold, declareException(obj, { rule: PolicyRule.EXTERNAL_SERVICE_ADMITTED, reason })'],
  ['NetworkPolicy port the pods do not expose', (ctx) => {
    const app = new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED));
    new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.external('ingress-nginx'), Peer.pods(app), [9999]);
  }, 'test/apps/net/apps-web-from-ingress-nginx-ingress-nginx: spec.ingress[0].ports[0] is no port the selected pods expose [policy-ports-exposed] (got 9999); fix: open one of: 8080/TCP; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POLICY_PORTS_EXPOSED, reason })'],
  ['StatefulSet without claim templates', (ctx) => {
    rawStatefulSet(ctx, { serviceName: 'raw', volumeClaimTemplates: [] });
    new ApiObject(ctx.platform.apps, 'raw-service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'raw', namespace: 'apps' }, spec: { clusterIP: 'None', selector: { app: 'raw' }, ports: [{ name: 'http', port: 8080 }] } });
  }, 'test/apps/raw: spec.volumeClaimTemplates is empty: the pods keep no storage of their own [claim-templates] (got []); fix: add a claim template, or make it a Deployment (WebService); or, if it cannot hold, declareException(obj, { rule: PolicyRule.CLAIM_TEMPLATES, reason })'],
  ['CIDR peer with host bits set', (ctx) => new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.pods(new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED))), Peer.cidr('10.1.2.3/8', 'vpc'), [443]),
    'test/apps/net: allow(web -> vpc).to.cidr has host bits set below its /8 prefix (got "10.1.2.3/8"); fix: write the network address, e.g. "10.0.0.0/8"'],
  ['CIDR exception outside its block', (ctx) => new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.pods(new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED))), Peer.cidr('10.0.0.0/8', 'vpc', { except: ['192.168.0.0/16'] }), [443]),
    'test/apps/net: allow(web -> vpc).to.except[0] is not inside 10.0.0.0/8 (got "192.168.0.0/16"); fix: list only blocks inside the peer\'s cidr'],
  ['pod that asks for a whole node', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ resources: { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } } })),
    'test/apps/raw: spec.template.spec.containers ask for a whole node of pool general (Standard_B2ps_v2: 2 vCPU), more than its allocatable after system reservations, so the pod never schedules [fits-allocatable] (got {"cpu":"2","memory":"1Gi"}); fix: request less than a node (leave room for the kubelet and system daemons), or choose a pool with larger nodes'],
  // issue 15: add-ons and the closure check (every kind, namespace and reference made by the build, its add-ons or the declared cluster)
  ['custom resource whose kind nothing defines', (ctx) => new ApiObject(ctx.platform.apps, 'route', { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'web', namespace: 'apps' } }),
    'test/apps/route: kind is defined by no CRD of the build, no add-on it installs, and no add-on the cluster is declared to provide (got "traefik.io/v1alpha1 IngressRoute"); fix: declare the add-on that defines it where the construct is made (needAddon), put its CRD in the crds layer, or declare the add-on in the platform\'s cluster.provided with a reason'],
  ['object in a namespace nothing creates', (ctx) => new ApiObject(ctx.platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'ghost' } }),
    'test/apps/cm: metadata.namespace is created by nothing: no Namespace of the build, and not one Kubernetes or Flux makes (got "ghost"); fix: create the namespace in the build (SecureNamespace in the infrastructure layer), or declare it in cluster.prerequisites with who creates it'],
  ['RoleBinding to a Role the build does not make', (ctx) => new ApiObject(ctx.platform.apps, 'binding', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'reader', namespace: 'apps' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'apps' }] }),
    'test/apps/binding: roleRef.name names a Role in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "reader"); fix: create the Role in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['pod that reads a ConfigMap nothing creates', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ envFrom: [{ configMapRef: { name: 'settings' } }] })),
    'test/apps/raw: spec.template.spec.containers[0].envFrom[0].configMapRef.name names a ConfigMap in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "settings"); fix: create the ConfigMap in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['pod that mounts a Secret nothing creates', (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), volumes: [{ name: 'tls', secret: { secretName: 'tls' } }] }),
    'test/apps/raw: spec.template.spec.volumes[0].secret.secretName names a Secret in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "tls"); fix: create the Secret in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['pod that mounts a secret store the build does not make', (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), volumes: [{ name: 'vault', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault' } } }] }),
    'test/apps/raw: spec.template.spec.volumes[0].csi.volumeAttributes.secretProviderClass names a SecretProviderClass in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "vault"); fix: create the SecretProviderClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['pod that mounts a claim nothing creates', (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }),
    'test/apps/raw: spec.template.spec.volumes[0].persistentVolumeClaim.claimName names a PersistentVolumeClaim in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "data"); fix: create the PersistentVolumeClaim in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['pod with a PriorityClass nothing creates', (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), priorityClassName: 'interactive' }),
    'test/apps/raw: spec.template.spec.priorityClassName names a PriorityClass that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "interactive"); fix: create the PriorityClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['pod with a RuntimeClass nothing creates', (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), runtimeClassName: 'nvidia' }),
    'test/apps/raw: spec.template.spec.runtimeClassName names a RuntimeClass that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "nvidia"); fix: create the RuntimeClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['claim of a StorageClass nothing creates', (ctx) => new ApiObject(ctx.platform.apps, 'claim', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'apps' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } } }),
    'test/apps/claim: spec.storageClassName names a StorageClass that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "fast"); fix: create the StorageClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['cluster-provided add-on declared without a reason', (ctx) => new Platform(ctx.app, { name: 'edge', pools: ctx.pools, cluster: { provided: [{ addon: 'coredns', reason: 'k3s' }] } }),
    'edge: cluster.provided[0].reason must say why the cluster provides it (at least 10 characters) (got "k3s"); fix: e.g. "k3s ships Traefik in kube-system"'],
  ['two constructs that need one add-on with different settings', (ctx) => {
    new GpuTimeSlicingConfig(ctx.platform.infrastructure, 'sharing', { pools: gimpStreamingPools.all });
    new GpuTimeSlicingConfig(ctx.platform.infrastructure, 'sharing-again', { name: 'gpu-sharing', pools: gimpStreamingPools.all });
  }, 'test/infrastructure/sharing-again: addon asks for gpu-operator with other settings than test/infrastructure/sharing ({"addon":"gpu-operator","configMap":"time-slicing-config","namespace":"gpu-operator"}); one cluster runs one gpu-operator (got {"addon":"gpu-operator","configMap":"gpu-sharing","namespace":"gpu-operator"}); fix: give both the same settings (namespace, names, flags)'],
  ['ingress controller only a cluster provides, not declared provided', (ctx) => new AcmeClusterIssuer(ctx.platform.infrastructure, 'issuer', { name: 'letsencrypt', email: 'ops@example.com', ingressController: IngressController.traefik() }),
    'test/infrastructure/issuer: addon is an add-on only the cluster can provide (Traefik, shipped by k3s), and the platform does not declare it provided (got "traefik"); fix: declare it in the platform\'s cluster.provided with a reason, e.g. { addon: "traefik", reason: "..." }, or choose one the build installs'],
  ['add-on installed without the cluster input it needs', (ctx) => StorageClass.awsEbsGp3(ctx.platform.infrastructure, 'gp3', { name: 'gp3' }),
    'test/controllers/addons: cluster.inputs.aws must be given: the build installs aws-ebs-csi-driver, which cannot run without it (got nothing); fix: give the cluster\'s AWS inputs: aws: { clusterName, region, ebsCsiRoleArn, autoscalerRoleArn }'],
  ['HelmRelease into a namespace nothing creates', (ctx) => new ApiObject(ctx.platform.infrastructure, 'release', { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'cache', namespace: 'flux-system' },
    spec: { interval: '30m', targetNamespace: 'cache', chart: { spec: { chart: 'redis', version: '1.0.0', sourceRef: { kind: 'HelmRepository', name: 'charts' } } } } }),
    'test/infrastructure/release: spec.targetNamespace is created by nothing: no Namespace of the build, and not one Kubernetes or Flux makes (got "cache"); fix: create the namespace in the build (SecureNamespace in the infrastructure layer), or declare it in cluster.prerequisites with who creates it\ntest/infrastructure/release: spec.chart.spec.sourceRef.name names a HelmRepository in namespace flux-system that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "charts"); fix: create the HelmRepository in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['Application Gateway subnet that is not a CIDR', () => IngressController.azureApplicationGateway('10.0.0.0'),
    'IngressController.azureApplicationGateway: subnetCidr must be an IPv4 CIDR (got "10.0.0.0"); fix: give the Application Gateway subnet, e.g. "10.225.0.0/16"'],
  // Issue 11 (sections 1-4): secrets, refusals, Pod Security and RBAC reach, named errors.
  // issue 11, section 4: refusals that were raw stack traces
  ['environment value null', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { MODE: null as unknown as string } })),
    'test/apps/web: containers[0].env.MODE must be a string, a number or an EnvValue (got null); fix: write a literal such as "8080", or EnvValue.fromSecret(...) / EnvValue.fromConfigMap(...)'],
  ['environment value that is not a finite number', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { RATIO: Number.NaN } })),
    'test/apps/web: containers[0].env.RATIO must be a finite number or a string (got null); fix: write the value as a string'],
  ['undefined node pool', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: undefined as any })),
    'test/apps/web: pool must be a node pool of this cluster (got nothing); fix: pass one of the cluster\'s pools, e.g. pools.get("general")'],
  ['container ports that are not a list', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ports: { name: 'http', port: 8080 } as any })),
    'test/apps/web: containers[0].ports must be a list (got {"name":"http","port":8080}); fix: write it as an array, e.g. [ ... ]'],
  ['two constructs with one id', (ctx) => {
    new WebService(ctx.platform.apps, 'web', web(ctx));
    new WebService(ctx.platform.apps, 'web', web(ctx, { name: 'web-2' }));
  }, 'test/apps/web: id is already taken by another construct in the same scope (a construct or platform built twice) (got "web"); fix: give each construct its own id, or build it once and share it'],
  ['one platform built twice', (ctx) => new Platform(ctx.app, { name: 'test', pools: ctx.pools }),
    'test: id is already taken by another construct in the same scope (a construct or platform built twice) (got "test"); fix: give each construct its own id, or build it once and share it'],
  ['declareException without a rule', (ctx) => declareException(rawDeployment(ctx), { reason: 'the reason is long enough' } as any),
    'test/apps/raw: exception.rule must be a PolicyRule (got nothing); fix: write declareException(obj, { rule: PolicyRule.X, reason: "why the rule cannot hold here" })'],
  ['declareException with a reason that is not text', (ctx) => declareException(rawDeployment(ctx), { rule: PolicyRule.PROBES_SET, reason: undefined as any }),
    'test/apps/raw: exception.reason must say in at least 10 characters why probes-set cannot hold for this object (got nothing); fix: write the reason a reviewer needs'],
  // issue 11, section 1: secret values by name and by content, anywhere in an object
  ['a password in the userinfo of a URL', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, env: { DATABASE_URL: 'postgresql://user:pass@host/db' } })),
    `test/apps/web/deployment: spec.template.spec.containers[0].env[0].value holds what looks like a secret (url-userinfo/password) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`],
  ['a literal under a short secret name', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { DB_PASS: 'hunter2' } })),
    'test/apps/web: containers[0].env.DB_PASS looks like a secret but is given as a literal, which would be written to dist/ (got "<literal value hidden>"); fix: reference it with EnvValue.fromSecret("secret-name", "key") and keep the value in the cluster or a secret store'],
  ['an AWS access key under a neutral name', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, env: { S3_USER: 'AKIAQWERTYUIOPASDFGH' } })),
    `test/apps/web/deployment: spec.template.spec.containers[0].env[0].value holds what looks like a secret (aws/AWSAccessKeyID) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`],
  ['a password flag in args', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, args: ['--db-password=hunter2'] })),
    'test/apps/web/deployment: spec.template.spec.containers[0].args[0] gives --db-password a literal value, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: pass it from the environment ("--flag=$(VAR)" with VAR from EnvValue.fromSecret) or from a mounted Secret file'],
  ['a token flag and its value in command', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, command: ['/app', '--api-token', 'plain-value-1'] })),
    'test/apps/web/deployment: spec.template.spec.containers[0].command[2] gives --api-token a literal value, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: pass it from the environment ("--flag=$(VAR)" with VAR from EnvValue.fromSecret) or from a mounted Secret file'],
  ['a password line in a ConfigMap file', (ctx) => new AppConfig(ctx.platform.apps, 'config', { name: 'config', namespace: 'apps', data: { 'application.properties': 'server.port=8080\nspring.datasource.password=hunter2\n' } }),
    'test/apps/config/config-map: data.application.properties sets spring.datasource.password on one of its lines, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it'],
  ['a secret-looking binaryData key', (ctx) => new ApiObject(ctx.platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'apps' }, binaryData: { API_TOKEN: Buffer.from('abc').toString('base64') } }),
    'test/apps/cm: binaryData.API_TOKEN looks like a secret, and ConfigMaps are written to dist/ in clear [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it'],
  ['a private key inside binaryData', (ctx) => new ApiObject(ctx.platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'apps' }, binaryData: { 'tls.pem': Buffer.from(PRIVATE_KEY).toString('base64') } }),
    `test/apps/cm: binaryData.tls.pem holds what looks like a secret (privatekey/PrivateKey) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`],
  ['a token in an annotation', (ctx) => new ApiObject(ctx.platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'apps', annotations: { 'ci.example.com/webhook': GITHUB_TOKEN } } }),
    `test/apps/cm: metadata.annotations.ci.example.com/webhook holds what looks like a secret (github/GITHUB_TOKEN) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`],
  ['a token in a nested list of a custom resource', (ctx) => new ApiObject(ctx.platform.apps, 'cr', { apiVersion: 'example.com/v1', kind: 'Pipeline', metadata: { name: 'cr', namespace: 'apps' }, spec: { steps: [{ env: [['TOKEN_FOR_CI', GITHUB_TOKEN]] }] } }),
    `test/apps/cr: spec.steps[0].env[0][1] holds what looks like a secret (github/GITHUB_TOKEN) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`],
  ['a List wrapping a Secret', (ctx) => new ApiObject(ctx.platform.apps, 'list', { apiVersion: 'v1', kind: 'List', metadata: { name: 'bundle' }, items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'apps' }, data: { a: 'aGk=' } }] } as any),
    'test/apps/list: kind wraps objects that the checks would not see (kustomize unpacks it, e.g. into a Secret with data) (got "List"); fix: create each item as an object of its own'],
  ['a declared non-secret that the rule does not flag', (ctx) => {
    const cm = new ApiObject(ctx.platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'apps' }, data: { mode: 'fast' } });
    declareNotSecret(cm, 'data.mode', 'a speed setting, read by the app at start');
  }, 'test/apps/cm: metadata.annotations["policy.k8s-platforms.dev/not-secret"] declares a value not secret that no part of the rule flags [no-secret-values] (got "data.mode"); fix: remove the declaration, so the rule guards this value again'],
  ['a non-secret declared on a field that does not exist', (ctx) => declareNotSecret(new AppConfig(ctx.platform.apps, 'config', { name: 'config', namespace: 'apps', data: { mode: 'fast' } }), 'data.nothing', 'a speed setting, read by the app at start'),
    'test/apps/config: notSecret.field names no string field of an object made here (got "data.nothing"); fix: copy the field from the refusal, and pass the construct that makes the one object'],
  ['a non-secret declared without a reason', (ctx) => declareNotSecret(new AppConfig(ctx.platform.apps, 'config', { name: 'config', namespace: 'apps', data: { mode: 'fast' } }), 'data.mode', 'test'),
    'test/apps/config: notSecret.reason must say in at least 10 characters why the value is not a secret (got "test"); fix: write the reason a reviewer needs'],
  // issue 11, section 3: every Pod Security Standards control of v1.28, one case each (baseline 1-11, restricted 12-17)
  ...podSecurityCase('1 windowsHostProcess', { securityContext: { ...rawPodSpec().securityContext, windowsOptions: { hostProcess: true } } }, "test/apps/raw: spec.template.spec.securityContext.windowsOptions.hostProcess must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove hostProcess; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('2 hostNamespaces', { hostPID: true }, "test/apps/raw: spec.template.spec.hostPID must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove hostPID; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('3 privileged', rawPodSpec({ securityContext: { ...RESTRICTED_CONTAINER, privileged: true } }), "test/apps/raw: spec.template.spec.containers[0].securityContext.privileged must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove privileged; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('4 capabilities_baseline', rawPodSpec({ securityContext: { ...RESTRICTED_CONTAINER, capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } } }), "test/apps/raw: spec.template.spec.containers[0].securityContext.capabilities.add may only add NET_BIND_SERVICE (Pod Security restricted) [pod-security-restricted] (got [\"SYS_ADMIN\"]); fix: remove the added capabilities; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('5 hostPathVolumes', { volumes: [{ name: 'host', hostPath: { path: '/var/run' } }] }, "test/apps/raw: spec.template.spec.volumes[0] is a volume type restricted pods cannot use (Pod Security restricted) [pod-security-restricted] (got \"hostPath\"); fix: use emptyDir, configMap, secret, csi, projected or a persistentVolumeClaim; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('6 hostPorts', rawPodSpec({ ports: [{ containerPort: 8080, hostPort: 8080 }] }), "test/apps/raw: spec.template.spec.containers[0].ports[0].hostPort must not be set (Pod Security restricted) [pod-security-restricted] (got 8080); fix: expose the port through a Service; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('7 appArmorProfile', {}, "test/apps/raw: spec.template.metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/c\"] must be runtime/default or localhost/<profile> (Pod Security restricted) [pod-security-restricted] (got \"unconfined\"); fix: remove the annotation (the runtime default profile applies); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })", { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' }),
  ...podSecurityCase('8 seLinuxOptions', rawPodSpec({ securityContext: { ...RESTRICTED_CONTAINER, seLinuxOptions: { type: 'spc_t' } } }), "test/apps/raw: spec.template.spec.containers[0].securityContext.seLinuxOptions.type must be container_t, container_init_t or container_kvm_t (Pod Security restricted) [pod-security-restricted] (got \"spc_t\"); fix: remove seLinuxOptions.type; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('9 procMount', rawPodSpec({ securityContext: { ...RESTRICTED_CONTAINER, procMount: 'Unmasked' } }), "test/apps/raw: spec.template.spec.containers[0].securityContext.procMount must be Default (Pod Security restricted) [pod-security-restricted] (got \"Unmasked\"); fix: remove procMount; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('10 seccompProfile_baseline', { securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'Unconfined' } } }, "test/apps/raw: spec.template.spec.securityContext.seccompProfile.type must not be Unconfined (Pod Security restricted) [pod-security-restricted] (got \"Unconfined\"); fix: use RuntimeDefault; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod) (Pod Security restricted) [pod-security-restricted] (got \"Unconfined\"); fix: set seccompProfile: { type: RuntimeDefault } on the pod; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('11 sysctls', { securityContext: { ...rawPodSpec().securityContext, sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } }, "test/apps/raw: spec.template.spec.securityContext.sysctls[0].name must be a safe sysctl (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.ip_local_reserved_ports) (Pod Security restricted) [pod-security-restricted] (got \"kernel.msgmax\"); fix: remove the sysctl, or set it on the node; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('12 restrictedVolumes', { volumes: [{ name: 'share', nfs: { server: 'nfs.example.com', path: '/share' } }] }, "test/apps/raw: spec.template.spec.volumes[0] is a volume type restricted pods cannot use (Pod Security restricted) [pod-security-restricted] (got \"nfs\"); fix: use emptyDir, configMap, secret, csi, projected or a persistentVolumeClaim; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('13 allowPrivilegeEscalation', rawPodSpec({ securityContext: { capabilities: { drop: ['ALL'] } } }), "test/apps/raw: spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation must be false (Pod Security restricted) [pod-security-restricted] (got nothing); fix: set allowPrivilegeEscalation: false; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('14 runAsNonRoot', { securityContext: { runAsNonRoot: false, seccompProfile: { type: 'RuntimeDefault' } } }, "test/apps/raw: spec.template.spec.securityContext.runAsNonRoot must not be false (Pod Security restricted) [pod-security-restricted] (got false); fix: set runAsNonRoot: true; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.runAsNonRoot must be true (on the container or the pod) (Pod Security restricted) [pod-security-restricted] (got nothing); fix: set runAsNonRoot: true; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('15 runAsUser', { securityContext: { ...rawPodSpec().securityContext, runAsUser: 0 } }, "test/apps/raw: spec.template.spec.securityContext.runAsUser must not be 0 (root) (Pod Security restricted) [pod-security-restricted] (got 0); fix: run as a non-zero user id; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.runAsUser must not be 0 (root) (Pod Security restricted) [pod-security-restricted] (got 0); fix: run as a non-zero user id; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.runAsUser must be a numeric id above 0 on a runAsNonRoot container (on it or on the pod) [numeric-user] (got 0); fix: set runAsUser to the numeric user id of the image's user (the workload constructs write 65532 unless told otherwise); or, if it cannot hold, declareException(obj, { rule: PolicyRule.NUMERIC_USER, reason })"),
  ...podSecurityCase('16 seccompProfile_restricted', { securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000 } }, "test/apps/raw: spec.template.spec.containers[0].securityContext.seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod) (Pod Security restricted) [pod-security-restricted] (got nothing); fix: set seccompProfile: { type: RuntimeDefault } on the pod; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  ...podSecurityCase('17 capabilities_restricted', rawPodSpec({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'] } } }), "test/apps/raw: spec.template.spec.containers[0].securityContext.capabilities.drop must include \"ALL\" (Pod Security restricted) [pod-security-restricted] (got nothing); fix: drop ALL capabilities; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })"),
  // issue 11, property test findings: untyped props refused by field, not as TypeErrors
  ['Role rules that are not a list', (ctx) => new NamespacedRole(ctx.platform.apps, 'role', { name: 'r', namespace: 'apps', subjects: [{ name: 'web', namespace: 'apps' }], rules: { verbs: ['get'] } as any }),
    'test/apps/role: rules must be a list (got {"verbs":["get"]}); fix: write it as an array, e.g. [ ... ]'],
  ['a probe that is not a Probe', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { readinessProbe: { httpGet: { path: '/' } } as any })),
    'test/apps/web: containers[0].readinessProbe must be a Probe (got {"httpGet":{"path":"/"}}); fix: write Probe.httpGet("/healthz", "http"), Probe.tcpSocket("http") or Probe.exec([...])'],
  // issue 11, section 3: RBAC with real reach
  ['an app ServiceAccount bound to cluster-admin', (ctx) => new k8s.KubeClusterRoleBinding(ctx.platform.apps, 'admin-binding', { metadata: { name: 'web-admin' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'apps' }] }),
    'test/apps/admin-binding: roleRef binds the built-in ClusterRole cluster-admin to ServiceAccount apps/web [powerful-role-binding] (got "cluster-admin"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })'],
  ['a binding to a role that may escalate', (ctx) => {
    new k8s.KubeRole(ctx.platform.apps, 'role', { metadata: { name: 'granter', namespace: 'apps' }, rules: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get', 'bind', 'escalate'] }] });
    new k8s.KubeRoleBinding(ctx.platform.apps, 'binding', { metadata: { name: 'granter', namespace: 'apps' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'granter' }, subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'apps' }] });
  }, 'test/apps/binding: roleRef binds Role granter, which grants bind, escalate to ServiceAccount apps/web [powerful-role-binding] (got "granter"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })'],
  // issue 11, section 2 (the items of this branch): values the cluster would refuse
  ['a CIDR with a prefix beyond 32', (ctx) => new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.pods({ name: 'w', namespace: 'apps', selector: { a: 'b' } }), Peer.cidr('10.0.0.0/33', 'office'), [443]),
    'test/apps/net: allow(w -> office).to.cidr must be a CIDR block (address/prefix length) (got "10.0.0.0/33"); fix: e.g. "10.0.0.0/8" or "203.0.113.7/32"'],
  ['a PodNetworkPolicy port range written backwards', (ctx) => new PodNetworkPolicy(ctx.platform.apps, 'policy', { name: 'p', pods: { name: 'w', namespace: 'apps', selector: { a: 'b' } }, egress: [{ ports: [{ port: 9000, endPort: 8000 }] }] }),
    'test/apps/policy: egress[0].ports[0].endPort is below port 9000 (got 8000); fix: give the range as port <= endPort'],
  ['a Role that may create pods where privileged pods are allowed', (ctx) => {
    new SecureNamespace(ctx.platform.infrastructure, 'tools-namespace', { name: 'tools', podSecurity: PodSecurityLevel.PRIVILEGED });
    new NamespacedRole(ctx.platform.apps, 'launcher', { name: 'launcher', namespace: 'tools', subjects: [{ name: 'web', namespace: 'apps' }], rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'create'] }] });
  }, 'test/apps/launcher/role: rules let their subjects create pods in namespace tools, which admits privileged pods (root on the node) [create-pods-where-privileged] (got ["pods"]); fix: raise the Pod Security level of tools, or move what needs privileges elsewhere, or grant create on fewer resources; or, if it cannot hold, declareException(obj, { rule: PolicyRule.CREATE_PODS_WHERE_PRIVILEGED, reason })'],
  ['a cron schedule out of range', (ctx) => backupJob(ctx, { schedule: '60 25 * * *' }),
    'test/apps/backup: schedule has a minute field "60" that is outside 0-59: it must be a cron schedule of five fields or a macro such as @daily (got "60 25 * * *"); fix: e.g. "0 2 * * *" for 02:00 every day; set the zone with timeZone'],
  ['a cron schedule in words', (ctx) => backupJob(ctx, { schedule: 'at two am every day' }),
    'test/apps/backup: schedule has a minute field "at" that is not a number: it must be a cron schedule of five fields or a macro such as @daily (got "at two am every day"); fix: e.g. "0 2 * * *" for 02:00 every day; set the zone with timeZone'],
  ['a time zone that does not exist', (ctx) => backupJob(ctx, { timeZone: 'Mars/Olympus' }),
    'test/apps/backup: timeZone must be an IANA time zone name (the tz database the cluster ships) (got "Mars/Olympus"); fix: write e.g. "Etc/UTC" or "Europe/Berlin"'],
  ['a negative backoffLimit', (ctx) => backupJob(ctx, { backoffLimit: -1 }),
    'test/apps/backup: backoffLimit must be a whole number of at least 0 (got -1); fix: drop backoffLimit for the default, or give e.g. 3'],
  ['an activeDeadlineSeconds of 0', (ctx) => backupJob(ctx, { activeDeadlineSeconds: 0 }),
    'test/apps/backup: activeDeadlineSeconds must be a whole number of at least 1 (got 0); fix: drop activeDeadlineSeconds for the default, or give e.g. 3600'],
  ['an ACME server that is not a URL', (ctx) => new AcmeClusterIssuer(ctx.platform.infrastructure, 'issuer', { name: 'le', email: 'ops@example.com', ingressController: IngressController.nginx(), server: 'letsencrypt staging' }),
    'test/infrastructure/issuer: server must be the https URL of an ACME directory (got "letsencrypt staging"); fix: drop server for Let\'s Encrypt production, or give e.g. "https://acme-staging-v02.api.letsencrypt.org/directory"'],
  ['a Key Vault secret with an empty key', (ctx) => new AzureKeyVaultSecrets(ctx.platform.apps, 'kv', { name: 'kv', namespace: 'apps', keyVaultName: 'vault', tenantId: GUID, workloadIdentityClientId: GUID, secrets: [{ objectName: 'db-password', secretName: 'db', key: '' }] }),
    'test/apps/kv: secrets[0].key must not be empty (got ""); fix: give the key the value gets in the Kubernetes Secret, e.g. "password"'],
  ['an image with an empty tag', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { image: 'nginx:' })),
    'test/apps/web: containers[0].image is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>) (got "nginx:"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})'],
  ['an image with a short digest', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { image: 'app@sha256:abc' })),
    'test/apps/web: containers[0].image is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>) (got "app@sha256:abc"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})'],
  ['an image with an upper-case repository', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { image: 'registry.example.com/MyApp:1.0' })),
    'test/apps/web: containers[0].image has upper-case letters in its repository name (got "registry.example.com/MyApp:1.0"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})'],
  ['an image with an unfilled variable', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { image: 'app:${TAG}' })),
    'test/apps/web: containers[0].image is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>) (got "app:${TAG}"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})'],
  ['a floating tag other than latest', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'nginx:stable' })),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (stable is not one) [images-pinned] (got "nginx:stable"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })'],
  ['latest in capitals', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'nginx:LATEST' })),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (LATEST is not one) [images-pinned] (got "nginx:LATEST"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })'],
  // issue 14 (edd-cloud): static nodes by label, image architectures, port ranges, DaemonSet claims, host ports, image tags
  ['arm64-only image on a label set with an amd64 node', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: eddCloudNodes().withLabels({ 'core-services': 'true' }) }, { image: { ref: 'eddisonso/ecloud-auth:abc1234', architectures: [CpuArch.ARM64] } })),
    'test/apps/web: containers[0].image runs on arm64 only, but the placement core-services=true could choose s0 (amd64) (got "eddisonso/ecloud-auth:abc1234"); fix: build and push it for amd64 too (docker buildx --platform linux/arm64,linux/amd64) and declare it, or place it on arm64 nodes only (.onArch(CpuArch.ARM64))'],
  ['image without architectures on a mixed label set', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: eddCloudNodes().withLabels({ 'core-services': 'true' }) })),
    'test/apps/web: containers[0].image must declare the architectures it runs on, because the placement core-services=true selects nodes of more than one (s0 amd64, rp2 arm64) (got "registry.example.com/app:1.0.0"); fix: declare the platforms its manifest list holds (e.g. architectures: [CpuArch.AMD64, CpuArch.ARM64]), or narrow the placement with .onArch(...)'],
  ['label no node carries', () => eddCloudNodes().withLabels({ role: 'backend' }),
    'static nodes edd-cloud: labels select no node of this cluster (got {"role":"backend"}); fix: select with labels a node carries: backend=true (rp2, rp3, rp4), core-services=true (s0, rp2), db-role=replica (rp1), gfs-master=true (s0), role=chunkserver (s1, s2, s3), or a node by name (named("s0"))'],
  ['architecture no node of the label has', () => eddCloudNodes().withLabels({ 'gfs-master': 'true' }).onArch(CpuArch.ARM64),
    'static nodes edd-cloud: labels select no node of this cluster (got {"gfs-master":"true","kubernetes.io/arch":"arm64"}); fix: select with labels a node carries: backend=true (rp2, rp3, rp4), core-services=true (s0, rp2), db-role=replica (rp1), gfs-master=true (s0), role=chunkserver (s1, s2, s3), or a node by name (named("s0"))'],
  ['two static nodes with one name', () => new StaticNodes('lab', [{ name: 'n1', arch: CpuArch.AMD64, labels: { a: 'b' } }, { name: 'n1', arch: CpuArch.ARM64, labels: {} }]),
    'static nodes lab: nodes[1].name is used by two nodes (got "n1"); fix: give every node its own name'],
  ['DaemonSet with claim templates', (ctx) => new NodeDaemon(ctx.platform.apps, 'chunkserver', { ...web(ctx, {}, { volumeMounts: [{ volume: 'data', path: '/data' }] }), volumeClaims: [{ name: 'data', size: '100Gi', storageClass: 'local-path' }] }),
    'test/apps/chunkserver: volumeClaims cannot be given to a DaemonSet: only a StatefulSet makes a claim per pod from templates (apps/v1 DaemonSetSpec has no volumeClaimTemplates) (got ["data"]); fix: use a StatefulStore with replicas = the nodes, topologySpread: [ONE_PER_NODE] and the same placement (one pod a node, each with its own node-bound local-path claim)'],
  ['port range beyond the limit', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [PortRange.of(8000, 9999, 'p')] } })),
    'test/apps/web: service.ports[0] expands to 2000 ports, more than the 1000 one range may give (got "8000-9999"); fix: narrow the range or split it over several Services; a Service cannot declare a range, so each port is written out'],
  ['port range written backwards', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ports: [PortRange.of(9000, 8000, 'p')] })),
    'test/apps/web: containers[0].ports[0] must run from a lower to a higher port (got "9000-8000"); fix: write PortRange.of(8000, 9000, "p")'],
  ['port name repeated by a range', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [{ name: 'p8000', port: 80, targetPort: 'http' }, PortRange.of(8000, 8001, 'p')] } }, { ports: [{ name: 'http', port: 7080 }, PortRange.of(8000, 8001, 'p')] })),
    'test/apps/web: service.ports[1].name repeats a port name of this Service (got "p8000"); fix: give every Service port its own name'],
  ['host-network port clash on a shared node', (ctx) => {
    const nodes = eddCloudNodes();
    const daemon = (id: string, labels: Record<string, string>) => new WebService(ctx.platform.apps, id, web(ctx, { name: id, pool: nodes.withLabels(labels), hostNetwork: { reason: 'serves on the node address' } }, { ports: [{ name: 'gfs', port: 9080 }] }));
    daemon('chunkserver', { role: 'chunkserver' });
    daemon('other', { [HOSTNAME_LABEL]: 's2' });
  }, 'test/apps/other: hostNetwork claims host port 9080/TCP on s2, which test/apps/chunkserver also claims on s2 (got 9080); fix: give one of them another port, or place them on nodes that do not overlap'],
  ['host-network port k3s holds', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: eddCloudNodes().named('s1'), hostNetwork: { reason: 'serves on the node address' } }, { ports: [{ name: 'api', port: 6443 }] })),
    'test/apps/web: hostNetwork claims host port 6443/TCP on s1, which k3s itself (kubelet, flannel, API server, etcd) also claims on s1 (got 6443); fix: give one of them another port, or place them on nodes that do not overlap'],
  ['LoadBalancer on 80 with k3s\'s packaged Traefik left on', (ctx) => {
    const nodes = new StaticNodes('lab', [{ name: 'n1', arch: CpuArch.AMD64, labels: { role: 'edge' } }]);
    new WebService(ctx.platform.apps, 'web', web(ctx, { pool: nodes.withLabels({ role: 'edge' }), service: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }] } }));
  }, 'test/apps/web: service.type claims host port 80/TCP on n1, which k3s\'s packaged Traefik through ServiceLB (start the k3s servers with --disable=traefik and leave traefik out of cluster.provided to free it) also claims on n1 (got 80); fix: give one of them another port, or place them on nodes that do not overlap'],
  ['host-network port inside a LoadBalancer\'s ServiceLB ports', (ctx) => {
    const nodes = eddCloudNodes();
    new WebService(ctx.platform.apps, 'gateway', web(ctx, { name: 'gateway', pool: nodes.withLabels({ backend: 'true' }), service: { type: 'LoadBalancer', ports: [PortRange.of(8000, 8002, 'p')] } }, { ports: [PortRange.of(8000, 8002, 'p')] }));
    new WebService(ctx.platform.apps, 'agent', web(ctx, { name: 'agent', pool: nodes.withLabels({ role: 'chunkserver' }), hostNetwork: { reason: 'serves on the node address' } }, { ports: [{ name: 'http', port: 8001 }] }));
  }, 'test/apps/agent: hostNetwork claims host port 8001/TCP on s1, s2, s3, which test/apps/gateway/service (a LoadBalancer, through k3s ServiceLB) also claims on s1, s2, s3 (got 8001); fix: give one of them another port, or place them on nodes that do not overlap'],
  ['image tag that moves', () => loadImageCatalog('images.json', { gateway: { repository: 'docker.io/eddisonso/ecloud-gateway', tag: 'latest', architectures: ['amd64'] } }),
    'images.json: gateway.tag must be a commit (7-40 hex digits) or a version tag (got "latest"); fix: run: node scripts/set-image.mjs images.json gateway <commit sha>'],
  ['image pull secret that is not a DNS name', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { imagePullSecrets: ['Reg_Cred'] })),
    'test/apps/web: imagePullSecrets[0] must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", at most 253 characters) (got "Reg_Cred"); fix: use a name such as "reg-cred"'],
  // Issue 13: Fargate placement, never-pulled images, exec RBAC, untrusted session pods, cloud load balancers, the single node's size.
  ['gVisor RuntimeClass on a Fargate pod', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: ctx.pools.get('serverless'), runtimeClassName: 'gvisor' }, PROBED)),
    'test/apps/web: pool is fargate capacity, which cannot run a custom RuntimeClass (e.g. gVisor) (got "serverless"); fix: place this workload on a node-group pool, or drop the feature for this environment'],
  ['DaemonSet on Fargate (hand-written)', (ctx) => new ApiObject(ctx.platform.apps, 'raw', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'raw', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw', compute: 'fargate' } }, spec: { ...rawPodSpec(), nodeSelector: undefined } } } }),
    'test/apps/raw: kind puts the pod on pool serverless, which is fargate capacity and cannot run DaemonSets (got "DaemonSet"); fix: place this workload on a node-group pool, or drop the feature for this environment'],
  ['privileged container on Fargate', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: ctx.pools.get('serverless') }, { ...PROBED, privileged: { reason: 'mounts a FUSE file system for the user' } })),
    'test/apps/web: pool is fargate capacity, which cannot run privileged containers (got "serverless"); fix: place this workload on a node-group pool, or drop the feature for this environment'],
  ['GPU on Fargate', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: ctx.pools.get('serverless') }, { ...PROBED, resources: { ...container().resources, gpus: 1 } })),
    'test/apps/web: pool is fargate capacity, which cannot run GPUs (got "serverless"); fix: place this workload on a node-group pool, or drop the feature for this environment'],
  ['hostNetwork on Fargate (hand-written)', (ctx) => new ApiObject(ctx.platform.apps, 'raw', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'raw', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw', compute: 'fargate' } }, spec: { ...rawPodSpec(), nodeSelector: undefined, hostNetwork: true } } } }),
    'test/apps/raw: spec.template.spec.hostNetwork puts the pod on pool serverless, which is fargate capacity and cannot run hostNetwork (got true); fix: place this workload on a node-group pool, or drop the feature for this environment\ntest/apps/raw: spec.template.spec.hostNetwork must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove hostNetwork; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })'],
  ['pod outside the Fargate profile\'s namespaces', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: computesdkEksPools.get('compute') }, PROBED)),
    'test/apps/web: pool is fargate capacity whose profile computesdk-compute selects namespaces computesdk-workloads, so a pod in apps would stay Pending (got "compute"); fix: run the pod in one of: computesdk-workloads, or add its namespace to the profile'],
  ['Fargate profile without namespaces', () => new NodePool({ name: 'compute', instanceType: InstanceType.AWS_FARGATE, capacity: NodeCapacity.fargate({ name: 'compute', namespaces: [] }), minNodes: 0, maxNodes: 10, labels: { compute: 'fargate' } }),
    'node pool compute: capacity.fargateProfile.namespaces must name at least one namespace (got []); fix: list the namespaces whose pods run on Fargate'],
  ['exec role without get', (ctx) => new NamespacedRole(ctx.platform.apps, 'role', { name: 'terminal', namespace: 'apps', subjects: [{ name: 'web', namespace: 'apps' }], rules: [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }] }),
    'test/apps/role: rules[0].verbs grant pods/exec without "get": WebSocket clients (@kubernetes/client-node, kubectl 1.30+) open it with an HTTP GET, which RBAC checks as get (got ["create"]); fix: grant both "get" and "create" on pods/exec'],
  ['exec role without create', (ctx) => new NamespacedRole(ctx.platform.apps, 'role', { name: 'terminal', namespace: 'apps', subjects: [{ name: 'web', namespace: 'apps' }], rules: [{ apiGroups: [''], resources: ['pods', 'pods/exec'], verbs: ['get'] }] }),
    'test/apps/role: rules[0].verbs grant pods/exec without "create": SPDY clients open it with a POST, and from Kubernetes 1.35 the WebSocket upgrade is checked as create too (got ["get"]); fix: grant both "get" and "create" on pods/exec'],
  ['sandbox asking for a token', (ctx) => new SessionTemplates(ctx.platform.apps, 'sandbox', { name: 'sandbox', namespace: 'apps', podLabels: { app: 'sandbox' }, runsUntrustedCode: true,
    variants: { shell: { pool: ctx.pools.get('general'), automountServiceAccountToken: true, containers: [container(PROBED)] } } }),
    'test/apps/sandbox: variants.shell.automountServiceAccountToken must be false for a pod that runs user code: the user would hold its API token (got true); fix: drop it; the service that creates the pods calls the API, not the pod'],
  ['privileged container in a sandbox', (ctx) => new SessionTemplates(ctx.platform.apps, 'sandbox', { name: 'sandbox', namespace: 'apps', podLabels: { app: 'sandbox' }, runsUntrustedCode: true,
    variants: { shell: { pool: ctx.pools.get('general'), containers: [container({ ...PROBED, privileged: { reason: 'wants to run docker inside' } })] } } }),
    'test/apps/sandbox: variants.shell.containers[0].privileged is not allowed in a pod that runs user code: the user would get root on the pod, and with privileged the node (got {"reason":"wants to run docker inside"}); fix: run the container as a non-root user without privileges'],
  ['NodePort above 32767', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'NodePort', ports: [{ name: 'http', port: 3000, nodePort: 40000 }] } })),
    'test/apps/web: service.ports[0].nodePort must be a whole number from 30000 to 32767 (the cluster\'s node port range) (got 40000); fix: pick a port in that range, or leave nodePort out and let the cluster assign one'],
  ['never-pulled image on a pool that does not hold it', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: webTerminalPools(webTerminalProduction).get('gpu-t4') }, { ...PROBED, image: 'claudecode-sandbox:1.0.0', imagePullPolicy: 'Never' })),
    'test/apps/web: containers[0].image is never pulled (imagePullPolicy Never), but pool gpu-t4 does not hold it, so the pod would fail with ErrImageNeverPull (got "claudecode-sandbox:1.0.0"); fix: place the pod on a pool whose localImages list it (pool gpu-t4 lists none), or push it to a registry and use IfNotPresent'],
  ['never-pulled image on a pool that does not hold it (hand-written)', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ imagePullPolicy: 'Never' })),
    'test/apps/raw: spec.template.spec.containers[0].image is never pulled (imagePullPolicy Never), but pool general does not hold it, so the pod would fail with ErrImageNeverPull (got "registry.example.com/app:1.0.0"); fix: select only pools whose localImages list it, or push it to a registry and use IfNotPresent'],
  ['local image without a version tag', () => new NodePool({ name: 'node', instanceType: InstanceType.AWS_M6G_XLARGE, minNodes: 1, maxNodes: 1, labels: { node: 'one' }, localImages: ['claudecode-sandbox'] }),
    'node pool node: localImages[0] must be an image reference with a version tag (a never-pulled image is matched by its full name) (got "claudecode-sandbox"); fix: e.g. "claudecode-sandbox:1.0.0"'],
  ['sandbox too large for the single k3s node', (ctx) => new SessionTemplates(ctx.platform.apps, 'sandbox', { name: 'sandbox', namespace: 'apps', podLabels: { app: 'sandbox' },
    variants: { shell: { pool: webTerminalPools(webTerminalProduction).get('k8s-node'), containers: [container({ ...PROBED, resources: { requests: { cpu: '10', memory: '16Gi' }, limits: { cpu: '10', memory: '16Gi' } } })] } } }),
    'test/apps/sandbox: variants.shell.resources.requests do not fit one node of pool k8s-node (k8s-node: 8 vCPU, 240G) (got {"cpu":"10","memory":"16Gi"}); fix: lower the requests or choose a pool with larger nodes'],
  ['NLB idle timeout above 6000 seconds', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'LoadBalancer', loadBalancer: CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 7200 }) } }, PROBED)),
    'test/apps/web: service.loadBalancer.idleTimeoutSeconds must be a whole number of seconds from 60 to 6000 (an NLB TCP listener\'s idle timeout) (got 7200); fix: e.g. 3600 for long-lived WebSockets'],
  ['load balancer settings on a ClusterIP Service', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { loadBalancer: CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 3600 }) } }, PROBED)),
    'test/apps/web: service.loadBalancer only applies to a Service of type LoadBalancer, not ClusterIP (got "AWS Load Balancer Controller"); fix: set type: "LoadBalancer", or drop loadBalancer'],
  ['NLB Service on a cluster that does not declare the AWS Load Balancer Controller', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'LoadBalancer', loadBalancer: CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 3600 }) } }, PROBED)),
    'test/apps/web: addon is an add-on only the cluster can provide (AWS Load Balancer Controller, set up with the EKS cluster (IAM role, VPC)), and the platform does not declare it provided (got "aws-load-balancer-controller"); fix: declare it in the platform\'s cluster.provided with a reason, e.g. { addon: "aws-load-balancer-controller", reason: "..." }, or choose one the build installs'],
  // Issue 11, remaining: labels, selectors, probe timings, pool capacity, memory floor, ServiceAccounts, PromQL, L1 images, system namespaces
  ['a label-selector value with a space', (ctx) => {
    rawDeployment(ctx);
    new k8s.KubeService(ctx.platform.apps, 'svc', { metadata: { name: 'raw', namespace: 'apps' }, spec: { selector: { app: 'raw app' }, ports: [{ port: 80, targetPort: k8s.IntOrString.fromNumber(8080) }] } });
  }, 'test/apps/svc: spec.selector.app must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit) (got "raw app"); fix: shorten it or move long text to an annotation'],
  ['a 64-character label value on an L1 object', (ctx) => new k8s.KubeConfigMap(ctx.platform.apps, 'config', { metadata: { name: 'config', namespace: 'apps', labels: { team: 'a'.repeat(64) } }, data: { mode: 'fast' } }),
    'test/apps/config: metadata.labels.team must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit) (got "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); fix: shorten it or move long text to an annotation'],
  ['a negative probe period', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: -10 } })),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe.periodSeconds must be a whole number of at least 1 (got -10); fix: drop periodSeconds for the default, or give e.g. 10'],
  ['a probe timeout of 0', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { readinessProbe: Probe.httpGet('/healthz', 'http', { timeoutSeconds: 0 }), livenessProbe: Probe.httpGet('/healthz', 'http') })),
    'test/apps/web/deployment: spec.template.spec.containers[0].readinessProbe.timeoutSeconds must be a whole number of at least 1 (got 0); fix: drop timeoutSeconds for the default, or give e.g. 10'],
  ['replicas far beyond what the pool can hold', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 500 }, PROBES)),
    'test/apps/web/deployment: spec.replicas asks for more pods than pool general can ever hold: at most 60 (3 nodes of Standard_B2ps_v2, 2 vCPU and 8Gi each, pods requesting 100m CPU and 128Mi) [fits-pool] (got 500); fix: ask for at most 60, or raise the pool\'s maxNodes, or use a pool with larger nodes'],
  ['an HPA maxReplicas of a million', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { autoscaling: { minReplicas: 2, maxReplicas: 1000000, cpuUtilization: 70 } }, PROBES)),
    'test/apps/web/autoscaler/hpa: spec.maxReplicas asks for more pods than pool general can ever hold: at most 60 (3 nodes of Standard_B2ps_v2, 2 vCPU and 8Gi each, pods requesting 100m CPU and 128Mi) [fits-pool] (got 1000000); fix: ask for at most 60, or raise the pool\'s maxNodes, or use a pool with larger nodes'],
  ['memory of 1e3 (1000 bytes)', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, resources: { requests: { cpu: '100m', memory: '1e3' }, limits: { cpu: '500m', memory: '256Mi' } } })),
    'test/apps/web/deployment: spec.template.spec.containers[0].resources.requests.memory is 1000 bytes, below the 6Mi a container needs to start (runc\'s minimum memory limit) (got "1e3"); fix: write memory with a binary suffix, e.g. "256Mi"'],
  ['an L1 Deployment whose selector misses its template', (ctx) => rawDeployment(ctx, { selector: { matchLabels: { app: 'other' } } }),
    'test/apps/raw: spec.selector does not select the labels of its own pod template {"app":"raw"}, so the API server refuses the Deployment (got {"matchLabels":{"app":"other"}}); fix: make spec.selector.matchLabels a subset of spec.template.metadata.labels'],
  ['a serviceAccountName nothing creates', (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), serviceAccountName: 'ghost' }),
    'test/apps/raw: spec.template.spec.serviceAccountName names a ServiceAccount in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "ghost"); fix: create the ServiceAccount in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it'],
  ['unbalanced PromQL in AlertRules', (ctx) => new AlertRules(ctx.platform.apps, 'alerts', { name: 'alerts', namespace: 'apps', prometheus: PROMETHEUS, groups: { app: [{ ...ALERT, expr: 'sum(rate(http_requests_total[5m])' }] } }),
    'test/apps/alerts: groups.app[0].expr is not valid PromQL: it stops parsing at character 34 (the end: an unclosed bracket or a missing operand?) (got "sum(rate(http_requests_total[5m])"); fix: close every bracket and brace, and give each operator both operands, e.g. up{job="app"} == 0'],
  ['unbalanced PromQL in an L1 PrometheusRule', (ctx) => {
    new AlertRules(ctx.platform.apps, 'alerts', { name: 'alerts', namespace: 'apps', prometheus: PROMETHEUS, groups: { app: [ALERT] } }); // brings the operator that defines the kind
    new ApiObject(ctx.platform.apps, 'rule', { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'raw', namespace: 'apps' },
      spec: { groups: [{ name: 'app', rules: [{ alert: 'AppDown', expr: 'up{job="app" == 0', for: '5m' }] }] } });
  }, 'test/apps/rule: spec.groups[0].rules[0].expr is not valid PromQL: it stops parsing at character 14 ("== 0") (got "up{job=\\"app\\" == 0"); fix: close every bracket and brace, and give each operator both operands, e.g. up{job="app"} == 0'],
  ['an invalid image on an L1 object', (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'registry.example.com/app:' })),
    'test/apps/raw: spec.template.spec.containers[0].image is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>) (got "registry.example.com/app:"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})'],
  ['a workload in default', (ctx) => new ApiObject(ctx.platform.apps, 'raw', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'raw', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: rawPodSpec() } } }),
  'test/apps/raw: metadata.namespace puts a workload in default, a namespace the cluster makes for itself, outside the build\'s Pod Security level and default deny [namespace-owned] (got "default"); fix: run it in a namespace of the build (SecureNamespace); or, if it cannot hold, declareException(obj, { rule: PolicyRule.NAMESPACE_OWNED, reason })'],
  ['a workload in kube-system', (ctx) => new ApiObject(ctx.platform.apps, 'raw', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'raw', namespace: 'kube-system' },
    spec: { template: { metadata: { labels: { app: 'raw' } }, spec: { ...rawPodSpec(), restartPolicy: 'Never' } } } }),
  'test/apps/raw: metadata.namespace puts a workload in kube-system, a namespace the cluster makes for itself, outside the build\'s Pod Security level and default deny [namespace-owned] (got "kube-system"); fix: run it in a namespace of the build (SecureNamespace); or, if it cannot hold, declareException(obj, { rule: PolicyRule.NAMESPACE_OWNED, reason })'],
  // Review at the end of the session: a prop of the wrong type reached a raw TypeError.
  ['extraServices that is not a list', (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { extraServices: 'public' as any })),
    'test/apps/web: extraServices must be a list (got "public"); fix: write it as an array, e.g. [ ... ]'],
];
/** Runs a case like the synth would: build, then synthesize into `dist`; returns what was thrown. */
function runCase(build: (ctx: Context) => void, dist: string): Error | undefined {
  const ctx = testPlatform();
  try {
    build(ctx);
  } catch (e) {
    return e as Error; // refused while the construct was built
  }
  const outcome = synthInto(ctx.app, dist);
  if (outcome.ok) return undefined;
  // Refused by the synth's checks: one error as it is, several as one (their stacks lead to the first).
  return outcome.errors.length === 1 ? outcome.errors[0] : Object.assign(new Error(refusalMessage(outcome)), { stack: outcome.errors[0].stack });
}

const LIB = join(__dirname, '..', 'lib');

/**
 * The lib/ file whose validation refused the input: the first stack frame in lib/ that is not the
 * error plumbing (Site.fail, ValidationError). Taken from the error, so a case cannot claim a
 * construct it does not exercise.
 */
function refusingFile(error: Error): string | undefined {
  for (const match of (error.stack ?? '').matchAll(/\((\/[^():]+\.ts):\d+:\d+\)/g)) {
    const file = relative(LIB, match[1]);
    if (!file.startsWith('..') && file !== join('core', 'errors.ts')) return file;
  }
  return undefined;
}

/** The policy rules a refusal names: each finding ends in `[rule-id]`. */
function refusedRules(error: Error): string[] {
  return [...error.message.matchAll(/\[([a-z-]+)\] \(got /g)].map((m) => m[1]);
}

/** Every lib/ file that refuses input: it calls Site.fail or throws a ValidationError. */
function validatingFiles(dir: string = LIB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'imports' ? [] : validatingFiles(path);
    if (!entry.name.endsWith('.ts') || relative(LIB, path) === join('core', 'errors.ts')) return [];
    return /\.fail\(|new ValidationError\(/.test(readFileSync(path, 'utf8')) ? [relative(LIB, path)] : [];
  });
}

/**
 * Validating files whose refusals this corpus cannot reach, each with where it is tested instead.
 * An entry that no longer validates, or that a case now reaches, fails the coverage test.
 */
const COVERED_ELSEWHERE: Record<string, string> = {
  [join('gitops', 'shrink-guard.ts')]: 'compares a synth with the committed (or on-disk) dist/ and refuses removals: test/gitops/shrink-guard.test.ts, test/e2e/dist.test.ts',
  [join('gitops', 'git-source.ts')]: 'the app-wide Git source of the entry points: test/gitops/entry-points.test.ts',
};

describe('bad input: exact error, dist/ untouched', () => {
  const dist = join(mkdtempSync(join(tmpdir(), 'bad-input-')), 'dist');
  replaceDirectory(dist, new Map([['test/kustomization.yaml', 'resources: []\n'], ['test/apps/marker.yaml', 'before\n']]));
  const before = listFiles(dist).map((f) => [f, readFileSync(join(dist, f), 'utf8')]);
  const errors = new Map<string, Error | undefined>();

  test.each(cases)('%s', (title, build, message) => {
    const error = runCase(build, dist);
    errors.set(title, error);
    expect(error?.message).toBe(message);
    expect(listFiles(dist).map((f) => [f, readFileSync(join(dist, f), 'utf8')])).toEqual(before);
  });

  test('a platform with no objects is refused', () => {
    const app = new App();
    const platform = new Platform(app, { name: 'empty', pools: new NodePools([]) });
    void platform.apps; // a layer chart with nothing in it
    expect(refusalMessage(synthInto(app, dist))).toBe('empty: produced no objects; refusing to write an empty platform (Flux would prune everything it deployed)');
    expect(listFiles(dist).map((f) => [f, readFileSync(join(dist, f), 'utf8')])).toEqual(before);
  });
  test('an app with no platform is refused', () => {
    expect(refusalMessage(synthInto(new App(), dist))).toBe('the app defines no platform; refusing to replace dist/ with nothing');
  });

  describe('coverage: the corpus reaches every rule and every validating file', () => {
    /** Each case's error, from the run above, or run now when this test runs alone. */
    const allErrors = () => cases.map(([title, build]) => (errors.has(title) ? errors.get(title) : runCase(build, dist))).filter((e): e is Error => e !== undefined);

    test('every PolicyRule has a case that a check refuses under it', () => {
      const refused = new Set(allErrors().flatMap(refusedRules));
      expect(PolicyRule.rules.map((r) => r.id).filter((id) => !refused.has(id))).toEqual([]);
    });
    test('every lib/ file that refuses input has a case it refuses', () => {
      const refusing = new Set(allErrors().map(refusingFile));
      const missing = validatingFiles().filter((f) => !refusing.has(f) && !(f in COVERED_ELSEWHERE));
      expect(missing).toEqual([]);
    });
    test('the exceptions to the file coverage are still needed', () => {
      const refusing = new Set(allErrors().map(refusingFile));
      const validating = new Set(validatingFiles());
      expect(Object.keys(COVERED_ELSEWHERE).filter((f) => !validating.has(f) || refusing.has(f))).toEqual([]);
    });
  });
});
