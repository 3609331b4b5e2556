import { Allocatable, NodeReservations } from './node-reservations';

/** CPU architecture as the kubelet labels it (`kubernetes.io/arch`). */
export class CpuArch {
  static readonly ARM64 = new CpuArch('arm64');
  static readonly AMD64 = new CpuArch('amd64');
  private constructor(public readonly label: string) {}
}

export interface GpuSpec {
  /** Physical GPUs a node has. */
  readonly count: number;
  /** Model name, e.g. "NVIDIA T4". */
  readonly model: string;
}

export interface InstanceTypeProps {
  readonly name: string;
  /** @default not recorded (machines joined by hand whose size the platform does not know): no fit checks */
  readonly vcpu?: number;
  /** Memory as a Kubernetes quantity, e.g. "32Gi". @default not recorded, as vcpu */
  readonly memory?: string;
  readonly arch: CpuArch;
  /** @default no GPUs */
  readonly gpus?: GpuSpec;
  /** Local NVMe/SSD disks, for the record. @default none */
  readonly localDisks?: string;
  /** What the node image keeps back from pods. @default not known: fits are by capacity, an upper bound */
  readonly reservations?: NodeReservations;
}

/**
 * The machine a node pool is made of. The catalog covers the seeds' instance types; other
 * machines (bare metal, VMs) are described with `InstanceType.custom`.
 */
export class InstanceType {
  // Azure (archiverse)
  static readonly AZURE_STANDARD_B2PS_V2 = new InstanceType({
    name: 'Standard_B2ps_v2',
    vcpu: 2,
    memory: '8Gi',
    arch: CpuArch.ARM64,
    reservations: NodeReservations.aksUpTo128(),
  });
  // AWS (computesdk, gimp-streaming)
  static readonly AWS_C6G_4XLARGE = new InstanceType({
    name: 'c6g.4xlarge',
    vcpu: 16,
    memory: '32Gi',
    arch: CpuArch.ARM64,
    reservations: NodeReservations.eksOptimizedAmi(234),
  });
  static readonly AWS_G4DN_XLARGE = new InstanceType({
    name: 'g4dn.xlarge',
    vcpu: 4,
    memory: '16Gi',
    arch: CpuArch.AMD64,
    gpus: { count: 1, model: 'NVIDIA T4' },
    reservations: NodeReservations.eksOptimizedAmi(29),
  });
  static readonly AWS_I3_4XLARGE = new InstanceType({
    name: 'i3.4xlarge',
    vcpu: 16,
    memory: '122Gi',
    arch: CpuArch.AMD64,
    localDisks: '2x 1900 GB NVMe',
    reservations: NodeReservations.eksOptimizedAmi(234),
  });
  static readonly AWS_M6G_LARGE = new InstanceType({
    name: 'm6g.large',
    vcpu: 2,
    memory: '8Gi',
    arch: CpuArch.ARM64,
    reservations: NodeReservations.eksOptimizedAmi(29),
  });
  static readonly AWS_M6G_XLARGE = new InstanceType({
    name: 'm6g.xlarge',
    vcpu: 4,
    memory: '16Gi',
    arch: CpuArch.ARM64,
    reservations: NodeReservations.eksOptimizedAmi(58),
  });
  static readonly AWS_M6I_XLARGE = new InstanceType({
    name: 'm6i.xlarge',
    vcpu: 4,
    memory: '16Gi',
    arch: CpuArch.AMD64,
    reservations: NodeReservations.eksOptimizedAmi(58),
  });
  static readonly AWS_R6G_XLARGE = new InstanceType({
    name: 'r6g.xlarge',
    vcpu: 4,
    memory: '32Gi',
    arch: CpuArch.ARM64,
    reservations: NodeReservations.eksOptimizedAmi(58),
  });
  /** EKS Fargate's largest pod (16 vCPU, 120 GB); Fargate runs x86_64 pods only. */
  static readonly AWS_FARGATE = new InstanceType({ name: 'fargate', vcpu: 16, memory: '120G', arch: CpuArch.AMD64 });

  /** A machine outside the catalog: a VM, a bare-metal server, a single-board computer. */
  static custom(props: InstanceTypeProps): InstanceType {
    return new InstanceType(props);
  }

  readonly name: string;
  readonly vcpu: number | undefined;
  readonly memory: string | undefined;
  readonly arch: CpuArch;
  readonly gpus: GpuSpec | undefined;
  readonly localDisks: string | undefined;
  readonly reservations: NodeReservations | undefined;

  private constructor(props: InstanceTypeProps) {
    this.name = props.name;
    this.vcpu = props.vcpu;
    this.memory = props.memory;
    this.arch = props.arch;
    this.gpus = props.gpus;
    this.localDisks = props.localDisks;
    this.reservations = props.reservations;
  }

  /** What pods can ask of one node; undefined when its size or its image's reservations are not recorded. */
  get allocatable(): Allocatable | undefined {
    if (this.vcpu === undefined || this.memory === undefined || this.reservations === undefined) return undefined;
    return this.reservations.allocatable(this.vcpu, this.memory);
  }
}
