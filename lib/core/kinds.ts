/** Kinds that live outside namespaces: they must not carry metadata.namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'PriorityClass',
  'RuntimeClass',
  'PersistentVolume',
  'IngressClass',
  'CSIDriver',
  'VolumeSnapshotClass',
  'VolumeSnapshotContent',
  'ClusterIssuer',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'APIService',
  'Node',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

// Apply order inside a folder: namespaces and CRDs first, then what others refer to (accounts,
// config, storage, RBAC), then controllers, then what routes to them; custom resources last.
const KIND_ORDER = [
  'Namespace',
  'CustomResourceDefinition',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PriorityClass',
  'RuntimeClass',
  'StorageClass',
  'VolumeSnapshotClass',
  'PersistentVolume',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'PersistentVolumeClaim',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'Service',
  'PodTemplate',
  'DaemonSet',
  'Pod',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
];

/** Sort rank of a kind; unknown kinds (custom resources) after all built-in ones. */
export function kindRank(kind: string): number {
  const rank = KIND_ORDER.indexOf(kind);
  return rank >= 0 ? rank : KIND_ORDER.length;
}

/**
 * API groups the API server serves itself (Kubernetes 1.28); every other group is a custom
 * resource's, defined by a CRD (or an aggregated API) that something must install first.
 */
export const BUILT_IN_API_GROUPS: ReadonlySet<string> = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'node.k8s.io',
  'apiextensions.k8s.io',
  'admissionregistration.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'certificates.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'apiregistration.k8s.io',
]);

/** The API group of an apiVersion: `apps/v1` -> `apps`, `v1` -> `` (the core group). */
export function apiGroupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** Namespaces every cluster has. */
export const KUBERNETES_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Flux's own namespace: its controllers, sources and Kustomizations live there. */
export const FLUX_NAMESPACE = 'flux-system';
