import { IConstruct } from 'constructs';

const CONTROL_PLANE_NEED = 'k8s-platforms/self-managed-control-plane';

/**
 * Records that `scope` needs a self-managed control plane (its nodes, its etcd); the platform
 * build refuses it on a cluster whose control plane is managed (EKS, AKS, GKE). `what` says what
 * needs it, for the error: "etcd snapshots".
 */
export function needSelfManagedControlPlane(scope: IConstruct, what: string): void {
  scope.node.addMetadata(CONTROL_PLANE_NEED, what);
}

/** Every such need under `root`, with the path of the construct that declared it. */
export function controlPlaneNeedsIn(root: IConstruct): { readonly path: string; readonly what: string }[] {
  return root.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === CONTROL_PLANE_NEED).map((m) => ({ path: c.node.path, what: m.data as string })));
}
