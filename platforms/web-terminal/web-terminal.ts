import { App } from 'cdk8s';
import {
  KUBERNETES_API_PORT,
  NamespacedRole,
  NetworkGraph,
  NodePoolInventory,
  Peer,
  Platform,
  Probe,
  SecureNamespace,
  ServiceClients,
  Volume,
  WebIngress,
  WebService,
} from '../../lib';
import { WebTerminalConfig } from './config';
import { webTerminalPools } from './pools';
import { claudecodeSandbox } from './sandbox';

/** Claude Code web terminal on a single-node k3s (seed 002): browser -> WebSocket -> exec into a sandbox pod. */
export function webTerminal(app: App, config: WebTerminalConfig): Platform {
  const pools = webTerminalPools(config);
  const platform = new Platform(app, { name: 'web-terminal', pools, environment: config.environment, cluster: config.cluster });
  const { infrastructure, apps } = platform;
  const ns = config.namespaces.terminal;

  // Namespace Strategy: the terminal's namespace and the three Papers namespaces, all closed by default.
  new NodePoolInventory(infrastructure, 'node-pools', { name: 'web-terminal-node-pools', pools: pools.all });
  new SecureNamespace(infrastructure, 'terminal-namespace', { name: ns });
  config.namespaces.papers.forEach((name) => new SecureNamespace(infrastructure, `${name}-namespace`, { name }));

  // Sandbox pods, one a session, created by the service from this template.
  const sandbox = claudecodeSandbox(apps, config, pools.get('k8s-node'));

  // web-terminal-service (Express + ws): REST API for sessions, WebSocket /terminal bridged to
  // exec. It reads its ServiceAccount token itself (loadFromOptions), so the token is mounted.
  const service = new WebService(apps, 'web-terminal-service', {
    name: 'web-terminal-service',
    namespace: ns,
    pool: pools.get('k8s-node'),
    automountServiceAccountToken: true,
    service: { type: 'NodePort', ports: [{ name: 'http', port: 3000, nodePort: config.nodePort }], clients: ServiceClients.anywhere('browsers') },
    containers: [
      {
        name: 'web-terminal-service',
        image: config.images.webTerminal,
        imagePullPolicy: 'Never',
        ports: [{ name: 'http', port: 3000 }],
        env: { SANDBOX_NAMESPACE: ns, SANDBOX_TEMPLATE: sandbox.templateName('shell'), SESSION_LABEL: sandbox.userLabel },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        readinessProbe: Probe.tcpSocket('http', { periodSeconds: 10 }),
        livenessProbe: Probe.tcpSocket('http', { initialDelaySeconds: 15, periodSeconds: 20 }),
        volumeMounts: [{ volume: 'tmp', path: '/tmp' }],
      },
    ],
    volumes: [Volume.emptyDir('tmp', { sizeLimit: '64Mi' })],
  });

  // RBAC: the service starts and deletes sandboxes from their template, and execs into them (the
  // WebSocket upgrade starts with a GET, so pods/exec needs both get and create).
  sandbox.grantInstantiate(service);
  new NamespacedRole(apps, 'web-terminal-role', {
    name: 'web-terminal-service',
    namespace: ns,
    subjects: [{ name: service.name, namespace: ns }],
    rules: [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['get', 'create'] }],
  });

  // Network: browsers reach the NodePort (ws://<node>:31000, admitted with its Service) and Traefik; the service calls the
  // API server (exec travels API server -> kubelet, not the pod network, so sandboxes accept
  // nothing); sandboxes reach the internet (git, npm, the Claude API), never the cluster or the
  // metadata address.
  const network = new NetworkGraph(apps, 'network');
  network.allow(Peer.pods(service), Peer.kubernetesApiServer(), [KUBERNETES_API_PORT]);
  network.allow(Peer.pods(sandbox), Peer.internet(), [22, 80, 443]);
  // k3s's built-in Traefik proxies WebSockets without annotations.
  new WebIngress(apps, 'ingress', {
    name: 'web-terminal',
    namespace: ns,
    host: config.host,
    controller: config.ingressController,
    network,
    routes: [{ path: '/', backend: service, port: 'http' }],
  });
  return platform;
}
