/** One synthesized object and the construct that made it: what checks and writers work on. */
export interface Manifest {
  /** Construct path, for errors. */
  readonly path: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** Undefined for cluster-scoped kinds. */
  readonly namespace: string | undefined;
  readonly object: Record<string, any>;
}

/** `Kind namespace/name`, the way reports and messages name an object. */
export function objectId(m: Manifest): string {
  return `${m.kind} ${m.namespace ? `${m.namespace}/` : ''}${m.name}`;
}

/**
 * The key under which two objects of one cluster are the same object: `Kind/namespace/name`, the
 * namespace empty for a cluster-scoped kind. References (a binding's role, a pod's ServiceAccount)
 * name their target the same way, without an API group.
 */
export function identityKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
