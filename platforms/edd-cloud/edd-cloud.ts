import { App } from 'cdk8s';
import {
  AppConfig,
  EnvValue,
  NetworkGraph,
  NodePoolInventory,
  NodeSelection,
  ONE_PER_NODE,
  Peer,
  Platform,
  PodSecurityLevel,
  PortRange,
  PostgresDatabase,
  Probe,
  SecureNamespace,
  ServiceClients,
  ServicePort,
  StatefulStore,
  Volume,
  WebService,
} from '../../lib';
import { EDD_CLOUD_SECRETS, EddCloudConfig } from './config';
import { eddCloudNodes } from './nodes';

// Seed "Secrets": referenced by name only; the cluster contract declares who creates them.
const { postgres: POSTGRES_CREDENTIALS, auth: AUTH_SECRET, tls: TLS_SECRET, registry: REGISTRY_SECRET } = EDD_CLOUD_SECRETS;
/** Service port 80 in the table; the apps listen on 8080 so they need no privilege to bind. */
const HTTP: ServicePort = { name: 'http', port: 80, targetPort: 'http' };

/** Edd Cloud on k3s (seed 003): mixed amd64/arm64 nodes, placement by node labels. */
export function eddCloud(app: App, config: EddCloudConfig): Platform {
  const nodes = eddCloudNodes(config.cluster.provided);
  const platform = new Platform(app, { name: 'edd-cloud', pools: nodes.pools, cluster: config.cluster });
  const { infrastructure, apps } = platform;
  const { namespace, images } = config;
  const coreServices = nodes.withLabels({ 'core-services': 'true' }); // s0, rp2
  const backend = nodes.withLabels({ backend: 'true' }); // rp2, rp3, rp4
  const dbReplica = nodes.withLabels({ 'db-role': 'replica' }); // rp1
  const gfsMaster = nodes.withLabels({ 'gfs-master': 'true' }); // s0
  const chunkservers = nodes.withLabels({ role: 'chunkserver' }); // s1, s2, s3

  // Infrastructure: the nodes on record, the app namespace (restricted) and the chunkservers'
  // (privileged: they use the host network). k3s brings CoreDNS, metrics-server, local-path and
  // ServiceLB (config.cluster); nothing here installs them.
  new NodePoolInventory(infrastructure, 'nodes', { name: 'edd-cloud-nodes', pools: nodes.pools.all });
  new SecureNamespace(infrastructure, 'namespace', { name: namespace });
  new SecureNamespace(infrastructure, 'gfs-namespace', { name: config.gfsNamespace, podSecurity: PodSecurityLevel.PRIVILEGED });

  const database = { DATABASE_URL: EnvValue.fromSecret(POSTGRES_CREDENTIALS, 'database-url') };
  const jwt = { JWT_SECRET: EnvValue.fromSecret(AUTH_SECRET, 'jwt-secret') };
  const webApp = (name: string, pool: NodeSelection, replicas: number, env = {}) =>
    new WebService(apps, name, {
      name,
      namespace,
      pool,
      replicas,
      imagePullSecrets: [REGISTRY_SECRET],
      topologySpread: replicas > 1 ? [ONE_PER_NODE] : undefined,
      service: { ports: [HTTP] },
      containers: [
        {
          name,
          image: images[name],
          env,
          resources: config.resources.app,
          ports: [{ name: 'http', port: 8080 }],
          readinessProbe: Probe.httpGet('/healthz', 'http'),
          livenessProbe: Probe.httpGet('/healthz', 'http'),
        },
      ],
    });

  // Seed "Deployments": each on its label with its replica count; two replicas on two nodes.
  const gateway = new WebService(apps, 'gateway', {
    name: 'gateway',
    namespace,
    pool: coreServices,
    replicas: 1,
    imagePullSecrets: [REGISTRY_SECRET],
    // ServiceLB hides the client's address from the pods, so the gateway answers anyone who reaches
    // the nodes (the seed's public *.eddisonso.com, through the home router).
    service: {
      type: 'LoadBalancer',
      ports: [HTTP, { name: 'https', port: 443 }, { name: 'ssh', port: 2222 }, PortRange.of(8000, 8999, 'p')],
      clients: ServiceClients.anywhere('clients'),
    },
    containers: [
      {
        name: 'gateway',
        image: images.gateway,
        env: jwt,
        resources: config.resources.app,
        ports: [{ name: 'http', port: 7080 }, { name: 'https', port: 7443 }, { name: 'ssh', port: 2222 }, PortRange.of(8000, 8999, 'p')],
        readinessProbe: Probe.httpGet('/healthz', 'http'),
        livenessProbe: Probe.httpGet('/healthz', 'http'),
        volumeMounts: [{ volume: 'tls', path: '/etc/tls', readOnly: true }],
      },
    ],
    volumes: [Volume.secret('tls', TLS_SECRET)],
  });
  const authService = webApp('auth-service', backend, 1, { ...database, ...jwt });
  const sfsBackend = webApp('simple-file-share-backend', backend, 2, { ...database, ...jwt });
  const sfsFrontend = webApp('simple-file-share-frontend', backend, 2);
  const eddCompute = webApp('edd-compute', backend, 2, { ...database, ...jwt });
  const clusterMonitor = webApp('cluster-monitor', backend, 2);
  const notification = webApp('notification-service', coreServices, 1, { ...database, ...jwt });
  const docs = webApp('edd-cloud-docs', backend, 2);
  const logService = new WebService(apps, 'log-service', {
    name: 'log-service',
    namespace,
    pool: backend,
    replicas: 1,
    imagePullSecrets: [REGISTRY_SECRET],
    service: { ports: [{ name: 'grpc', port: 50051 }, HTTP] },
    containers: [
      {
        name: 'log-service',
        image: images['log-service'],
        resources: config.resources.app,
        ports: [
          { name: 'grpc', port: 50051 },
          { name: 'http', port: 8080 },
        ],
        readinessProbe: Probe.tcpSocket('grpc'),
        livenessProbe: Probe.tcpSocket('grpc'),
      },
    ],
  });
  const nats = new WebService(apps, 'nats', {
    name: 'nats',
    namespace,
    pool: backend,
    replicas: 1,
    containers: [
      {
        name: 'nats',
        image: images.nats,
        resources: config.resources.app,
        args: ['--http_port', '8222'],
        ports: [
          { name: 'client', port: 4222 },
          { name: 'monitor', port: 8222 },
        ],
        readinessProbe: Probe.httpGet('/healthz', 'monitor'),
        livenessProbe: Probe.httpGet('/healthz', 'monitor'),
      },
    ],
  });
  const master = new WebService(apps, 'gfs-master', {
    name: 'gfs-master',
    namespace,
    pool: gfsMaster,
    replicas: 1,
    imagePullSecrets: [REGISTRY_SECRET],
    containers: [
      {
        name: 'gfs-master',
        image: images['gfs-master'],
        resources: config.resources.app,
        ports: [{ name: 'gfs', port: 9000 }],
        readinessProbe: Probe.tcpSocket('gfs'),
        livenessProbe: Probe.tcpSocket('gfs'),
      },
    ],
  });

  // Seed "GFS Chunkservers": a DaemonSet cannot have claim templates (NodeDaemon refuses it), so
  // a StatefulSet, one pod a node on s1-s3, host network, a 100Gi local-path claim each: the
  // claim survives pod restarts and local-path binds it to the node the pod first ran on.
  const chunkserver = new StatefulStore(apps, 'gfs-chunkserver', {
    name: 'gfs-chunkserver',
    namespace: config.gfsNamespace,
    pool: chunkservers,
    replicas: chunkservers.size,
    topologySpread: [ONE_PER_NODE],
    podManagementPolicy: 'Parallel',
    imagePullSecrets: [REGISTRY_SECRET],
    hostNetwork: { reason: "chunkservers serve and advertise chunks on their node's own address" },
    containers: [
      {
        name: 'gfs-chunkserver',
        image: images['gfs-chunkserver'],
        resources: config.resources.app,
        env: { GFS_MASTER: master.address('gfs') },
        ports: [
          { name: 'client', port: 9080 },
          { name: 'replication', port: 9081 },
        ],
        readinessProbe: Probe.tcpSocket('client'),
        livenessProbe: Probe.tcpSocket('client'),
        volumeMounts: [{ volume: 'data', path: '/data' }],
      },
    ],
    volumeClaims: [{ name: 'data', size: '100Gi', storageClass: 'local-path' }],
  });

  // Seed "Database": primary on s0 (no label singles it out, so by name), replicas on s0, rp1
  // and one on each backend node; 5Gi local-path claims; the table's `postgres` Service.
  const postgres = (name: string, pool: NodeSelection, extra: Partial<ConstructorParameters<typeof PostgresDatabase>[2]> = {}) =>
    new PostgresDatabase(apps, name, {
      name,
      namespace,
      pool,
      image: images.postgres,
      database: config.database.name,
      user: config.database.user,
      passwordSecret: { name: POSTGRES_CREDENTIALS, key: 'password' },
      storage: { size: '5Gi', storageClass: 'local-path' },
      resources: config.resources.postgres,
      ...extra,
    });
  const primary = postgres('postgres-primary', nodes.named('s0'), {
    claimName: 'postgres-data',
    acceptReplicas: true,
    extraServices: [{ name: 'postgres', type: 'ClusterIP', ports: [{ name: 'postgres', port: 5432 }] }],
  });
  // Replicas and HAProxy reach the primary through the table's `postgres` Service.
  const primaryService = primary.serviceNamed('postgres');
  const replicaOf = primaryService;
  const replicas = [
    postgres('postgres-replica-s0', nodes.named('s0'), { replicaOf }),
    postgres('postgres-replica', dbReplica, { replicaOf }),
    postgres('postgres-replicas', backend, { replicaOf, replicas: backend.size, topologySpread: [ONE_PER_NODE] }),
  ];
  const haproxyConfig = new AppConfig(apps, 'haproxy-config', {
    name: 'haproxy-config',
    namespace,
    data: {
      'haproxy.cfg': [
        'defaults',
        '  mode tcp',
        '  timeout connect 5s',
        '  timeout client 30m',
        '  timeout server 30m',
        'frontend postgres',
        '  bind :5432',
        '  default_backend postgres',
        'backend postgres',
        `  server primary ${primaryService.address('postgres')} check`,
        `  server replica ${replicas[1].address('postgres')} check backup`,
        '',
      ].join('\n'),
    },
  });
  const haproxy = new WebService(apps, 'haproxy', {
    name: 'haproxy',
    namespace,
    pool: dbReplica,
    replicas: 1,
    containers: [
      {
        name: 'haproxy',
        image: images.haproxy,
        resources: config.resources.app,
        ports: [{ name: 'postgres', port: 5432 }],
        readinessProbe: Probe.tcpSocket('postgres'),
        livenessProbe: Probe.tcpSocket('postgres'),
        volumeMounts: [
          { volume: 'config', path: '/usr/local/etc/haproxy', readOnly: true },
          { volume: 'run', path: '/var/lib/haproxy' },
        ],
      },
    ],
    volumes: [Volume.configMap('config', haproxyConfig.name), Volume.emptyDir('run', { sizeLimit: '16Mi' })],
  });

  // Network (not in the seed, derived from who calls whom; the gateway's clients come with its
  // Service): the gateway to the apps, the apps to HAProxy, NATS and log-service, HAProxy and the replicas to
  // the primary, GFS over the nodes' addresses (the chunkservers use the host network).
  const network = new NetworkGraph(apps, 'network');
  const dbClients = [authService, sfsBackend, eddCompute, notification];
  const all = [authService, sfsBackend, sfsFrontend, eddCompute, clusterMonitor, notification, docs];
  for (const target of all) network.allow(Peer.pods(gateway), Peer.pods(target), ['http']);
  network.allow(Peer.pods(gateway), Peer.pods(logService), ['http', 'grpc']);
  for (const client of dbClients) {
    network.allow(Peer.pods(client), Peer.pods(haproxy), ['postgres']);
    network.allow(Peer.pods(client), Peer.pods(nats), ['client']);
  }
  for (const client of all) network.allow(Peer.pods(client), Peer.pods(logService), ['grpc']);
  network.allow(Peer.pods(haproxy), Peer.pods(primary), ['postgres']);
  network.allow(Peer.pods(haproxy), Peer.pods(replicas[1]), ['postgres']);
  for (const replica of replicas) network.allow(Peer.pods(replica), Peer.pods(primary), ['postgres']);
  network.allow(Peer.pods(sfsBackend), Peer.pods(master), ['gfs']);
  // Host-network pods have their node's address: reached through the node network, on their own port.
  network.allow(Peer.pods(sfsBackend), Peer.cidr(config.nodeCidr, 'chunkservers'), [chunkserver.targetPort('client')]);
  network.allow(Peer.cidr(config.nodeCidr, 'chunkserver-nodes'), Peer.pods(master), ['gfs']);
  return platform;
}
