/** What a pod may ask of its node; some kinds of capacity cannot provide it. */
export enum PodFeature {
  RUNTIME_CLASS = 'a custom RuntimeClass (e.g. gVisor)',
  DAEMON_SET = 'DaemonSets',
  PRIVILEGED = 'privileged containers',
  HOST_NETWORK = 'hostNetwork',
  GPU = 'GPUs',
}

/**
 * An EKS Fargate profile: created with eksctl, Terraform or the AWS API, not by Kubernetes. It
 * runs on Fargate the pods of `namespaces` that carry the pool's labels.
 */
export interface FargateProfile {
  readonly name: string;
  readonly namespaces: readonly string[];
}

/**
 * The kind of capacity behind a node pool. Serverless capacity (AWS Fargate) runs each pod in its
 * own micro-VM and is selected by profile labels, not by nodeSelector; it cannot run several
 * things that node groups can.
 */
export class NodeCapacity {
  /** Cloud-managed, autoscaled VMs: EKS managed node group, AKS node pool. */
  static managedNodeGroup(): NodeCapacity {
    return new NodeCapacity('managed node group', new Set(), true);
  }

  /**
   * AWS Fargate: one micro-VM per pod, chosen by the Fargate profile's namespace and labels.
   * With `profile`, pods outside its namespaces are refused (they would stay Pending) and the
   * pool inventory writes the profile the cluster must have.
   */
  static fargate(profile?: FargateProfile): NodeCapacity {
    return new NodeCapacity(
      'fargate',
      new Set([PodFeature.RUNTIME_CLASS, PodFeature.DAEMON_SET, PodFeature.PRIVILEGED, PodFeature.HOST_NETWORK, PodFeature.GPU]),
      false,
      profile,
    );
  }

  /** The control-plane nodes of a self-managed cluster (kubeadm, kops): etcd and the API server. */
  static controlPlane(): NodeCapacity {
    return new NodeCapacity('control plane', new Set(), true, undefined, true);
  }

  /** Machines joined by hand (k3s servers and agents, bare metal). */
  static staticNodes(): NodeCapacity {
    return new NodeCapacity('static nodes', new Set(), true);
  }

  private constructor(
    /** Name used in messages and in the pool inventory. */
    public readonly kind: string,
    /** Features pods on this capacity cannot use. */
    public readonly cannotRun: ReadonlySet<PodFeature>,
    /** True when pods reach the pool by nodeSelector; false when by pod labels (Fargate profiles). */
    public readonly selectedByNodeLabels: boolean,
    /** The Fargate profile (made by the cloud, outside Kubernetes) that selects the pool's pods. */
    public readonly fargateProfile?: FargateProfile,
    /** Nodes only a self-managed control plane has (a managed one runs its own, out of reach). */
    public readonly needsSelfManagedControlPlane: boolean = false,
  ) {}
}
