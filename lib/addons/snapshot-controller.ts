import { AddonDefinition } from './addon-definition';

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

/** The CSI snapshot controller v8.6 and the snapshot CRDs (upstream ships no chart; piraeus packages it). */
export const snapshotController: AddonDefinition = {
  name: 'snapshot-controller',
  summary: 'CSI snapshot controller v8.6.0 and the snapshot CRDs (chart piraeus snapshot-controller 5.2.0), namespace kube-system',
  kinds: ['snapshot.storage.k8s.io/VolumeSnapshot', 'snapshot.storage.k8s.io/VolumeSnapshotClass', 'snapshot.storage.k8s.io/VolumeSnapshotContent'],
  install(installer) {
    installer.release<SnapshotControllerValues>({
      name: 'snapshot-controller',
      namespace: 'kube-system',
      chart: { repository: { name: 'piraeus', url: 'https://piraeus.io/helm-charts/' }, chart: 'snapshot-controller', version: '5.2.0' },
      values: {
        controller: { podSecurityContext: { seccompProfile: { type: 'RuntimeDefault' } }, securityContext: { allowPrivilegeEscalation: false } },
        installCRDs: true,
        volumeSnapshotClasses: [],
      },
    });
  },
};
