import { ApiObject, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { declareException, PolicyRule } from '../../lib/core/exceptions';
import { PodSecurityLevel } from '../../lib/core/pod-security';
import { SecureNamespace } from '../../lib/security/namespace';
import { WebService } from '../../lib/workloads/web-service';
import { rawPodSpec } from '../helpers';
import { Case, Context, PROBED, rawDeployment, web } from './fixtures';

/** A hand-written object of this kind in namespace "apps"; `body` is everything but apiVersion, kind and metadata. */
function raw(
  ctx: Context,
  apiVersion: string,
  kind: string,
  name: string,
  body: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): ApiObject {
  return new ApiObject(ctx.platform.apps, `${kind.toLowerCase()}-${name}`, {
    apiVersion,
    kind,
    metadata: { name, namespace: 'apps', ...metadata },
    ...body,
  });
}

/** A Service over the pods of rawDeployment, with these ports and spec fields. */
function rawService(ctx: Context, name: string, spec: Record<string, unknown>): ApiObject {
  rawDeployment(ctx);
  return raw(ctx, 'v1', 'Service', name, { spec: { selector: { app: 'raw' }, ...spec } });
}

const POLICY_PODS = { podSelector: { matchLabels: { app: 'raw' } } };

/** Admits outside traffic to the pods of rawDeployment, as a NodePort Service needs. */
function admitFromOutside(ctx: Context): void {
  raw(ctx, 'networking.k8s.io/v1', 'NetworkPolicy', 'raw-from-outside', {
    spec: { ...POLICY_PODS, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8080 }] }] },
  });
}

/**
 * A controller in the privileged namespace "node" whose pods take host port 9100, excused from
 * Pod Security restricted (host ports are for node agents).
 */
function hostPortPods(ctx: Context, kind: 'DaemonSet' | 'Job', name: string, spec: Record<string, unknown> = {}): void {
  if (!ctx.platform.infrastructure.node.tryFindChild('node-namespace')) {
    new SecureNamespace(ctx.platform.infrastructure, 'node-namespace', { name: 'node', podSecurity: PodSecurityLevel.PRIVILEGED });
  }
  const podSpec = rawPodSpec({
    ports: [
      { name: 'http', containerPort: 8080 },
      { name: 'metrics', containerPort: 9100, hostPort: 9100 },
    ],
  });
  const template = { metadata: { labels: { app: name } }, spec: kind === 'Job' ? { ...podSpec, restartPolicy: 'Never' } : podSpec };
  const obj = new ApiObject(ctx.platform.apps, name, {
    apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1',
    kind,
    metadata: { name, namespace: 'node' },
    spec: { ...(kind === 'DaemonSet' ? { selector: { matchLabels: { app: name } } } : {}), template, ...spec },
  });
  declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason: 'a node agent that serves on its node' });
}

/** Refused inputs: what the API server's own validation refuses, in objects no construct checked (L1 objects, JSON patches). */
export const apiServer: Case[] = [
  [
    'two containers of one name in an L1 pod template',
    (ctx) => {
      const spec = rawPodSpec();
      rawDeployment(ctx, {}, { ...spec, containers: [spec.containers[0], { ...spec.containers[0], ports: [] }] });
    },
    'test/apps/raw: spec.template.spec.containers[1].name must be unique among the pod\'s containers (containers[0] has it), or the API server refuses the Deployment (got "c"); fix: give every container, init container and ephemeral container its own name',
  ],
  [
    'two volumes of one name',
    (ctx) =>
      rawDeployment(
        ctx,
        {},
        {
          ...rawPodSpec(),
          volumes: [
            { name: 'tmp', emptyDir: {} },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      ),
    'test/apps/raw: spec.template.spec.volumes[1].name must be unique in the pod (volumes[0] has it), or the API server refuses the Deployment (got "tmp"); fix: give every volume its own name',
  ],
  [
    'a volumeMount naming no volume',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ volumeMounts: [{ name: 'cache', mountPath: '/cache' }] })),
    'test/apps/raw: spec.template.spec.containers[0].volumeMounts[0].name must name a volume of the pod (it declares none), or the API server refuses the Deployment (got "cache"); fix: declare the volume in the pod spec, or mount one it declares',
  ],
  [
    'a Service port 0',
    (ctx) => rawService(ctx, 'raw', { ports: [{ name: 'http', port: 0, targetPort: 8080 }] }),
    'test/apps/service-raw: spec.ports[0].port must be a port number from 1 to 65535, or the API server refuses the Service (got 0); fix: give the port clients connect to, e.g. 80',
  ],
  [
    'a Service port 65536',
    (ctx) => rawService(ctx, 'raw', { ports: [{ name: 'http', port: 65536, targetPort: 8080 }] }),
    'test/apps/service-raw: spec.ports[0].port must be a port number from 1 to 65535, or the API server refuses the Service (got 65536); fix: give the port clients connect to, e.g. 80',
  ],
  [
    'a Service name of 64 characters',
    (ctx) => rawService(ctx, 's'.repeat(64), { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
    'test/apps/service-ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss: metadata.name must be a DNS-1035 label (at most 63 lower-case letters, digits and "-", starting with a letter), or the API server refuses the Service (got "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"); fix: shorten it, and put a letter first',
  ],
  [
    'a Service name starting with a digit',
    (ctx) => rawService(ctx, '1web', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
    'test/apps/service-1web: metadata.name must be a DNS-1035 label (at most 63 lower-case letters, digits and "-", starting with a letter), or the API server refuses the Service (got "1web"); fix: shorten it, and put a letter first',
  ],
  [
    'a Service port name in upper case',
    (ctx) => rawService(ctx, 'raw', { ports: [{ name: 'HTTP', port: 80, targetPort: 8080 }] }),
    'test/apps/service-raw: spec.ports[0].name must be a DNS-1123 label (lower-case letters, digits and "-"), or the API server refuses the Service (got "HTTP"); fix: write it in lower case, e.g. "http"',
  ],
  [
    'a container port name in upper case',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ ports: [{ name: 'HTTP', containerPort: 8080 }] })),
    'test/apps/raw: spec.template.spec.containers[0].ports[0].name must be an IANA service name (1-15 lower-case letters, digits and single "-", with at least one letter), or the API server refuses the Deployment (got "HTTP"); fix: write it in lower case, e.g. "http"',
  ],
  [
    'a negative CPU request',
    (ctx) =>
      rawDeployment(ctx, {}, rawPodSpec({ resources: { requests: { cpu: '-100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } })),
    'test/apps/raw: spec.template.spec.containers[0].resources.requests.cpu must not be negative, or the API server refuses the Deployment (got "-100m"); fix: give the amount, e.g. "256Mi" or "100m"',
  ],
  [
    'a memory request above its limit',
    (ctx) =>
      rawDeployment(ctx, {}, rawPodSpec({ resources: { requests: { cpu: '100m', memory: '512Mi' }, limits: { cpu: '500m', memory: '256Mi' } } })),
    'test/apps/raw: spec.template.spec.containers[0].resources.requests.memory must be at most its limit 256Mi, or the API server refuses the Deployment (got "512Mi"); fix: raise the limit or lower the request',
  ],
  [
    'a GPU request below its limit',
    (ctx) =>
      rawDeployment(
        ctx,
        {},
        rawPodSpec({
          resources: {
            requests: { cpu: '100m', memory: '128Mi', 'nvidia.com/gpu': '1' },
            limits: { cpu: '500m', memory: '256Mi', 'nvidia.com/gpu': '2' },
          },
        }),
      ),
    'test/apps/raw: spec.template.spec.containers[0].resources.requests.nvidia.com/gpu must equal its limit 2 (nvidia.com/gpu cannot be overcommitted), or the API server refuses the Deployment (got "1"); fix: request what you limit',
  ],
  [
    'an HPA whose minReplicas is above maxReplicas',
    (ctx) => {
      rawDeployment(ctx);
      raw(ctx, 'autoscaling/v2', 'HorizontalPodAutoscaler', 'raw', {
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'raw' }, minReplicas: 5, maxReplicas: 2 },
      });
    },
    'test/apps/horizontalpodautoscaler-raw: spec.maxReplicas must be at least minReplicas (5), or the API server refuses the HorizontalPodAutoscaler (got 2); fix: raise maxReplicas or lower minReplicas',
  ],
  [
    'a CronJob schedule of six fields',
    (ctx) =>
      raw(ctx, 'batch/v1', 'CronJob', 'backup', {
        spec: { schedule: '0 0 2 * * *', jobTemplate: { spec: { template: { spec: { ...rawPodSpec(), restartPolicy: 'OnFailure' } } } } },
      }),
    'test/apps/cronjob-backup: spec.schedule must have five fields (minute hour day-of-month month day-of-week), not 6, or the API server refuses the CronJob (got "0 0 2 * * *"); fix: write five fields, e.g. "0 2 * * *" (02:00 daily), and a time zone in spec.timeZone',
  ],
  [
    'an Indexed Job without completions',
    (ctx) =>
      raw(ctx, 'batch/v1', 'Job', 'shards', { spec: { completionMode: 'Indexed', template: { spec: { ...rawPodSpec(), restartPolicy: 'Never' } } } }),
    'test/apps/job-shards: spec.completions must be set on an Indexed Job (it numbers the pods 0 to completions - 1), or the API server refuses the Job (got nothing); fix: give completions, e.g. 3',
  ],
  [
    'a Job whose pods restart Always',
    (ctx) => raw(ctx, 'batch/v1', 'Job', 'once', { spec: { template: { spec: rawPodSpec() } } }),
    'test/apps/job-once: spec.template.spec.restartPolicy must be OnFailure or Never in a Job\'s pods, or the API server refuses the Job (got nothing); fix: set restartPolicy: "OnFailure"',
  ],
  [
    'a liveness probe with successThreshold 2',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ livenessProbe: { tcpSocket: { port: 8080 }, successThreshold: 2 } })),
    'test/apps/raw: spec.template.spec.containers[0].livenessProbe.successThreshold must be 1 on a livenessProbe (one success ends it), or the API server refuses the Deployment (got 2); fix: drop successThreshold',
  ],
  [
    'a startup probe with successThreshold 3',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ startupProbe: { tcpSocket: { port: 8080 }, successThreshold: 3 } })),
    'test/apps/raw: spec.template.spec.containers[0].startupProbe.successThreshold must be 1 on a startupProbe (one success ends it), or the API server refuses the Deployment (got 3); fix: drop successThreshold',
  ],
  [
    'an exec probe with an empty command',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ readinessProbe: { exec: { command: [] } } })),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe.exec.command must list the command to run, or the API server refuses the Deployment (got []); fix: give the command and its arguments, e.g. ["pg_isready"]',
  ],
  [
    'a probe with two handlers',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ readinessProbe: { tcpSocket: { port: 8080 }, exec: { command: ['true'] } } })),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe may give only one handler, or the API server refuses the Deployment (got ["exec","tcpSocket"]); fix: write Probe.httpGet(...), Probe.tcpSocket(...) or Probe.exec([...])',
  ],
  [
    'whenUnsatisfiable: Maybe',
    (ctx) =>
      rawDeployment(
        ctx,
        {},
        {
          ...rawPodSpec(),
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'Maybe', labelSelector: { matchLabels: { app: 'raw' } } },
          ],
        },
      ),
    'test/apps/raw: spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable must be DoNotSchedule or ScheduleAnyway, or the API server refuses the Deployment (got "Maybe"); fix: write "ScheduleAnyway" for a preference, "DoNotSchedule" for a rule',
  ],
  [
    'dnsPolicy None without dnsConfig',
    (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), dnsPolicy: 'None' }),
    'test/apps/raw: spec.template.spec.dnsConfig must give at least one nameserver when dnsPolicy is None (the pod has no resolver otherwise), or the API server refuses the Deployment (got nothing); fix: add dnsConfig: { nameservers: [...] }, or drop dnsPolicy: None',
  ],
  [
    'an ExternalName Service without externalName',
    (ctx) => raw(ctx, 'v1', 'Service', 'db', { spec: { type: 'ExternalName' } }),
    'test/apps/service-db: spec.externalName must be set on an ExternalName Service, or the API server refuses the Service (got nothing); fix: give the DNS name it aliases, e.g. "db.example.com"',
  ],
  [
    'a Service with no ports',
    (ctx) => rawService(ctx, 'raw', { ports: [] }),
    'test/apps/service-raw: spec.ports must list at least one port (only a headless or ExternalName Service may have none), or the API server refuses the Service (got []); fix: give the port clients connect to',
  ],
  [
    'ipBlock.except equal to its block',
    (ctx) => {
      rawDeployment(ctx);
      raw(ctx, 'networking.k8s.io/v1', 'NetworkPolicy', 'raw', {
        spec: {
          ...POLICY_PODS,
          policyTypes: ['Egress'],
          egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] } }], ports: [{ port: 443 }] }],
        },
      });
    },
    'test/apps/networkpolicy-raw: spec.egress[0].to[0].ipBlock.except[0] must be a block strictly inside the cidr 10.0.0.0/8, or the API server refuses the NetworkPolicy (got "10.0.0.0/8"); fix: list only smaller blocks inside the cidr; to admit nothing, drop the peer',
  ],
  [
    'endPort after a named port',
    (ctx) => {
      rawDeployment(ctx);
      raw(ctx, 'networking.k8s.io/v1', 'NetworkPolicy', 'raw', {
        spec: { ...POLICY_PODS, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 'http', endPort: 9000 }] }] },
      });
    },
    'test/apps/networkpolicy-raw: spec.ingress[0].ports[0].endPort may not be set when port is a name, or the API server refuses the NetworkPolicy (got 9000); fix: give the range as port numbers',
  ],
  [
    'endPort without a port',
    (ctx) => {
      rawDeployment(ctx);
      raw(ctx, 'networking.k8s.io/v1', 'NetworkPolicy', 'raw', {
        spec: { ...POLICY_PODS, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }], ports: [{ endPort: 9000 }] }] },
      });
    },
    'test/apps/networkpolicy-raw: spec.ingress[0].ports[0].endPort may not be set without port (it ends the range port starts), or the API server refuses the NetworkPolicy (got 9000); fix: give the first port of the range in port',
  ],
  [
    'an Ingress pathType Regex',
    (ctx) => {
      rawService(ctx, 'raw', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
      raw(ctx, 'networking.k8s.io/v1', 'Ingress', 'raw', {
        spec: {
          rules: [
            {
              host: 'app.example.com',
              http: { paths: [{ path: '/api/.*', pathType: 'Regex', backend: { service: { name: 'raw', port: { number: 80 } } } }] },
            },
          ],
        },
      });
    },
    'test/apps/ingress-raw: spec.rules[0].http.paths[0].pathType must be one of Exact, Prefix, ImplementationSpecific, or the API server refuses the Ingress (got "Regex"); fix: write "Prefix" (a regular expression is a controller annotation, not a path type)',
  ],
  [
    'an Ingress path without a leading slash',
    (ctx) => {
      rawService(ctx, 'raw', { ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
      raw(ctx, 'networking.k8s.io/v1', 'Ingress', 'raw', {
        spec: {
          rules: [
            {
              host: 'app.example.com',
              http: { paths: [{ path: 'api', pathType: 'Prefix', backend: { service: { name: 'raw', port: { number: 80 } } } }] },
            },
          ],
        },
      });
    },
    'test/apps/ingress-raw: spec.rules[0].http.paths[0].path must be an absolute path (start with "/"), or the API server refuses the Ingress (got "api"); fix: write "/api"',
  ],
  [
    'a ConfigMap key with a slash',
    (ctx) =>
      new k8s.KubeConfigMap(ctx.platform.apps, 'config', {
        metadata: { name: 'config', namespace: 'apps' },
        data: { 'conf/app.yaml': 'mode: fast' },
      }),
    'test/apps/config: data["conf/app.yaml"] must be a key of letters, digits, "-", "_" and "." (it becomes a file name), at most 253 characters, not "." or "..", or the API server refuses the ConfigMap (got "conf/app.yaml"); fix: use e.g. "app.properties"',
  ],
  [
    '300 KiB of annotations',
    (ctx) =>
      new k8s.KubeConfigMap(ctx.platform.apps, 'config', {
        metadata: { name: 'config', namespace: 'apps', annotations: { 'example.com/notes': 'n'.repeat(300 * 1024) } },
        data: { mode: 'fast' },
      }),
    'test/apps/config: metadata.annotations must total at most 262144 bytes (256 KiB) of keys and values, or the API server refuses the ConfigMap (got "307217 bytes"); fix: keep large data in a ConfigMap the object refers to',
  ],
  [
    'ephemeral containers in a pod template',
    (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }] }),
    'test/apps/raw: spec.template.spec.ephemeralContainers may not be set in a pod template, or the API server refuses the Deployment (got ["debug"]); fix: drop them; add a debug container to a running pod with kubectl debug',
  ],
  [
    'a lower-case kind',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'raw', {
        apiVersion: 'apps/v1',
        kind: 'deployment',
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: rawPodSpec() } },
      }),
    'test/apps/raw: kind must be written Deployment (kinds are case-sensitive), or the API server refuses the object (got "deployment"); fix: write kind: "Deployment"',
  ],
  [
    'emptyDir sizeLimit "1GB"',
    (ctx) =>
      rawDeployment(
        ctx,
        {},
        { ...rawPodSpec({ volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }] }), volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '1GB' } }] },
      ),
    'test/apps/raw: spec.template.spec.volumes[0].emptyDir.sizeLimit must be a quantity, or the API server refuses the Deployment (got "1GB"); fix: write a quantity: a number with an optional suffix, binary (Ki, Mi, Gi, Ti) or decimal (k, M, G, T; m for milli), e.g. "512Mi" or "500m"',
  ],
  [
    'a Deployment that may neither add nor remove a pod in a rollout',
    (ctx) => rawDeployment(ctx, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
    'test/apps/raw: spec.strategy.rollingUpdate.maxUnavailable may not be 0 when maxSurge is 0 (the rollout could neither add nor remove a pod), or the API server refuses the Deployment (got 0); fix: allow one of them, e.g. maxSurge: 1',
  ],
  [
    'a toleration with a value under Exists',
    (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), tolerations: [{ key: 'dedicated', operator: 'Exists', value: 'db', effect: 'NoSchedule' }] }),
    'test/apps/raw: spec.template.spec.tolerations[0].value must be empty when operator is Exists, or the API server refuses the Deployment (got "db"); fix: drop value, or use operator: "Equal"',
  ],
  [
    'a patched Service port name in upper case on a WebService',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED)).service!.addJsonPatch(JsonPatch.replace('/spec/ports/0/name', 'HTTP')),
    'test/apps/web/service: spec.ports[0].name must be a DNS-1123 label (lower-case letters, digits and "-"), or the API server refuses the Service (got "HTTP"); fix: write it in lower case, e.g. "http"',
  ],
  [
    'a NodePort another Service of the cluster holds',
    (ctx) => {
      rawService(ctx, 'raw', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 31000 }] });
      raw(ctx, 'v1', 'Service', 'raw-admin', {
        spec: { type: 'NodePort', selector: { app: 'raw' }, ports: [{ name: 'http', port: 81, targetPort: 8080, nodePort: 31000 }] },
      });
      admitFromOutside(ctx);
    },
    "test/apps/service-raw-admin: spec.ports[0].nodePort is the node port of Service apps/raw too (a node port is the cluster's once), or the API server refuses the Service (got 31000); fix: give each Service its own node port, or leave nodePort out and let the cluster assign one",
  ],
  [
    'a NodePort outside the node port range on an L1 Service',
    (ctx) => {
      rawService(ctx, 'raw', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 8080 }] });
      admitFromOutside(ctx);
    },
    "test/apps/service-raw: spec.ports[0].nodePort must be in the cluster's node port range 30000-32767, or the API server refuses the Service (got 8080); fix: pick a port in that range, or leave nodePort out and let the cluster assign one",
  ],
  [
    'two DaemonSets taking one host port',
    (ctx) => {
      hostPortPods(ctx, 'DaemonSet', 'agent');
      hostPortPods(ctx, 'DaemonSet', 'exporter');
    },
    'test/apps/exporter: spec.template.spec.containers[0].ports[1].hostPort takes host port 9100/TCP, which DaemonSet node/agent takes on the same nodes: a node has each host port once, so the scheduler leaves the pod Pending (got "9100/TCP"); fix: give one of them another port, place them on pools that do not overlap, or expose the port through a Service instead',
  ],
  [
    'more pods with one host port than the pool has nodes',
    (ctx) => hostPortPods(ctx, 'Job', 'scan', { parallelism: 5 }),
    'test/apps/scan: spec.template.spec.containers[0].ports[1].hostPort takes host port 9100/TCP, for 5 pods on at most 3 nodes: a node has each host port once, so the scheduler leaves the pod Pending (got "9100/TCP"); fix: give one of them another port, place them on pools that do not overlap, or expose the port through a Service instead',
  ],
  [
    'a disruption budget of more than 100%',
    (ctx) => {
      rawDeployment(ctx, { replicas: 2 });
      raw(ctx, 'policy/v1', 'PodDisruptionBudget', 'raw', { spec: { maxUnavailable: '150%', selector: { matchLabels: { app: 'raw' } } } });
    },
    'test/apps/poddisruptionbudget-raw: spec.maxUnavailable must not be more than 100%, or the API server refuses the PodDisruptionBudget (got "150%"); fix: write at most "100%"',
  ],
];
