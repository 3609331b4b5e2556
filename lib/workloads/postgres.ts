import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import { NodePool } from '../placement/node-pool';
import { AppConfig } from './config-map';
import { Resources } from './container';
import { EnvValue, SecretKeyRef } from './env';
import { SecretStoreAccess } from './pod-group';
import { Probe } from './probe';
import { ServiceTarget } from './service-target';
import { StatefulStore } from './stateful-store';
import { Volume } from './volume';

/** The port PostgreSQL serves on, named `postgres` on the Service. */
const POSTGRES_PORT = { name: 'postgres', port: 5432 };
/** The user of the official postgres (Debian) image; the pod runs as it, never as root. */
const POSTGRES_UID = 999;
const DATA_PATH = '/var/lib/postgresql/data';

export interface PostgresDatabaseProps {
  readonly name: string;
  readonly namespace: string;
  readonly pool: NodePool;
  /** An official `postgres` (Debian-based) image, pinned. */
  readonly image: string;
  readonly database: string;
  readonly user: string;
  /** The Secret key holding the password; only the reference is written. */
  readonly passwordSecret: SecretKeyRef;
  readonly storage: { readonly size: string; readonly storageClass: string };
  readonly resources: Resources;
  /** Store that provides (syncs) the password Secret. @default none */
  readonly secretStore?: SecretStoreAccess;
}

/**
 * PostgreSQL as a StatefulSet that passes Pod Security `restricted`: runs as the image's
 * postgres user with a read-only root filesystem (data on its claim, socket and temp files on
 * emptyDirs), data in a subdirectory so the volume's lost+found does not stop initdb, and
 * pg_isready probes. Config (database, user, PGDATA) is a ConfigMap `<name>-config`.
 */
export class PostgresDatabase extends Construct implements ServiceTarget {
  /** The name of the Service port clients connect to. */
  static readonly PORT_NAME = POSTGRES_PORT.name;
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The StatefulStore that runs PostgreSQL: its controller, services and service account (escape hatch). */
  readonly server: StatefulStore;
  /** The ConfigMap with database, user and PGDATA. */
  readonly config: AppConfig;

  constructor(scope: Construct, id: string, props: PostgresDatabaseProps) {
    super(scope, freeId(scope, id));
    const config = this.config = new AppConfig(this, 'config', {
      name: `${props.name}-config`,
      namespace: props.namespace,
      data: { POSTGRES_DB: props.database, POSTGRES_USER: props.user, PGDATA: `${DATA_PATH}/pgdata` },
    });
    const ready = ['pg_isready', '-U', props.user, '-d', props.database];
    const server = new StatefulStore(this, 'server', {
      name: props.name,
      namespace: props.namespace,
      pool: props.pool,
      secretStore: props.secretStore,
      runAsUser: POSTGRES_UID, runAsGroup: POSTGRES_UID, fsGroup: POSTGRES_UID,
      containers: [{
        name: 'postgres',
        image: props.image,
        ports: [POSTGRES_PORT],
        envFromConfigMaps: [config.name],
        env: { POSTGRES_PASSWORD: EnvValue.fromSecret(props.passwordSecret) },
        resources: props.resources,
        readinessProbe: Probe.exec(ready, { initialDelaySeconds: 5, periodSeconds: 10 }),
        livenessProbe: Probe.exec(ready, { initialDelaySeconds: 30, periodSeconds: 20 }),
        volumeMounts: [
          { volume: 'data', path: DATA_PATH },
          { volume: 'run', path: '/var/run/postgresql' },
          { volume: 'tmp', path: '/tmp' },
        ],
      }],
      volumes: [Volume.emptyDir('run', { sizeLimit: '16Mi' }), Volume.emptyDir('tmp', { sizeLimit: '256Mi' })],
      volumeClaims: [{ name: 'data', size: props.storage.size, storageClass: props.storage.storageClass }],
    });
    this.server = server;
    this.name = server.name;
    this.namespace = server.namespace;
    this.selector = server.selector;
  }

  get serviceName(): string {
    return this.server.serviceName;
  }

  /** The Service port with this name; PostgreSQL's is PostgresDatabase.PORT_NAME. */
  servicePort(name: string = POSTGRES_PORT.name): number {
    return this.server.servicePort(name);
  }
}
