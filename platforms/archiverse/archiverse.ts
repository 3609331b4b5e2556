import { App } from 'cdk8s';
import {
  AcmeClusterIssuer,
  AzureKeyVaultSecrets,
  EnvValue,
  IngressController,
  NetworkGraph,
  NodePoolInventory,
  Peer,
  Platform,
  PostgresDatabase,
  Probe,
  SecureNamespace,
  Volume,
  WebIngress,
  WebService,
} from '../../lib';
import { ArchiverseConfig } from './config';
import { archiversePools as pools } from './pools';

/** Archiverse on AKS (seed 004): Next.js frontend -> FastAPI backend -> PostgreSQL. */
export function archiverse(app: App, config: ArchiverseConfig): Platform {
  const platform = new Platform(app, { name: 'archiverse', pools, environment: config.environment, cluster: config.cluster });
  const { infrastructure, apps } = platform;
  const namespace = config.namespace;

  // Infrastructure: node pools on record, the namespace (closed by default), the TLS issuer.
  new NodePoolInventory(infrastructure, 'node-pools', { name: 'archiverse-node-pools', pools: pools.all });
  new SecureNamespace(infrastructure, 'namespace', { name: namespace });
  const ingressController = IngressController.nginx();
  const issuer = new AcmeClusterIssuer(infrastructure, 'issuer', { name: 'letsencrypt-prod', email: config.acmeEmail, ingressController });

  // Secrets stay in Key Vault; pods mount them and the CSI driver syncs these Secrets.
  const keyVault = new AzureKeyVaultSecrets(apps, 'key-vault', {
    name: 'archiverse-key-vault',
    namespace,
    keyVaultName: config.keyVault.name,
    tenantId: config.keyVault.tenantId,
    workloadIdentityClientId: config.keyVault.workloadIdentityClientId,
    secrets: [
      { objectName: 'postgres-password', secretName: 'postgres-credentials', key: 'password' },
      { objectName: 'backend-database-url', secretName: 'backend-credentials', key: 'database-url' },
    ],
  });

  // Backend pool: FastAPI, requests 100m/256Mi, limits 500m/512Mi.
  const backend = new WebService(apps, 'backend', {
    name: 'backend',
    namespace,
    pool: pools.get('backend'),
    replicas: 2,
    secretStore: keyVault,
    containers: [
      {
        name: 'fastapi',
        image: config.images.backend,
        ports: [{ name: 'http', port: 8000 }],
        env: { DATABASE_URL: EnvValue.fromSecret(keyVault.secretRef('backend-database-url')) },
        resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        readinessProbe: Probe.httpGet('/health', 'http', { initialDelaySeconds: 5, periodSeconds: 10 }),
        livenessProbe: Probe.httpGet('/health', 'http', { initialDelaySeconds: 30, periodSeconds: 20 }),
        volumeMounts: [{ volume: 'tmp', path: '/tmp' }],
      },
    ],
    volumes: [Volume.emptyDir('tmp', { sizeLimit: '64Mi' })],
  });

  // Frontend pool: Next.js, requests 100m/256Mi, limits 500m/512Mi.
  const frontend = new WebService(apps, 'frontend', {
    name: 'frontend',
    namespace,
    pool: pools.get('frontend'),
    replicas: 2,
    containers: [
      {
        name: 'nextjs',
        image: config.images.frontend,
        ports: [{ name: 'http', port: 3000 }],
        env: { NODE_ENV: 'production', API_URL: backend.url('http') },
        resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        readinessProbe: Probe.httpGet('/', 'http', { initialDelaySeconds: 5, periodSeconds: 10 }),
        livenessProbe: Probe.httpGet('/', 'http', { initialDelaySeconds: 30, periodSeconds: 20 }),
        volumeMounts: [
          { volume: 'next-cache', path: '/app/.next/cache' },
          { volume: 'tmp', path: '/tmp' },
        ],
      },
    ],
    volumes: [Volume.emptyDir('next-cache', { sizeLimit: '256Mi' }), Volume.emptyDir('tmp', { sizeLimit: '64Mi' })],
  });

  // Database pool: PostgreSQL, requests 250m/512Mi, limits 500m/1Gi (db-pool/ of the seed:
  // config, StatefulSet, Service, ServiceAccount).
  const postgres = new PostgresDatabase(apps, 'postgres', {
    name: 'postgres',
    namespace,
    pool: pools.get('db'),
    image: config.images.postgres,
    database: config.database.name,
    user: config.database.user,
    passwordSecret: keyVault.secretRef('postgres-password'),
    secretStore: keyVault,
    storage: { size: config.database.size, storageClass: config.database.storageClass },
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '1Gi' } },
  });

  // Network: frontend -> backend only, backend -> database only, database accepts only the
  // backend; DNS for all comes with the namespace. The Ingress opens the controller's paths.
  const network = new NetworkGraph(apps, 'network');
  network.allow(Peer.pods(frontend), Peer.pods(backend), ['http']);
  network.allow(Peer.pods(backend), Peer.pods(postgres), ['postgres']);
  new WebIngress(apps, 'ingress', {
    name: 'archiverse',
    namespace,
    host: config.host,
    controller: ingressController,
    network,
    tls: { issuer, secretName: 'archiverse-tls' },
    routes: [
      { path: '/api', backend, port: 'http' },
      { path: '/', backend: frontend, port: 'http' },
    ],
  });
  return platform;
}
