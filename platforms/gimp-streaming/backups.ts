import { Construct } from 'constructs';
import { CloudIdentity, NetworkGraph, Peer, ScheduledJob, Volume } from '../../lib';
import { GimpStreamingConfig } from './config';
import { gimpStreamingPools as pools } from './pools';

// Seed: "Application State Backup" -- nightly copy of the users' bucket at 02:00 (UTC).
export function userDataBackup(scope: Construct, config: GimpStreamingConfig, network: NetworkGraph): ScheduledJob {
  const job = new ScheduledJob(scope, 'user-data-backup', {
    name: 'user-data-backup',
    namespace: config.namespaces.platform,
    schedule: '0 2 * * *',
    pool: pools.get('storage'),
    cloudIdentity: CloudIdentity.awsIamRole(config.backup.roleArn),
    // The seed synced a local path (/s3-user-bucket/); the users' files are in a bucket.
    containers: [
      {
        name: 'backup',
        image: config.images.awsCli,
        command: ['/bin/bash', '-c'],
        args: [`aws s3 sync s3://${config.backup.userBucket}/ s3://${config.backup.backupBucket}/$(date +%Y%m%d)/`],
        env: { HOME: '/tmp' },
        volumeMounts: [{ volume: 'tmp', path: '/tmp' }],
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      },
    ],
    volumes: [Volume.emptyDir('tmp', { sizeLimit: '1Gi' })],
    runAsUser: 1000,
    runAsGroup: 1000,
  });
  network.allow(Peer.pods(job), Peer.cidr('0.0.0.0/0', 'aws-s3'), [443]);
  return job;
}
