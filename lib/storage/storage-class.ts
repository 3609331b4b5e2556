import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsSubdomain } from '../core/names';
import { needAddon } from '../core/addon-needs';
import { CheckedConstruct } from '../core/app-checks';

/** The AWS EBS CSI driver; the in-tree `kubernetes.io/aws-ebs` plugin is gone since Kubernetes 1.27. */
export const EBS_CSI_DRIVER = 'ebs.csi.aws.com';

export interface Gp3Options {
  /** Provisioned IOPS, 3000 to 16000. @default 3000 */
  readonly iops?: number;
  /** Provisioned throughput in MiB/s, 125 to 1000, at most 0.25 per IOPS. @default 125 */
  readonly throughputMiBps?: number;
  /** @default "ext4" */
  readonly fsType?: 'ext4' | 'xfs';
}

export interface StorageClassProps {
  readonly name: string;
  readonly provisioner: string;
  /** @default none */
  readonly parameters?: Readonly<Record<string, string>>;
  /** @default "Delete" */
  readonly reclaimPolicy?: 'Delete' | 'Retain';
  /** Bind where the pod is scheduled, so zonal disks land in the pod's zone. @default "WaitForFirstConsumer" */
  readonly volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  /** @default false */
  readonly allowVolumeExpansion?: boolean;
}

/** A StorageClass; the factories encode what each provisioner accepts. */
export class StorageClass extends CheckedConstruct {
  /** EBS gp3 through the CSI driver, with IOPS and throughput checked against gp3's limits. */
  static awsEbsGp3(scope: Construct, id: string, props: Omit<StorageClassProps, 'provisioner' | 'parameters'> & Gp3Options): StorageClass {
    const site = new Site(`${scope.node.path}/${id}`);
    const iops = props.iops ?? 3000;
    const throughput = props.throughputMiBps ?? 125;
    if (!Number.isInteger(iops) || iops < 3000 || iops > 16000)
      site.at('iops').fail(iops, 'must be a whole number from 3000 to 16000 for gp3', 'e.g. 3000 (the gp3 baseline)');
    if (!Number.isInteger(throughput) || throughput < 125 || throughput > 1000)
      site.at('throughputMiBps').fail(throughput, 'must be a whole number of MiB/s from 125 to 1000 for gp3', 'e.g. 125 (the gp3 baseline)');
    if (throughput > iops / 4)
      site
        .at('throughputMiBps')
        .fail(
          throughput,
          `is more than gp3 allows for ${iops} IOPS (0.25 MiB/s per IOPS)`,
          `raise iops to at least ${throughput * 4} or lower the throughput`,
        );
    return new StorageClass(scope, id, {
      ...props,
      provisioner: EBS_CSI_DRIVER,
      parameters: { type: 'gp3', iops: String(iops), throughput: String(throughput), 'csi.storage.k8s.io/fstype': props.fsType ?? 'ext4' },
    });
  }

  /** Local disks (NVMe) as PersistentVolumes made by hand or by a static provisioner. */
  static localVolumes(scope: Construct, id: string, props: { name: string; reclaimPolicy?: 'Delete' | 'Retain' }): StorageClass {
    // Local volumes cannot be bound before the pod is placed, nor grown.
    return new StorageClass(scope, id, {
      ...props,
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: false,
    });
  }

  readonly name: string;

  constructor(scope: Construct, id: string, props: StorageClassProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    this.name = checkDnsSubdomain(site.at('name'), props.name);
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/.test(props.provisioner ?? '')) {
      site
        .at('provisioner')
        .fail(props.provisioner, 'must be a CSI driver or provisioner name', 'e.g. "ebs.csi.aws.com" or "kubernetes.io/no-provisioner"');
    }
    if (props.provisioner === 'kubernetes.io/no-provisioner' && props.volumeBindingMode === 'Immediate') {
      site.at('volumeBindingMode').fail('Immediate', 'cannot bind local volumes before the pod is scheduled', 'use "WaitForFirstConsumer"');
    }
    // A CSI class provisions nothing until its driver runs in the cluster.
    if (props.provisioner === EBS_CSI_DRIVER) needAddon(this, { addon: 'aws-ebs-csi-driver' });
    new k8s.KubeStorageClass(this, 'storage-class', {
      metadata: { name: this.name },
      provisioner: props.provisioner,
      parameters: props.parameters ? { ...props.parameters } : undefined,
      reclaimPolicy: props.reclaimPolicy ?? 'Delete',
      volumeBindingMode: props.volumeBindingMode ?? 'WaitForFirstConsumer',
      allowVolumeExpansion: props.allowVolumeExpansion ?? false,
    });
  }
}
