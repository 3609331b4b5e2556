// The worked example of docs/writing-a-platform.md: built, checked and snapshotted by
// test/examples/ledger-platform.test.ts. That page quotes this file between the markers.
// example:start
import { App } from 'cdk8s';
import {
  declareException,
  InstanceType,
  LoadBalancerImplementation,
  NetworkGraph,
  NodePool,
  NodePools,
  Peer,
  Platform,
  PolicyRule,
  PriorityClass,
  Probe,
  SecureNamespace,
  ServiceClients,
  StatefulStore,
  Taint,
  WebService,
} from '../../lib';

export function ledger(app: App): Platform {
  // 1. Pools: the nodes the cluster has; workloads are placed by naming one.
  const pools = new NodePools([
    new NodePool({ name: 'general', instanceType: InstanceType.AWS_M6G_XLARGE, minNodes: 2, maxNodes: 6, labels: { pool: 'general' } }),
    new NodePool({
      name: 'db',
      instanceType: InstanceType.AWS_R6G_XLARGE,
      minNodes: 1,
      maxNodes: 1,
      labels: { pool: 'db' },
      taints: [Taint.noSchedule('workload', 'db')],
    }),
  ]);
  // The cluster brings the class the database's claims use (the build installs nothing for it),
  // and its cloud controller serves LoadBalancer Services.
  const cluster = {
    loadBalancer: LoadBalancerImplementation.cloudController('AWS'),
    provided: [
      { addon: 'eks-storage', reason: 'the EBS CSI add-on and its gp3 StorageClass are created with the cluster', objects: ['StorageClass/gp3'] },
    ],
  };
  const platform = new Platform(app, { name: 'ledger', pools, cluster });

  // 2. Namespace (Pod Security restricted, default deny, DNS) and a priority for the API.
  new SecureNamespace(platform.infrastructure, 'namespace', { name: 'ledger' });
  const critical = new PriorityClass(platform.infrastructure, 'critical', { name: 'ledger-critical', value: 100000 });

  // 3. Workloads: an API behind a LoadBalancer, spread over zones; a database with a headless Service.
  const api = new WebService(platform.apps, 'api', {
    name: 'api',
    namespace: 'ledger',
    pool: pools.get('general'),
    replicas: 3,
    runAsUser: 10001,
    runAsGroup: 10001,
    priorityClassName: critical.name,
    topologySpread: [{ topologyKey: 'topology.kubernetes.io/zone' }],
    disruptionBudget: { maxUnavailable: 1 },
    // The public Service says who its clients are; the policy that admits them comes with it.
    extraServices: [
      {
        name: 'api-public',
        type: 'LoadBalancer',
        ports: [{ name: 'https', port: 443, targetPort: 'http' }],
        clients: ServiceClients.internet('clients'),
      },
    ],
    containers: [
      {
        name: 'api',
        image: 'registry.example.com/ledger/api:2.3.1',
        ports: [{ name: 'http', port: 8080 }],
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
        startupProbe: Probe.httpGet('/healthz', 'http', { failureThreshold: 30 }),
        readinessProbe: Probe.httpGet('/ready', 'http'),
        livenessProbe: Probe.httpGet('/healthz', 'http'),
      },
    ],
  });
  const db = new StatefulStore(platform.apps, 'db', {
    name: 'db',
    namespace: 'ledger',
    pool: pools.get('db'),
    runAsUser: 999,
    runAsGroup: 999,
    fsGroup: 999,
    containers: [
      {
        name: 'db',
        image: 'registry.example.com/ledger/db:16.4',
        ports: [{ name: 'sql', port: 5432 }],
        resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
        readinessProbe: Probe.tcpSocket('sql'),
        livenessProbe: Probe.tcpSocket('sql'),
        volumeMounts: [{ volume: 'data', path: '/var/lib/db' }],
      },
    ],
    volumeClaims: [{ name: 'data', size: '50Gi', storageClass: 'gp3' }],
  });
  const reindexer = new WebService(platform.apps, 'reindexer', {
    name: 'reindexer',
    namespace: 'ledger',
    pool: pools.get('general'),
    replicas: 2,
    service: false,
    disruptionBudget: false, // pods meant to be evicted: see the exception below
    containers: [
      {
        name: 'reindexer',
        image: 'registry.example.com/ledger/reindexer:2.3.1',
        ports: [{ name: 'metrics', port: 9090 }],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
        readinessProbe: Probe.httpGet('/ready', 'metrics'),
        livenessProbe: Probe.httpGet('/healthz', 'metrics'),
      },
    ],
  });

  // 4. Network rules: API to the database and to public payment APIs (not the VPC, not the
  //    metadata address); the API server for nobody.
  new NetworkGraph(platform.apps, 'network')
    .allow(Peer.pods(api), Peer.pods(db), [5432])
    .allow(Peer.pods(reindexer), Peer.pods(db), [5432])
    .allow(Peer.pods(api), Peer.internet('payments'), [443]);

  // 5. Escape hatch: the L1 objects by typed property, e.g. a cloud annotation, and a policy
  //    exception declared on the object it excuses, with its reason.
  api.services[1].object.metadata.addAnnotation('service.beta.kubernetes.io/aws-load-balancer-scheme', 'internet-facing');
  declareException(reindexer.controller, {
    rule: PolicyRule.DISRUPTION_BUDGET,
    reason: 'rebuilds its index from the database on start; a drain may evict both pods',
  });
  return platform;
}
// example:end
