import { k8s } from 'cdk8s-plus-28';
import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import { PodSecurityLevel } from '../core/pod-security';
import { NodePool } from '../placement/node-pool';
import { PodGroup, PodPort } from './pod-group';
import { PodIdentity } from './pod-identity';
import { buildScheduledJob } from './scheduled-job';
import { Volume } from './volume';
import { CheckedConstruct } from '../core/app-checks';
import { needSelfManagedControlPlane } from '../core/control-plane-needs';

export interface EtcdSnapshotJobProps {
  /** @default "etcd-snapshot" */
  readonly name?: string;
  readonly namespace: string;
  /** The control-plane pool: etcd runs there and its client certificates are on its disk. */
  readonly pool: NodePool;
  readonly schedule: string;
  /** An etcd image with etcdctl, the cluster's etcd release (it has no shell). */
  readonly etcdImage: string;
  /** A small image with a shell, date and find. */
  readonly busyboxImage: string;
  /** Node directory the snapshots are kept in. @default "/var/backups/etcd" */
  readonly backupDir?: string;
  /** Snapshots older than this are deleted. @default 7 */
  readonly keepDays?: number;
  /** Where kubeadm keeps etcd's certificates. @default "/etc/kubernetes/pki/etcd" */
  readonly certDir?: string;
}

/**
 * etcdctl snapshots of a self-managed control plane (kubeadm layout), as a CronJob on the
 * control-plane nodes; refused on a cluster whose control plane is managed (its provider runs
 * and backs up etcd). etcd listens on the node's loopback and its certificates are root-only
 * files, so the job needs the host network, host paths and root: each declared with its reason.
 * The etcd image has no shell; a busybox step names the file by time and prunes old ones.
 */
export class EtcdSnapshotJob extends CheckedConstruct implements PodGroup {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The CronJob (escape hatch). */
  readonly cronJob: k8s.KubeCronJob;
  private readonly identity: PodIdentity;

  constructor(scope: Construct, id: string, props: EtcdSnapshotJobProps) {
    super(scope, freeId(scope, id));
    needSelfManagedControlPlane(this, 'etcd snapshots (etcdctl against the etcd of a control-plane node)');
    const certs = props.certDir ?? '/etc/kubernetes/pki/etcd';
    const built = buildScheduledJob(this, {
      name: props.name ?? 'etcd-snapshot',
      namespace: props.namespace,
      schedule: props.schedule,
      pool: props.pool,
      hostNetwork: { reason: 'etcd listens on 127.0.0.1:2379 of the control-plane node' },
      initContainers: [
        {
          name: 'snapshot',
          image: props.etcdImage,
          runAsRoot: { reason: 'the etcd client certificates on the node are readable by root only' },
          command: ['etcdctl'],
          args: [
            '--endpoints=https://127.0.0.1:2379',
            `--cacert=${certs}/ca.crt`,
            `--cert=${certs}/server.crt`,
            `--key=${certs}/server.key`,
            'snapshot',
            'save',
            '/work/snapshot.db',
          ],
          env: { ETCDCTL_API: '3' },
          volumeMounts: [
            { volume: 'etcd-certs', path: certs, readOnly: true },
            { volume: 'work', path: '/work' },
          ],
          resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
        },
      ],
      containers: [
        {
          name: 'store',
          image: props.busyboxImage,
          runAsRoot: { reason: 'writes the snapshot into the root-owned backup directory of the node' },
          command: ['/bin/sh', '-c'],
          args: [
            `cp /work/snapshot.db /backup/etcd-$(date +%Y%m%d-%H%M%S).db && find /backup -name "etcd-*.db" -mtime +${props.keepDays ?? 7} -delete`,
          ],
          volumeMounts: [
            { volume: 'work', path: '/work', readOnly: true },
            { volume: 'backup', path: '/backup' },
          ],
          resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
        },
      ],
      volumes: [
        Volume.hostPath('etcd-certs', certs, { reason: "etcdctl authenticates to etcd with the node's client certificates" }),
        Volume.hostPath('backup', props.backupDir ?? '/var/backups/etcd', {
          type: 'DirectoryOrCreate',
          reason: "snapshots are kept on the control-plane node's disk",
        }),
        Volume.emptyDir('work', { sizeLimit: '8Gi' }),
      ],
    });
    this.identity = built.identity;
    this.cronJob = built.cronJob;
    this.name = this.identity.name;
    this.namespace = this.identity.namespace;
    this.selector = this.identity.selector;
  }

  /** The named ports the pods declare (what a NetworkPolicy naming a port opens). */
  get ports(): readonly PodPort[] {
    return this.identity.ports;
  }

  /** The Pod Security level the job's namespace may enforce at most (privileged: host network and paths). */
  get podSecurity(): PodSecurityLevel {
    return this.identity.podSecurity;
  }
}
