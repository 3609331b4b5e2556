import { AddonDefinition, AddonInputs, awsInputs } from './addon-definition';

/** The values of the aws-ebs-csi-driver chart the build sets. */
export interface AwsEbsCsiDriverValues {
  readonly controller: {
    readonly region: string;
    /** IRSA: the controller's ServiceAccount assumes this role. */
    readonly serviceAccount: { readonly annotations: Readonly<Record<string, string>> };
  };
  /** The build owns its StorageClasses and VolumeSnapshotClasses. */
  readonly storageClasses: readonly never[];
  readonly volumeSnapshotClasses: readonly never[];
  readonly sidecars: { readonly snapshotter: { readonly forceEnable: boolean } };
}

/** The AWS EBS CSI driver; its snapshotter sidecar renders only when the snapshot API exists, so it follows the snapshot controller. */
export const awsEbsCsiDriver: AddonDefinition = {
  name: 'aws-ebs-csi-driver',
  summary:
    'AWS EBS CSI driver (chart aws-ebs-csi-driver 2.52.1, after the snapshot controller), namespace kube-system (privileged: the node DaemonSet mounts host paths); needs an IAM role (IRSA)',
  kinds: [],
  install(installer, _need, inputs: AddonInputs) {
    const snapshots = installer.releases.includes('snapshot-controller');
    const aws = awsInputs(installer, 'aws-ebs-csi-driver', inputs);
    installer.release<AwsEbsCsiDriverValues>({
      name: 'aws-ebs-csi-driver',
      namespace: 'kube-system',
      chart: {
        repository: { name: 'aws-ebs-csi-driver', url: 'https://kubernetes-sigs.github.io/aws-ebs-csi-driver' },
        chart: 'aws-ebs-csi-driver',
        version: '2.52.1',
      },
      values: {
        controller: { region: aws.region, serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': aws.ebsCsiRoleArn } } },
        storageClasses: [],
        volumeSnapshotClasses: [],
        sidecars: { snapshotter: { forceEnable: snapshots } },
      },
      dependsOn: snapshots ? ['snapshot-controller'] : [],
    });
  },
};
