import { Construct } from 'constructs';
import { NetworkGraph, Peer } from '../../security/network-graph';
import { ScheduledJob } from '../../workloads/scheduled-job';
import { Volume } from '../../workloads/volume';
import { GimpStreamingConfig } from './config';
import { gimpStreamingPools as pools } from './pools';

// Seed: "Application State Backup" -- nightly copy of the users' bucket at 02:00 (UTC).
export function userDataBackup(scope: Construct, config: GimpStreamingConfig, network: NetworkGraph): ScheduledJob {
  const job = new ScheduledJob(scope, 'user-data-backup', {
    name: 'user-data-backup',
    namespace: config.namespaces.platform,
    schedule: '0 2 * * *',
    pool: pools.get('storage'),
    serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': config.backup.roleArn },
    // The seed synced a local path (/s3-user-bucket/); the users' files are in a bucket.
    containers: [{
      name: 'backup',
      image: config.images.awsCli,
      command: ['/bin/bash', '-c'],
      args: [`aws s3 sync s3://${config.backup.userBucket}/ s3://${config.backup.backupBucket}/$(date +%Y%m%d)/`],
      env: { HOME: '/tmp' },
      volumeMounts: [{ volume: 'tmp', path: '/tmp' }],
      resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    }],
    volumes: [Volume.emptyDir('tmp', { sizeLimit: '1Gi' })],
    runAsUser: 1000,
    runAsGroup: 1000,
  });
  network.allow(Peer.pods(job), Peer.cidr('0.0.0.0/0', 'aws-s3'), [443]);
  return job;
}

// Seed: "Etcd Backup" -- etcdctl snapshot on a control-plane node every 6 hours, kept 7 days.
export function etcdSnapshots(scope: Construct, config: GimpStreamingConfig): ScheduledJob {
  const certs = '/etc/kubernetes/pki/etcd';
  return new ScheduledJob(scope, 'etcd-backup', {
    name: 'etcd-snapshot',
    namespace: config.namespaces.etcdBackup,
    schedule: '0 */6 * * *',
    pool: pools.get('control-plane'),
    hostNetwork: { reason: 'etcd listens on 127.0.0.1:2379 of the control-plane node' },
    initContainers: [{
      name: 'snapshot',
      image: config.images.etcd,
      runAsRoot: { reason: 'the etcd client certificates on the node are readable by root only' },
      command: ['etcdctl'],
      args: ['--endpoints=https://127.0.0.1:2379', `--cacert=${certs}/ca.crt`, `--cert=${certs}/server.crt`, `--key=${certs}/server.key`, 'snapshot', 'save', '/work/snapshot.db'],
      env: { ETCDCTL_API: '3' },
      volumeMounts: [{ volume: 'etcd-certs', path: certs, readOnly: true }, { volume: 'work', path: '/work' }],
      resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    }],
    containers: [{
      name: 'store',
      image: config.images.busybox,
      runAsRoot: { reason: 'writes the snapshot into the root-owned backup directory of the node' },
      command: ['/bin/sh', '-c'],
      args: ['cp /work/snapshot.db /backup/etcd-$(date +%Y%m%d-%H%M%S).db && find /backup -name "etcd-*.db" -mtime +7 -delete'],
      volumeMounts: [{ volume: 'work', path: '/work', readOnly: true }, { volume: 'backup', path: '/backup' }],
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
    }],
    volumes: [
      Volume.hostPath('etcd-certs', certs, { reason: 'etcdctl authenticates to etcd with the node\'s client certificates' }),
      Volume.hostPath('backup', '/var/backups/etcd', { type: 'DirectoryOrCreate', reason: 'snapshots are kept on the control-plane node\'s disk' }),
      Volume.emptyDir('work', { sizeLimit: '8Gi' }),
    ],
  });
}
