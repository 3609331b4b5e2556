import { KubernetesVersions } from '../core/kubernetes-version';
import { AddonDefinition } from './addon-definition';
import { ChartRelease } from './chart-release';

/** The values of the piraeus snapshot-controller chart the build sets. */
export interface SnapshotControllerValues {
  /** The snapshot CRDs are the chart's templates. */
  readonly controller: {
    readonly podSecurityContext: { readonly seccompProfile: { readonly type: 'RuntimeDefault' } };
    readonly securityContext: { readonly allowPrivilegeEscalation: boolean };
  };
  readonly installCRDs: boolean;
  /** The build owns its VolumeSnapshotClasses. */
  readonly volumeSnapshotClasses: readonly never[];
}

/**
 * The snapshot-controller release the build installs: piraeus's chart 5.2.0 packages the CSI
 * snapshot controller v8.6.0 (the version of the pinned snapshot CRDs) and states only a floor,
 * `kubeVersion: ">= 1.25.0-0"` (piraeusdatastore/helm-charts charts/snapshot-controller/Chart.yaml).
 */
export const SNAPSHOT_CONTROLLER_RELEASES: readonly ChartRelease[] = [
  { version: '5.2.0', app: 'snapshot controller v8.6.0', kubernetes: KubernetesVersions.from('1.25') },
];

/** The CSI snapshot controller and the snapshot CRDs (upstream ships no chart; piraeus packages it). */
export const snapshotController: AddonDefinition = {
  name: 'snapshot-controller',
  summary: 'CSI snapshot controller and the snapshot CRDs, namespace kube-system',
  chart: 'piraeus snapshot-controller',
  releases: SNAPSHOT_CONTROLLER_RELEASES,
  kinds: ['snapshot.storage.k8s.io/VolumeSnapshot', 'snapshot.storage.k8s.io/VolumeSnapshotClass', 'snapshot.storage.k8s.io/VolumeSnapshotContent'],
  install(installer, _need, _inputs, release) {
    installer.release<SnapshotControllerValues>({
      name: 'snapshot-controller',
      namespace: 'kube-system',
      chart: { repository: { name: 'piraeus', url: 'https://piraeus.io/helm-charts/' }, chart: 'snapshot-controller', version: release.version },
      values: {
        controller: { podSecurityContext: { seccompProfile: { type: 'RuntimeDefault' } }, securityContext: { allowPrivilegeEscalation: false } },
        installCRDs: true,
        volumeSnapshotClasses: [],
      },
    });
  },
};
