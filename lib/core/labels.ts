/** Recommended labels (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels). */
export const NAME_LABEL = 'app.kubernetes.io/name';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
