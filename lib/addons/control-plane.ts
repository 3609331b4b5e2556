import { Site } from '../core/errors';
import { NodePools } from '../placement/node-pool';

/**
 * Who runs the cluster's control plane. A managed one (EKS, AKS, GKE) has no control-plane
 * nodes to schedule on and no etcd to reach: its provider runs and backs it up. A self-managed
 * one (kubeadm, kops, k3s servers) has both.
 */
export class ControlPlane {
  /**
   * Amazon EKS. Managed node groups of GPU instances boot the EKS-optimized accelerated AMI, which
   * carries the NVIDIA driver and container toolkit (docs.aws.amazon.com/eks/latest/userguide/ml-eks-optimized-ami.html).
   */
  static eks(): ControlPlane {
    return new ControlPlane('EKS', true, true);
  }
  /** Azure Kubernetes Service. */
  static aks(): ControlPlane {
    return new ControlPlane('AKS', true, false);
  }
  /** Google Kubernetes Engine. */
  static gke(): ControlPlane {
    return new ControlPlane('GKE', true, false);
  }
  /** Control-plane nodes the cluster's owner runs (kubeadm, kops, k3s servers), with etcd on them. */
  static selfManaged(distribution: string = 'self-managed'): ControlPlane {
    return new ControlPlane(distribution, false, false);
  }

  private constructor(
    /** Who runs it, for messages: "EKS", "k3s". */
    readonly name: string,
    /** The provider runs it: no control-plane nodes, no etcd within reach. */
    readonly managed: boolean,
    /** GPU node pools boot an image that carries the NVIDIA driver and container toolkit. */
    readonly gpuNodeImagesCarryDriver: boolean,
  ) {}
}

/** What needs control-plane nodes cannot run where the control plane is managed: its pools are refused by name. */
export function checkControlPlanePools(site: Site, controlPlane: ControlPlane | undefined, pools: NodePools): void {
  if (controlPlane && (typeof controlPlane.name !== 'string' || controlPlane.name.trim() === ''))
    site
      .at('cluster.controlPlane')
      .fail(controlPlane.name, 'must name who runs the control plane', 'e.g. ControlPlane.selfManaged("k3s"), or leave the argument out');
  if (!controlPlane?.managed) return;
  for (const pool of pools.all.filter((p) => p.capacity.needsSelfManagedControlPlane)) {
    site
      .at('pools')
      .at(pool.name)
      .fail(
        pool.capacity.kind,
        `is control-plane capacity, but ${controlPlane.name} manages this cluster's control plane: it has no control-plane nodes, so pods placed there stay Pending`,
        "remove the pool, and whatever runs on the control plane (etcd snapshots are the provider's: it backs etcd up)",
      );
  }
}
