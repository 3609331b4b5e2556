import { KubernetesVersions } from '../core/kubernetes-version';
import { AddonDefinition, AddonInputs, awsInputs } from './addon-definition';
import { ChartRelease } from './chart-release';

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

/**
 * The AWS EBS CSI driver releases the build may install. The chart's `kubeVersion` is only a floor
 * (">=1.17.0-0", charts/aws-ebs-csi-driver/Chart.yaml); the project's README ("Compatibility") says
 * the driver supports the versions Kubernetes and EKS (extended support included) support, so each
 * release supports those of its release date, up to the version its end-to-end tests ran on
 * (hack/e2e/config.sh, K8S_VERSION_EKSCTL, at its tag): 2.52.1 (2025-10-31) 1.28 (EKS extended
 * support until 2025-11-26) to 1.34; 2.64.0 (2026-08-18) 1.31 (extended until 2026-11-26) to 1.36.
 */
export const AWS_EBS_CSI_DRIVER_RELEASES: readonly ChartRelease[] = [
  { version: '2.52.1', app: 'driver 1.52.1', kubernetes: KubernetesVersions.between('1.28', '1.34') },
  { version: '2.64.0', app: 'driver 1.64.0', kubernetes: KubernetesVersions.between('1.31', '1.36') },
];

/** The AWS EBS CSI driver; its snapshotter sidecar renders only when the snapshot API exists, so it follows the snapshot controller. */
export const awsEbsCsiDriver: AddonDefinition = {
  name: 'aws-ebs-csi-driver',
  summary:
    'AWS EBS CSI driver (after the snapshot controller), namespace kube-system (privileged: the node DaemonSet mounts host paths); needs an IAM role (IRSA)',
  chart: 'aws-ebs-csi-driver',
  releases: AWS_EBS_CSI_DRIVER_RELEASES,
  kinds: [],
  install(installer, _need, inputs: AddonInputs, release) {
    const snapshots = installer.releases.includes('snapshot-controller');
    const aws = awsInputs(installer, 'aws-ebs-csi-driver', inputs);
    installer.release<AwsEbsCsiDriverValues>({
      name: 'aws-ebs-csi-driver',
      namespace: 'kube-system',
      chart: {
        repository: { name: 'aws-ebs-csi-driver', url: 'https://kubernetes-sigs.github.io/aws-ebs-csi-driver' },
        chart: 'aws-ebs-csi-driver',
        version: release.version,
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
