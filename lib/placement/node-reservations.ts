import { parseQuantity } from '../core/quantity';

const MI = 1024 * 1024;
const GI = 1024 * MI;

/** What pods can ask of one node: its capacity less what the kubelet keeps back. */
export interface Allocatable {
  /** CPU cores. */
  readonly cpu: number;
  readonly memoryBytes: number;
}

/**
 * What the kubelet keeps back from pods on a node (kube-reserved, system-reserved and the hard
 * eviction threshold), as a node image configures it: a node's allocatable is its capacity less
 * these. Known for the managed node images the catalog's instance types run.
 */
export class NodeReservations {
  /**
   * EKS optimized AMIs (amazon-eks-ami, files/bootstrap.sh: get_cpu_millicores_to_reserve and
   * get_memory_mebibytes_to_reserve): CPU 6% of the first core, 1% of the second, 0.5% of the
   * next two, 0.25% of every core above four; memory 11 MiB per pod of the instance type's
   * maxPods (files/eni-max-pods.txt) plus 255 MiB; eviction below 100Mi of free memory.
   */
  static eksOptimizedAmi(maxPods: number): NodeReservations {
    return new NodeReservations(`EKS optimized AMI, ${maxPods} pods`, (vcpu, memory) => {
      const cores = [
        [0, 1, 0.06],
        [1, 2, 0.01],
        [2, 4, 0.005],
        [4, Infinity, 0.0025],
      ] as const;
      const cpu = cores.reduce((sum, [from, to, share]) => sum + Math.max(0, Math.min(vcpu, to) - from) * share, 0);
      return { cpu: vcpu - cpu, memoryBytes: memory - (11 * maxPods + 255) * MI - 100 * MI };
    });
  }

  /**
   * AKS nodes up to Kubernetes 1.28 (learn.microsoft.com, AKS "Resource reservations"): CPU by
   * core count (60m for 1 core, 100m for 2, 140m for 4, 180m for 8, 260m for 16, 420m for 32,
   * 740m for 64); memory 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the
   * next 112 and 2% above 128 GiB; eviction below 750Mi of free memory.
   */
  static aksUpTo128(): NodeReservations {
    return new NodeReservations('AKS node, Kubernetes 1.28', (vcpu, memory) => {
      const byCores: [number, number][] = [
        [1, 0.06],
        [2, 0.1],
        [4, 0.14],
        [8, 0.18],
        [16, 0.26],
        [32, 0.42],
        [64, 0.74],
      ];
      const cpu = (byCores.find(([cores]) => vcpu <= cores) ?? byCores[byCores.length - 1])[1];
      const bands = [
        [0, 4, 0.25],
        [4, 8, 0.2],
        [8, 16, 0.1],
        [16, 128, 0.06],
        [128, Infinity, 0.02],
      ] as const;
      const gib = memory / GI;
      const reserved = bands.reduce((sum, [from, to, share]) => sum + Math.max(0, Math.min(gib, to) - from) * share, 0);
      return { cpu: vcpu - cpu, memoryBytes: memory - reserved * GI - 750 * MI };
    });
  }

  private constructor(
    /** The node image the numbers come from, for the docs. */
    readonly source: string,
    private readonly rule: (vcpu: number, memoryBytes: number) => Allocatable,
  ) {}

  /** Allocatable of a node with `vcpu` cores and `memory` (a quantity). */
  allocatable(vcpu: number, memory: string): Allocatable {
    return this.rule(vcpu, parseQuantity(memory) ?? 0);
  }
}
