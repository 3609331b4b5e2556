/** Kinds that live outside namespaces: they must not carry metadata.namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'PriorityClass',
  'RuntimeClass', 'PersistentVolume', 'IngressClass', 'CSIDriver', 'VolumeSnapshotClass', 'VolumeSnapshotContent',
  'ClusterIssuer', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'APIService', 'Node',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

// Apply order inside a folder: namespaces and CRDs first, then what others refer to (accounts,
// config, storage, RBAC), then controllers, then what routes to them; custom resources last.
const KIND_ORDER = [
  'Namespace', 'CustomResourceDefinition', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PriorityClass',
  'RuntimeClass', 'StorageClass', 'VolumeSnapshotClass', 'PersistentVolume', 'ServiceAccount', 'Secret',
  'ConfigMap', 'PersistentVolumeClaim', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding', 'Service',
  'PodTemplate', 'DaemonSet', 'Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'HorizontalPodAutoscaler',
  'PodDisruptionBudget', 'Job', 'CronJob', 'IngressClass', 'Ingress',
];

/** Sort rank of a kind; unknown kinds (custom resources) after all built-in ones. */
export function kindRank(kind: string): number {
  const rank = KIND_ORDER.indexOf(kind);
  return rank >= 0 ? rank : KIND_ORDER.length;
}
