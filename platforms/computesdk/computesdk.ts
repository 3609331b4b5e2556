import { App } from 'cdk8s';
import {
  EnvValue,
  KUBERNETES_API_PORT,
  NetworkGraph,
  NodePoolInventory,
  Peer,
  Platform,
  Probe,
  SecureNamespace,
  ServiceClients,
  StorageClass,
  Volume,
  WebService,
  ZONE_LABEL,
} from '../../lib';
import { computePods } from './compute-pods';
import { ComputesdkConfig } from './config';
import { dataStores, MYSQL_SECRET, S3_SECRET } from './data-stores';

/** Ports compute pods may reach on the internet: git over ssh, http and https (package registries, APIs). */
const COMPUTE_EGRESS_PORTS = [22, 80, 443];

/** ComputeSDK (seed 000): gateway -> API and compute pods; MySQL, Redis, SeaweedFS behind the API. */
export function computesdk(app: App, config: ComputesdkConfig): Platform {
  const { pools, placement } = config;
  const platform = new Platform(app, { name: 'computesdk', pools, environment: config.environment, cluster: config.cluster });
  const { infrastructure, apps } = platform;
  const ns = config.namespaces;

  // Namespaces: core services and user workloads, each closed by default. The node pools (and
  // on EKS the Fargate profile the cluster must have) on record.
  new NodePoolInventory(infrastructure, 'node-pools', { name: 'computesdk-node-pools', pools: pools.all });
  new SecureNamespace(infrastructure, 'system-namespace', { name: ns.system });
  new SecureNamespace(infrastructure, 'workloads-namespace', { name: ns.workloads });
  const storage = config.storage.storageClass;
  if (storage.createEbsGp3) {
    StorageClass.awsEbsGp3(infrastructure, 'storage-class', {
      name: storage.name,
      iops: 3000,
      throughputMiBps: 125,
      allowVolumeExpansion: true,
      reclaimPolicy: 'Retain',
    });
  }

  // Compute Pod Runtime Environment: one pod a session, from this template.
  const compute = computePods(apps, infrastructure, config);

  // MySQL, Redis, SeaweedFS (master, volume, filer).
  const data = dataStores(apps, config, storage.name);

  // API Service: business logic, reached through the gateway; several replicas, autoscaled.
  const zoneSpread = config.spreadOverZones ? [{ topologyKey: ZONE_LABEL }] : undefined;
  const api = new WebService(apps, 'api', {
    name: 'computesdk-api',
    namespace: ns.system,
    pool: pools.get(placement.system),
    autoscaling: { minReplicas: config.api.minReplicas, maxReplicas: config.api.maxReplicas, cpuUtilization: config.api.cpuUtilization },
    disruptionBudget: { maxUnavailable: 1 },
    topologySpread: zoneSpread,
    containers: [
      {
        name: 'api',
        image: config.images.api,
        ports: [{ name: 'http', port: 8080 }],
        env: {
          MYSQL_HOST: data.mysql.dnsName,
          MYSQL_DATABASE: 'computesdk',
          MYSQL_USER: 'computesdk',
          MYSQL_PASSWORD: EnvValue.fromSecret(MYSQL_SECRET, 'password'),
          REDIS_URL: data.redis.url('redis', 'redis'),
          S3_ENDPOINT: data.filer.url('s3'),
          FILER_URL: data.filer.url('http'),
          S3_ACCESS_KEY: EnvValue.fromSecret(S3_SECRET, 'access-key'),
          S3_SECRET_KEY: EnvValue.fromSecret(S3_SECRET, 'secret-key'),
        },
        resources: config.api.resources,
        readinessProbe: Probe.httpGet('/health', 'http', { periodSeconds: 10 }),
        livenessProbe: Probe.httpGet('/health', 'http', { initialDelaySeconds: 15, periodSeconds: 20 }),
        volumeMounts: [{ volume: 'tmp', path: '/tmp' }],
      },
    ],
    volumes: [Volume.emptyDir('tmp', { sizeLimit: '64Mi' })],
  });

  // Gateway: the single entry point, behind a LoadBalancer. It proxies to the API and to the
  // compute pods' agents, and creates and deletes those pods, so it calls the Kubernetes API.
  const tls = config.gateway.tlsSecret;
  const listener = tls ? { name: 'https', port: 8443 } : { name: 'http', port: 8080 };
  const gateway = new WebService(apps, 'gateway', {
    name: 'compute-gateway',
    namespace: ns.system,
    pool: pools.get(placement.system),
    replicas: config.gateway.replicas,
    automountServiceAccountToken: true,
    topologySpread: zoneSpread,
    service: {
      type: 'LoadBalancer',
      ports: [{ name: listener.name, port: config.gateway.port }],
      loadBalancer: config.gateway.loadBalancer,
      clients: ServiceClients.anywhere('clients'),
    },
    containers: [
      {
        name: 'gateway',
        image: config.images.gateway,
        ports: [listener],
        env: {
          API_URL: api.url('http'),
          COMPUTE_NAMESPACE: ns.workloads,
          COMPUTE_TEMPLATE: compute.templateName('session'),
          COMPUTE_SESSION_LABEL: compute.userLabel,
          COMPUTE_AGENT_PORT: String(config.compute.agentPort),
          REDIS_URL: data.redis.url('redis', 'redis'),
          ...(tls ? { TLS_CERT_FILE: '/etc/gateway/tls/tls.crt', TLS_KEY_FILE: '/etc/gateway/tls/tls.key' } : {}),
        },
        resources: config.gateway.resources,
        readinessProbe: Probe.tcpSocket(listener.name, { periodSeconds: 10 }),
        livenessProbe: Probe.tcpSocket(listener.name, { initialDelaySeconds: 15, periodSeconds: 20 }),
        volumeMounts: [{ volume: 'tmp', path: '/tmp' }, ...(tls ? [{ volume: 'tls', path: '/etc/gateway/tls', readOnly: true }] : [])],
      },
    ],
    volumes: [Volume.emptyDir('tmp', { sizeLimit: '64Mi' }), ...(tls ? [Volume.secret('tls', tls)] : [])],
  });

  // RBAC: the gateway starts and stops compute pods in the workloads namespace only. No pods/exec
  // or pods/portforward: terminal I/O and port forwarding travel over the agent's own WebSocket.
  compute.grantInstantiate(gateway);

  // Network (clients -> gateway comes with its Service): gateway -> API, agents, Redis, API server; API -> data stores;
  // SeaweedFS among itself; compute pods -> the internet only (no cluster, no metadata address).
  new NetworkGraph(apps, 'network')
    .allow(Peer.pods(gateway), Peer.pods(api), ['http'])
    .allow(Peer.pods(gateway), Peer.pods(compute), ['agent'])
    .allow(Peer.pods(gateway), Peer.pods(data.redis), ['redis'])
    .allow(Peer.pods(gateway), Peer.kubernetesApiServer(), [KUBERNETES_API_PORT])
    .allow(Peer.pods(api), Peer.pods(data.mysql), ['mysql'])
    .allow(Peer.pods(api), Peer.pods(data.redis), ['redis'])
    .allow(Peer.pods(api), Peer.pods(data.filer), ['s3', 'http'])
    .allow(Peer.pods(data.filer), Peer.pods(data.master), ['http', 'grpc'])
    .allow(Peer.pods(data.filer), Peer.pods(data.volume), ['http', 'grpc'])
    .allow(Peer.pods(data.volume), Peer.pods(data.master), ['http', 'grpc'])
    .allow(Peer.pods(data.master), Peer.pods(data.volume), ['http', 'grpc'])
    .allow(Peer.pods(compute), Peer.internet(), COMPUTE_EGRESS_PORTS);
  return platform;
}
