import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import { PodPlacement } from '../placement/node-pool';
import { AppConfig } from './config-map';
import { ContainerImage, Resources } from './container';
import { EnvValue, SecretKeyRef } from './env';
import { PodPort, SecretStoreAccess } from './pod-group';
import { TopologySpread } from './pod-settings';
import { Probe } from './probe';
import { ServiceTarget } from './service-target';
import { StatefulStore } from './stateful-store';
import { ServiceOptions } from './workload-services';
import { Volume } from './volume';
import { CheckedConstruct } from '../core/app-checks';

/** The port PostgreSQL serves on, named `postgres` on the Service. */
const POSTGRES_PORT = { name: 'postgres', port: 5432 };
/** The user of the official postgres (Debian) image; the pod runs as it, never as root. */
const POSTGRES_UID = 999;
const DATA_PATH = '/var/lib/postgresql/data';

export interface PostgresDatabaseProps {
  readonly name: string;
  readonly namespace: string;
  readonly pool: PodPlacement;
  /** An official `postgres` (Debian-based) image, pinned (with its architectures, for mixed-arch placements). */
  readonly image: string | ContainerImage;
  readonly database: string;
  readonly user: string;
  /** The Secret key holding the password; only the reference is written. */
  readonly passwordSecret: SecretKeyRef;
  readonly storage: { readonly size: string; readonly storageClass: string };
  readonly resources: Resources;
  /** Store that provides (syncs) the password Secret. @default none */
  readonly secretStore?: SecretStoreAccess;
  /** Name of the claim template (the PVCs are `<claim>-<name>-<ordinal>`). @default "data" */
  readonly claimName?: string;
  /** @default 1 */
  readonly replicas?: number;
  /** @default none */
  readonly topologySpread?: readonly TopologySpread[];
  /** Services beside the headless governing one, e.g. the ClusterIP clients use. @default none */
  readonly extraServices?: readonly ServiceOptions[];
  /**
   * Let streaming replicas connect: an initdb script adds `host replication all all
   * scram-sha-256` to pg_hba.conf on first start (the image's own lines do not cover
   * replication connections). @default false
   */
  readonly acceptReplicas?: boolean;
  /**
   * Run as a hot standby of this primary (its Service with a port named `postgres`): on an empty
   * claim, an init container copies it with pg_basebackup (-R writes standby.signal and
   * primary_conninfo), as `user` with the password. @default a primary
   */
  readonly replicaOf?: ServiceTarget;
}

/**
 * PostgreSQL as a StatefulSet that passes Pod Security `restricted`: runs as the image's
 * postgres user with a read-only root filesystem (data on its claim, socket and temp files on
 * emptyDirs), data in a subdirectory so the volume's lost+found does not stop initdb, and
 * pg_isready probes. Config (database, user, PGDATA) is a ConfigMap `<name>-config`.
 */
export class PostgresDatabase extends CheckedConstruct implements ServiceTarget {
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
    const config = (this.config = new AppConfig(this, 'config', {
      name: `${props.name}-config`,
      namespace: props.namespace,
      data: { POSTGRES_DB: props.database, POSTGRES_USER: props.user, PGDATA: `${DATA_PATH}/pgdata` },
    }));
    const ready = ['pg_isready', '-U', props.user, '-d', props.database];
    const claim = props.claimName ?? 'data';
    const mounts = [
      { volume: claim, path: DATA_PATH },
      { volume: 'run', path: '/var/run/postgresql' },
      { volume: 'tmp', path: '/tmp' },
    ];
    const initdb = props.acceptReplicas
      ? new AppConfig(this, 'initdb', {
          name: `${props.name}-initdb`,
          namespace: props.namespace,
          data: { 'replication.sh': 'echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"\n' },
        })
      : undefined;
    const primary = props.replicaOf && { host: props.replicaOf.dnsName, port: props.replicaOf.servicePort(POSTGRES_PORT.name) };
    const basebackup = primary
      ? [
          {
            name: 'basebackup',
            image: props.image,
            command: [
              'sh',
              '-c',
              `[ -s "$PGDATA/PG_VERSION" ] || pg_basebackup -h ${primary.host} -p ${primary.port} -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream`,
            ],
            envFromConfigMaps: [config.name],
            env: { PGPASSWORD: EnvValue.fromSecret(props.passwordSecret) },
            resources: props.resources,
            volumeMounts: mounts,
          },
        ]
      : [];
    const server = new StatefulStore(this, 'server', {
      name: props.name,
      namespace: props.namespace,
      pool: props.pool,
      replicas: props.replicas,
      topologySpread: props.topologySpread,
      extraServices: props.extraServices,
      secretStore: props.secretStore,
      initContainers: basebackup,
      runAsUser: POSTGRES_UID,
      runAsGroup: POSTGRES_UID,
      fsGroup: POSTGRES_UID,
      containers: [
        {
          name: 'postgres',
          image: props.image,
          ports: [POSTGRES_PORT],
          envFromConfigMaps: [config.name],
          env: { POSTGRES_PASSWORD: EnvValue.fromSecret(props.passwordSecret) },
          resources: props.resources,
          readinessProbe: Probe.exec(ready, { initialDelaySeconds: 5, periodSeconds: 10 }),
          livenessProbe: Probe.exec(ready, { initialDelaySeconds: 30, periodSeconds: 20 }),
          volumeMounts: [...mounts, ...(initdb ? [{ volume: 'initdb', path: '/docker-entrypoint-initdb.d', readOnly: true }] : [])],
        },
      ],
      volumes: [
        Volume.emptyDir('run', { sizeLimit: '16Mi' }),
        Volume.emptyDir('tmp', { sizeLimit: '256Mi' }),
        ...(initdb ? [Volume.configMap('initdb', initdb.name)] : []),
      ],
      volumeClaims: [{ name: claim, size: props.storage.size, storageClass: props.storage.storageClass }],
    });
    this.server = server;
    this.name = server.name;
    this.namespace = server.namespace;
    this.selector = server.selector;
  }

  get ports(): readonly PodPort[] {
    return this.server.ports;
  }

  get serviceName(): string {
    return this.server.serviceName;
  }

  get dnsName(): string {
    return this.server.dnsName;
  }

  get servicePortNames(): readonly string[] {
    return this.server.servicePortNames;
  }

  /** The Service port with this name; PostgreSQL's is PostgresDatabase.PORT_NAME. */
  servicePort(name: string = POSTGRES_PORT.name): number {
    return this.server.servicePort(name);
  }

  /** The container port behind the Service port with this name (5432 for PostgresDatabase.PORT_NAME). */
  targetPort(name: string = POSTGRES_PORT.name): number {
    return this.server.targetPort(name);
  }

  address(portName: string = POSTGRES_PORT.name): string {
    return this.server.address(portName);
  }

  url(portName: string = POSTGRES_PORT.name, scheme: string = 'postgresql'): string {
    return this.server.url(portName, scheme);
  }

  /** Another Service of the database (an `extraServices` entry) as a target, e.g. the ClusterIP clients use. */
  serviceNamed(name: string): ServiceTarget {
    return this.server.serviceNamed(name);
  }
}
