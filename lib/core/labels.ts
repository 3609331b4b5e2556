/** Recommended labels (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels). */
export const NAME_LABEL = 'app.kubernetes.io/name';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

/** Well-known node labels the kubelet and cloud providers set (kubernetes.io/docs/reference/labels-annotations-taints). */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
