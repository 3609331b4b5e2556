import { Construct } from 'constructs';
import { AppConfig, ClaimTemplateProps, ContainerProps, declareNotSecret, EnvValue, Probe, StatefulStore, Volume } from '../../lib';
import { ComputesdkConfig } from './config';

/** Secrets the cluster must hold (created by the operator or a secret store); dist/ only names them. */
export const MYSQL_SECRET = 'mysql-credentials';
export const S3_SECRET = 'seaweedfs-s3-credentials';

/** S3 identities with placeholders where the keys go; the filer's init step fills them from S3_SECRET. */
const S3_CONFIG_TEMPLATE = `${JSON.stringify(
  {
    identities: [
      {
        name: 'computesdk',
        credentials: [{ accessKey: '__S3_ACCESS_KEY__', secretKey: '__S3_SECRET_KEY__' }],
        actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
      },
    ],
  },
  null,
  2,
)}\n`;

export interface DataStores {
  readonly mysql: StatefulStore;
  readonly redis: StatefulStore;
  readonly master: StatefulStore;
  readonly volume: StatefulStore;
  readonly filer: StatefulStore;
}

/**
 * Seed: MySQL, Redis, SeaweedFS master/volume/filer, each with a PVC and a ClusterIP Service.
 * StatefulSets, not the seed's Deployments: a rolling update of a Deployment would start a second
 * pod on the same ReadWriteOnce claim. Each also has a headless Service for stable pod names.
 */
export function dataStores(scope: Construct, config: ComputesdkConfig, storageClass: string): DataStores {
  const { pools, placement } = config;
  const namespace = config.namespaces.system;
  const store = (
    id: string,
    props: {
      name: string;
      runAsUser: number;
      runAsGroup: number;
      containers: ContainerProps[];
      initContainers?: ContainerProps[];
      volumes?: Volume[];
      size: string;
      mountPath?: string;
    },
  ) => {
    const claims: ClaimTemplateProps[] = [{ name: 'data', size: props.size, storageClass }];
    return new StatefulStore(scope, id, {
      name: props.name,
      namespace,
      pool: pools.get(placement.data),
      runAsUser: props.runAsUser,
      runAsGroup: props.runAsGroup,
      fsGroup: props.runAsGroup,
      service: { type: 'ClusterIP' },
      extraServices: [{ name: `${props.name}-headless`, type: 'Headless' }],
      containers: props.containers,
      initContainers: props.initContainers,
      volumes: props.volumes,
      volumeClaims: claims,
    });
  };
  const small = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } };

  // MySQL: application data (user accounts, filesystem metadata). Passwords from the Secret.
  const mysql = store('mysql', {
    name: 'mysql',
    runAsUser: 999,
    runAsGroup: 999,
    size: config.storage.sizes.mysql,
    containers: [
      {
        name: 'mysql',
        image: config.images.mysql,
        ports: [{ name: 'mysql', port: 3306 }],
        env: {
          MYSQL_DATABASE: 'computesdk',
          MYSQL_USER: 'computesdk',
          MYSQL_ROOT_PASSWORD: EnvValue.fromSecret(MYSQL_SECRET, 'root-password'),
          MYSQL_PASSWORD: EnvValue.fromSecret(MYSQL_SECRET, 'password'),
        },
        resources: { requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } },
        startupProbe: Probe.tcpSocket('mysql', { periodSeconds: 10, failureThreshold: 30 }),
        readinessProbe: Probe.tcpSocket('mysql', { periodSeconds: 10 }),
        livenessProbe: Probe.tcpSocket('mysql', { periodSeconds: 20 }),
        volumeMounts: [
          { volume: 'data', path: '/var/lib/mysql' },
          { volume: 'run', path: '/var/run/mysqld' },
          { volume: 'tmp', path: '/tmp' },
        ],
      },
    ],
    volumes: [Volume.emptyDir('run', { sizeLimit: '16Mi' }), Volume.emptyDir('tmp', { sizeLimit: '1Gi' })],
  });

  // Redis: cache, sessions, messages. AOF is off by default in the image: turned on here.
  const redis = store('redis', {
    name: 'redis',
    runAsUser: 999,
    runAsGroup: 1000,
    size: config.storage.sizes.redis,
    containers: [
      {
        name: 'redis',
        image: config.images.redis,
        args: ['--appendonly', 'yes', '--dir', '/data'],
        ports: [{ name: 'redis', port: 6379 }],
        resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        readinessProbe: Probe.exec(['redis-cli', 'ping'], { periodSeconds: 10 }),
        livenessProbe: Probe.exec(['redis-cli', 'ping'], { periodSeconds: 20 }),
        volumeMounts: [{ volume: 'data', path: '/data' }],
      },
    ],
  });

  // SeaweedFS: each server's gRPC port is its HTTP port + 10000; the arguments name the same ports
  // the container declares.
  const seaweed = (
    name: string,
    args: (ports: { http: number }) => string[],
    ports: { http: number; s3?: number },
    size: string,
    extra: Partial<ContainerProps> = {},
  ) => ({
    name,
    runAsUser: 1000,
    runAsGroup: 1000,
    size,
    containers: [
      {
        name: 'seaweedfs',
        image: config.images.seaweedfs,
        command: ['weed'],
        args: args(ports),
        ports: [
          { name: 'http', port: ports.http },
          { name: 'grpc', port: ports.http + 10000 },
          ...(ports.s3 ? [{ name: 's3', port: ports.s3 }] : []),
        ],
        resources: small,
        readinessProbe: Probe.tcpSocket('http', { periodSeconds: 10 }),
        livenessProbe: Probe.tcpSocket('http', { periodSeconds: 20 }),
        ...extra,
        volumeMounts: [{ volume: 'data', path: '/data' }, ...(extra.volumeMounts ?? [])],
      },
    ],
  });
  // The master's identifier in its raft state is the address it advertises: its Service's short name, kept as first deployed.
  const masterName = 'seaweedfs-master';
  const master = store(
    'seaweedfs-master',
    seaweed(
      masterName,
      ({ http }) => ['master', '-mdir=/data', `-port=${http}`, `-ip=${masterName}`, '-ip.bind=0.0.0.0'],
      { http: 9333 },
      config.storage.sizes.seaweedfsMaster,
    ),
  );
  const volume = store(
    'seaweedfs-volume',
    seaweed(
      'seaweedfs-volume',
      ({ http }) => ['volume', '-dir=/data', `-mserver=${master.address('http')}`, `-port=${http}`, '-ip=$(POD_IP)', '-ip.bind=0.0.0.0'],
      { http: 8080 },
      config.storage.sizes.seaweedfsVolume,
      { env: { POD_IP: EnvValue.fromField('status.podIP') } },
    ),
  );

  // Filer: filer API 8888 and S3 API 8333. seaweedfs-s3-config holds the identities with
  // placeholders; an init step writes the real keys (from the Secret) into a memory volume.
  const s3Config = new AppConfig(scope, 'seaweedfs-s3-config', {
    name: 'seaweedfs-s3-config',
    namespace,
    data: { 's3.json.template': S3_CONFIG_TEMPLATE },
  });
  declareNotSecret(
    s3Config,
    'data.s3.json.template',
    "the identities list holds only the placeholders __S3_ACCESS_KEY__ and __S3_SECRET_KEY__; the filer's init step writes the real keys from the Secret into a memory volume",
  );
  const filer = store('seaweedfs-filer', {
    ...seaweed(
      'seaweedfs-filer',
      ({ http, s3 }: { http: number; s3?: number }) => [
        'filer',
        `-master=${master.address('http')}`,
        `-port=${http}`,
        '-defaultStoreDir=/data',
        '-s3',
        `-s3.port=${s3}`,
        '-s3.config=/etc/seaweedfs/s3.json',
      ],
      { http: 8888, s3: 8333 },
      config.storage.sizes.seaweedfsFiler,
      { volumeMounts: [{ volume: 's3-config', path: '/etc/seaweedfs', readOnly: true }] },
    ),
    initContainers: [
      {
        name: 's3-config',
        image: config.images.busybox,
        command: [
          'sh',
          '-c',
          'sed -e "s|__S3_ACCESS_KEY__|$S3_ACCESS_KEY|" -e "s|__S3_SECRET_KEY__|$S3_SECRET_KEY|" /config/s3.json.template > /etc/seaweedfs/s3.json',
        ],
        env: { S3_ACCESS_KEY: EnvValue.fromSecret(S3_SECRET, 'access-key'), S3_SECRET_KEY: EnvValue.fromSecret(S3_SECRET, 'secret-key') },
        resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
        volumeMounts: [
          { volume: 's3-config-template', path: '/config', readOnly: true },
          { volume: 's3-config', path: '/etc/seaweedfs' },
        ],
      },
    ],
    volumes: [Volume.configMap('s3-config-template', s3Config.name), Volume.emptyDir('s3-config', { memory: true, sizeLimit: '1Mi' })],
  });
  return { mysql, redis, master, volume, filer };
}
