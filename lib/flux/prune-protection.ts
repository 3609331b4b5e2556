/**
 * Objects Flux must never delete, even when they leave dist/ or their Kustomization is deleted.
 * Flux skips pruning anything labelled or annotated `kustomize.toolkit.fluxcd.io/prune: disabled`
 * (kustomize-controller docs, "Prune"); we use the annotation, which no selector ever matches.
 * Removing such an object from the TypeScript leaves it in the cluster, for a person to delete.
 */
export const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';
export const PRUNE_DISABLED = 'disabled';

export interface ProtectedKind {
  /** API group ('' for the core group). */
  readonly group: string;
  readonly kind: string;
  /** What a prune would destroy. */
  readonly why: string;
}

/** The policy: every data-bearing kind, and what deleting it would cost. */
export const PRUNE_PROTECTED_KINDS: readonly ProtectedKind[] = [
  { group: '', kind: 'Namespace', why: 'deleting a namespace deletes everything in it, claims and volumes included' },
  { group: '', kind: 'PersistentVolumeClaim', why: 'a dynamically provisioned volume (reclaim policy Delete) is deleted with its claim' },
  { group: '', kind: 'PersistentVolume', why: 'the volume that holds the data' },
  {
    group: 'apiextensions.k8s.io',
    kind: 'CustomResourceDefinition',
    why: 'deleting a CRD deletes every custom resource of that kind in the cluster',
  },
  { group: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', why: 'a backup; under deletionPolicy Delete its stored snapshot goes with it' },
  { group: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshotContent', why: 'the stored snapshot itself' },
  // Not listed, on purpose: StorageClass and VolumeSnapshotClass hold no data (deleting one
  // leaves its volumes and snapshots in place, and Git brings it back), and StatefulSet claims
  // from volumeClaimTemplates are made by the controller, so Flux never owns or prunes them.
];

export function isPruneProtected(apiVersion: string, kind: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return PRUNE_PROTECTED_KINDS.some((p) => p.group === group && p.kind === kind);
}

/** The object as Flux should see it: data-bearing kinds carry the prune-disabled annotation. */
export function withPruneProtection<T extends Record<string, any>>(object: T): T {
  if (!isPruneProtected(object.apiVersion, object.kind)) return object;
  const metadata = object.metadata ?? {};
  return { ...object, metadata: { ...metadata, annotations: { ...metadata.annotations, [PRUNE_ANNOTATION]: PRUNE_DISABLED } } };
}
