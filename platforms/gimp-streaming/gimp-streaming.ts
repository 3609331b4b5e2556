import { App } from 'cdk8s';
import {
  ClusterAutoscalerSettings,
  EBS_CSI_DRIVER,
  GpuTimeSlicingConfig,
  IstioHttpsGateway,
  IstioIngressGateway,
  IstioVirtualService,
  KUBERNETES_API_PORT,
  Layer,
  NamespacedRole,
  NetworkGraph,
  NodePoolInventory,
  Peer,
  Platform,
  PodNetworkPolicy,
  PolicyRule,
  Probe,
  SecureNamespace,
  SnapshotClass,
  StorageClass,
  WebService,
} from '../../lib';
import { userDataBackup } from './backups';
import { GimpStreamingConfig } from './config';
import { gimpMonitoring } from './monitoring';
import { gimpStreamingPools as pools } from './pools';
import { gimpSessions, sessionCrd } from './sessions';

const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** GIMP streaming on AWS (seed 001): one pod per user, session manager, Istio in front. */
export function gimpStreaming(app: App, config: GimpStreamingConfig): Platform {
  const platform = new Platform(app, { name: 'gimp-streaming', pools, cluster: config.cluster });
  const { infrastructure, apps } = platform;
  const ns = config.namespaces;

  // Session Controller: the Session custom resource, applied before anything uses it.
  sessionCrd(platform.layer(Layer.CRDS));

  // Cluster: node pools on record, GPU time-slicing, cluster-autoscaler settings.
  new NodePoolInventory(infrastructure, 'node-pools', { name: 'gimp-streaming-node-pools', pools: pools.all });
  new GpuTimeSlicingConfig(infrastructure, 'gpu-time-slicing', { pools: pools.all });
  new ClusterAutoscalerSettings(infrastructure, 'cluster-autoscaler', {
    maxNodesTotal: 100,
    minNodesTotal: 3,
    scaleDownUtilizationThreshold: 0.5,
    scaleDownUnneededTime: '10m',
    scaleDownDelayAfterAdd: '10m',
    pools: pools.all,
  });

  // Storage Classes and the snapshot class.
  const userStorage = StorageClass.awsEbsGp3(infrastructure, 'ssd-user-storage', {
    name: 'ssd-user-storage',
    iops: 3000,
    throughputMiBps: 125,
    fsType: 'ext4',
    allowVolumeExpansion: true,
    reclaimPolicy: 'Delete',
  });
  StorageClass.localVolumes(infrastructure, 'nvme-temp-storage', { name: 'nvme-temp-storage' });
  const snapshots = new SnapshotClass(infrastructure, 'ebs-snapshots', { name: 'ebs-snapshots', driver: EBS_CSI_DRIVER, deletionPolicy: 'Retain' });

  // Session pods; their namespace enforces the level their declared exception needs.
  const sessions = gimpSessions(apps, config, { userClass: userStorage.name, snapshotClass: snapshots.name });
  new SecureNamespace(infrastructure, 'platform-namespace', { name: ns.platform });
  new SecureNamespace(infrastructure, 'sessions-namespace', { name: ns.sessions, podSecurity: sessions.podSecurity });

  // Session manager: creates Session objects and session pods; scaled by CPU and memory.
  const sessionManager = new WebService(apps, 'session-manager', {
    name: 'session-manager',
    namespace: ns.platform,
    pool: pools.get('cpu'),
    automountServiceAccountToken: true,
    autoscaling: {
      name: 'gimp-session-hpa',
      minReplicas: 2,
      maxReplicas: 20,
      cpuUtilization: 70,
      memoryUtilization: 80,
      scaleUp: { stabilizationWindowSeconds: 60, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] },
    },
    containers: [
      {
        name: 'session-manager',
        image: config.images.sessionManager,
        ports: [
          { name: 'http', port: 8080 },
          { name: 'metrics', port: 9090 },
        ],
        env: {
          SESSION_NAMESPACE: ns.sessions,
          SESSION_TEMPLATE_CPU: sessions.templateName('cpu'),
          SESSION_TEMPLATE_GPU: sessions.templateName('gpu'),
          STORAGE_TEMPLATES: sessions.storageTemplatesName,
        },
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
        readinessProbe: Probe.httpGet('/healthz', 'http', { periodSeconds: 10 }),
        livenessProbe: Probe.httpGet('/healthz', 'http', { initialDelaySeconds: 15, periodSeconds: 20 }),
      },
    ],
  });

  // RBAC: the seed's rules, in the sessions namespace, bound to the real service account; and the
  // grant to start sessions from their templates (templates, per-user claims and snapshots).
  const rootOnSessionNodes = {
    rule: PolicyRule.CREATE_PODS_WHERE_PRIVILEGED,
    reason:
      "the seed has the session manager start each user's session pod in gimp-sessions, and session pods carry the privileged rclone FUSE sidecar, so that namespace must admit privileged pods; whoever controls the session manager can be root on a session node",
  };
  new NamespacedRole(apps, 'session-manager-role', {
    name: 'session-manager-role',
    bindingName: 'session-manager-binding',
    namespace: ns.sessions,
    subjects: [{ name: sessionManager.name, namespace: ns.platform }],
    rules: [
      { apiGroups: [''], resources: ['pods', 'services', 'configmaps', 'secrets'], verbs: ALL_VERBS },
      { apiGroups: ['apps'], resources: ['deployments', 'replicasets'], verbs: ALL_VERBS },
      { apiGroups: ['streaming.platform'], resources: ['sessions', 'sessions/status'], verbs: ALL_VERBS },
    ],
    exceptions: [rootOnSessionNodes],
  });
  sessions.grantInstantiate(sessionManager, { exceptions: [rootOnSessionNodes] });

  // WebRTC gateway: the VirtualService's /streaming/ backend, relaying to session pods.
  const webrtcGateway = new WebService(apps, 'webrtc-gateway', {
    name: 'webrtc-gateway',
    namespace: ns.platform,
    pool: pools.get('edge'),
    replicas: 2,
    containers: [
      {
        name: 'webrtc-gateway',
        image: config.images.webrtcGateway,
        ports: [{ name: 'http', port: 8080 }],
        resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '2', memory: '1Gi' } },
        readinessProbe: Probe.httpGet('/healthz', 'http', { periodSeconds: 10 }),
        livenessProbe: Probe.httpGet('/healthz', 'http', { initialDelaySeconds: 15, periodSeconds: 20 }),
      },
    ],
  });

  // Network: default deny in every namespace (with DNS); the seed's session policy; the paths
  // the routes, the relay, the API calls and the backups need.
  const network = new NetworkGraph(apps, 'network');
  new PodNetworkPolicy(apps, 'session-policy', {
    name: 'gimp-session-netpol',
    pods: sessions,
    ingress: [{ peers: [Peer.external('istio-system')], ports: ['webrtc', 'vnc'] }],
    egress: [{ ports: [443, 80, { port: 53, protocol: 'UDP' }] }, { peers: [Peer.external('storage')], ports: [443] }],
  });
  network.allow(Peer.pods(webrtcGateway), Peer.pods(sessions), ['webrtc']);
  network.allow(Peer.pods(sessionManager), Peer.kubernetesApiServer(), [KUBERNETES_API_PORT]);

  // Service Mesh: the seed's Gateway and VirtualService.
  const ingressGateway = IstioIngressGateway.default();
  const gateway = new IstioHttpsGateway(apps, 'gateway', {
    name: 'gimp-streaming-gateway',
    namespace: ns.platform,
    ingressGateway,
    hosts: [config.host],
    tlsSecret: config.tlsSecret,
  });
  new IstioVirtualService(apps, 'routes', {
    name: 'gimp-session-route',
    namespace: ns.platform,
    gateway,
    network,
    routes: [
      { match: { prefix: '/session/' }, rewrite: '/', backend: sessionManager, port: 'http', timeout: '30s' },
      { match: { regex: '/streaming/.*' }, backend: webrtcGateway, port: 'http', timeout: '24h' },
    ],
  });

  // Disaster Recovery: nightly user-data copy. The seed's etcd snapshots are EKS's to take.
  userDataBackup(apps, config, network);

  gimpMonitoring(apps, config, sessionManager, network);
  return platform;
}
