import { Testing } from 'cdk8s';
import { SnapshotClass } from '../../lib/storage/snapshot-class';
import { StorageClass } from '../../lib/storage/storage-class';

describe('StorageClass', () => {
  test('gp3 goes through the EBS CSI driver with its IOPS and throughput', () => {
    const chart = Testing.chart();
    StorageClass.awsEbsGp3(chart, 'ssd', { name: 'ssd', iops: 4000, throughputMiBps: 250, allowVolumeExpansion: true });
    expect(Testing.synth(chart)[0]).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'ssd' },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', iops: '4000', throughput: '250', 'csi.storage.k8s.io/fstype': 'ext4' },
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
  });

  test('gp3 limits are checked', () => {
    expect(() => StorageClass.awsEbsGp3(Testing.chart(), 'ssd', { name: 'ssd', iops: 100 })).toThrow(
      'iops must be a whole number from 3000 to 16000 for gp3 (got 100)',
    );
  });

  test('local volumes wait for the pod and cannot grow', () => {
    const chart = Testing.chart();
    StorageClass.localVolumes(chart, 'nvme', { name: 'nvme' });
    expect(Testing.synth(chart)[0]).toMatchObject({
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: false,
    });
    expect(
      () => new StorageClass(Testing.chart(), 'x', { name: 'x', provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'Immediate' }),
    ).toThrow('volumeBindingMode cannot bind local volumes before the pod is scheduled (got "Immediate"); fix: use "WaitForFirstConsumer"');
  });
});

describe('SnapshotClass', () => {
  test('retains snapshots by default', () => {
    const chart = Testing.chart();
    new SnapshotClass(chart, 'snap', { name: 'ebs-snapshots', driver: 'ebs.csi.aws.com' });
    expect(Testing.synth(chart)[0]).toEqual({
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshotClass',
      metadata: { name: 'ebs-snapshots' },
      driver: 'ebs.csi.aws.com',
      deletionPolicy: 'Retain',
    });
  });
});
