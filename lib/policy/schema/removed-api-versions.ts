/**
 * Built-in API versions Kubernetes 1.28 no longer serves, by `apiVersion/kind`, with the version
 * that replaced them (kubernetes.io deprecation guide). Matched per kind, not per group version:
 * admissionregistration.k8s.io/v1beta1 is served again in 1.28 for ValidatingAdmissionPolicy.
 */
interface Removal {
  readonly removedIn: string;
  /** The apiVersion to use instead, or undefined when the kind is gone (PodSecurityPolicy). */
  readonly use: string | undefined;
}

const REMOVED: Record<string, Removal> = {};
function removed(removedIn: string, apiVersion: string, kinds: string[], use: string | undefined): void {
  for (const kind of kinds) REMOVED[`${apiVersion}/${kind}`] = { removedIn, use };
}

removed('1.16', 'extensions/v1beta1', ['DaemonSet', 'Deployment', 'ReplicaSet'], 'apps/v1');
removed('1.16', 'extensions/v1beta1', ['NetworkPolicy'], 'networking.k8s.io/v1');
removed('1.16', 'extensions/v1beta1', ['PodSecurityPolicy'], undefined);
removed('1.16', 'apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], 'apps/v1');
removed('1.16', 'apps/v1beta2', ['DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], 'apps/v1');
removed('1.22', 'extensions/v1beta1', ['Ingress'], 'networking.k8s.io/v1');
removed('1.22', 'networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], 'networking.k8s.io/v1');
removed(
  '1.22',
  'admissionregistration.k8s.io/v1beta1',
  ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'admissionregistration.k8s.io/v1',
);
removed('1.22', 'apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], 'apiextensions.k8s.io/v1');
removed('1.22', 'apiregistration.k8s.io/v1beta1', ['APIService'], 'apiregistration.k8s.io/v1');
removed('1.22', 'authentication.k8s.io/v1beta1', ['TokenReview'], 'authentication.k8s.io/v1');
removed(
  '1.22',
  'authorization.k8s.io/v1beta1',
  ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'],
  'authorization.k8s.io/v1',
);
removed('1.22', 'certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], 'certificates.k8s.io/v1');
removed('1.22', 'coordination.k8s.io/v1beta1', ['Lease'], 'coordination.k8s.io/v1');
removed('1.22', 'rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], 'rbac.authorization.k8s.io/v1');
removed('1.22', 'scheduling.k8s.io/v1beta1', ['PriorityClass'], 'scheduling.k8s.io/v1');
removed('1.22', 'storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], 'storage.k8s.io/v1');
removed('1.25', 'batch/v1beta1', ['CronJob'], 'batch/v1');
removed('1.25', 'discovery.k8s.io/v1beta1', ['EndpointSlice'], 'discovery.k8s.io/v1');
removed('1.25', 'events.k8s.io/v1beta1', ['Event'], 'events.k8s.io/v1');
removed('1.25', 'autoscaling/v2beta1', ['HorizontalPodAutoscaler'], 'autoscaling/v2');
removed('1.25', 'policy/v1beta1', ['PodDisruptionBudget'], 'policy/v1');
removed('1.25', 'policy/v1beta1', ['PodSecurityPolicy'], undefined);
removed('1.25', 'node.k8s.io/v1beta1', ['RuntimeClass'], 'node.k8s.io/v1');
removed('1.26', 'flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], 'flowcontrol.apiserver.k8s.io/v1beta3');
removed('1.26', 'autoscaling/v2beta2', ['HorizontalPodAutoscaler'], 'autoscaling/v2');
removed('1.27', 'storage.k8s.io/v1beta1', ['CSIStorageCapacity'], 'storage.k8s.io/v1');

/** Why Kubernetes 1.28 refuses apiVersion/kind, or undefined when it serves it (or it is not built in). */
export function removedApiVersion(apiVersion: string, kind: string): Removal | undefined {
  return REMOVED[`${apiVersion}/${kind}`];
}
