import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { checkDnsLabel, checkLabels } from '../core/names';
import { checkBytes, formatBytes, formatMillicores } from '../core/quantity';
import { NodeCapacity, PodFeature } from './capacity';
import { DEVICE_PLUGIN_CONFIG_LABEL, GpuSharing } from './gpu-sharing';
import { checkImageArchitectures, HostPort, PodImage } from './image-architectures';
import { InstanceType } from './instance-types';

export const ARCH_LABEL = 'kubernetes.io/arch';

export enum TaintEffect {
  NO_SCHEDULE = 'NoSchedule',
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  NO_EXECUTE = 'NoExecute',
}

/** A node taint; a pool's taints become the tolerations of every pod placed on it. */
export class Taint {
  static noSchedule(key: string, value: string): Taint {
    return new Taint(key, value, TaintEffect.NO_SCHEDULE);
  }
  static noExecute(key: string, value: string): Taint {
    return new Taint(key, value, TaintEffect.NO_EXECUTE);
  }
  static preferNoSchedule(key: string, value: string): Taint {
    return new Taint(key, value, TaintEffect.PREFER_NO_SCHEDULE);
  }
  private constructor(
    public readonly key: string,
    public readonly value: string,
    public readonly effect: TaintEffect,
  ) {}

  toString(): string {
    return `${this.key}=${this.value}:${this.effect}`;
  }

  toleration(): k8s.Toleration {
    return { key: this.key, operator: 'Equal', value: this.value, effect: this.effect };
  }

  /** Whether a toleration lets pods onto a node with this taint. */
  isToleratedBy(toleration: k8s.Toleration): boolean {
    if (toleration.effect && toleration.effect !== (this.effect as string)) return false;
    if (toleration.operator === 'Exists') return toleration.key === undefined || toleration.key === this.key;
    return toleration.key === this.key && (toleration.value ?? '') === this.value;
  }
}

export interface NodePoolProps {
  /** Pool name (DNS label), used in errors and the pool inventory. */
  readonly name: string;
  readonly instanceType: InstanceType;
  /** @default NodeCapacity.managedNodeGroup() */
  readonly capacity?: NodeCapacity;
  readonly minNodes: number;
  readonly maxNodes: number;
  /**
   * Labels every node of the pool carries (for serverless capacity: the labels its profile
   * selects pods by). Placement selects the pool with them.
   */
  readonly labels: Readonly<Record<string, string>>;
  /** @default no taints */
  readonly taints?: readonly Taint[];
  /** Pool that hosts cluster system components (AKS "System" mode). @default false */
  readonly system?: boolean;
  /** What the pool is for, for the inventory. @default none */
  readonly purpose?: string;
  /**
   * Share each GPU between pods (NVIDIA time-slicing); the pool's nodes then also carry the
   * device-plugin config label. @default each pod gets whole GPUs
   */
  readonly gpuSharing?: GpuSharing;
  /**
   * Images built on the pool's nodes and never pulled (`imagePullPolicy: Never`), e.g. a k3s
   * node's locally built images. Only pods on this pool may use them. @default none
   */
  readonly localImages?: readonly string[];
}

/** What one pod asks of the node it lands on. */
export interface PodDemand {
  /** Sum of the containers' CPU requests, in millicores. */
  readonly cpuMillicores: number;
  /** Sum of the containers' memory requests, in bytes. */
  readonly memoryBytes: number;
  /** Whole GPUs requested. */
  readonly gpus: number;
  readonly features: ReadonlySet<PodFeature>;
  /** The pod's namespace, when known (a Fargate profile selects by it). */
  readonly namespace?: string;
  /** Images with `imagePullPolicy: Never` (they must already be on the node), with the field naming each. @default none */
  readonly neverPulledImages?: readonly { readonly field: string; readonly image: string }[];
  /** The pod's images and the architectures each declares (none declared: any). @default none listed */
  readonly images?: readonly PodImage[];
  /** Host ports the pod takes on its node (all container ports of a host-network pod). @default none */
  readonly hostPorts?: readonly HostPort[];
}

/** Where a pod's pods may land: a node pool, or a selection of static nodes by label. */
export interface PodPlacement {
  /** nodeSelector, tolerations and pod labels for a pod with this demand; `site` names the pod. */
  place(site: Site, demand: PodDemand): Placement;
  /**
   * Takes a LoadBalancer Service's ports where the cluster serves them from its nodes (k3s
   * ServiceLB); `owner` names the Service. @default cloud load balancers take no node ports
   */
  claimLoadBalancerPorts?(site: Site, owner: string, ports: readonly HostPort[]): void;
}

/** How a pod spec reaches its pool. */
export interface Placement {
  readonly nodeSelector?: Record<string, string>;
  readonly tolerations?: k8s.Toleration[];
  /** Labels the pod itself must carry (serverless profiles select pods by label). */
  readonly podLabels: Record<string, string>;
}

/**
 * A group of identical nodes. Placing a workload on a pool gives it the pool's nodeSelector, the
 * tolerations for its taints and its architecture, from this one object, and refuses pods that
 * cannot run there (too big for one node, a feature the capacity lacks, GPUs on a pool without).
 */
export class NodePool implements PodPlacement {
  readonly name: string;
  readonly instanceType: InstanceType;
  readonly capacity: NodeCapacity;
  readonly minNodes: number;
  readonly maxNodes: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly system: boolean;
  readonly purpose: string | undefined;
  readonly gpuSharing: GpuSharing | undefined;
  /** Images present on every node of the pool without a pull. */
  readonly localImages: readonly string[];
  private readonly memoryBytes: number | undefined;

  constructor(props: NodePoolProps) {
    const site = new Site(`node pool ${props.name}`);
    this.name = checkDnsLabel(site.at('name'), props.name);
    this.instanceType = props.instanceType;
    this.capacity = props.capacity ?? NodeCapacity.managedNodeGroup();
    this.memoryBytes = props.instanceType.memory === undefined ? undefined : checkBytes(site.at('instanceType.memory'), props.instanceType.memory);
    if (
      !Number.isInteger(props.minNodes) ||
      !Number.isInteger(props.maxNodes) ||
      props.minNodes < 0 ||
      props.maxNodes < Math.max(1, props.minNodes)
    ) {
      site
        .at('minNodes..maxNodes')
        .fail(
          `${props.minNodes}..${props.maxNodes}`,
          'must be whole numbers with 0 <= minNodes <= maxNodes and maxNodes >= 1',
          'give the autoscaling bounds, e.g. minNodes: 2, maxNodes: 5',
        );
    }
    this.minNodes = props.minNodes;
    this.maxNodes = props.maxNodes;
    if (Object.keys(props.labels).length === 0) {
      site
        .at('labels')
        .fail(
          props.labels,
          'must name at least one node label',
          'label the pool\'s nodes, e.g. { nodepool: "frontend-pool" }, so workloads can select it',
        );
    }
    if (props.gpuSharing && !props.instanceType.gpus) {
      site
        .at('gpuSharing')
        .fail(
          `time-slicing x${props.gpuSharing.replicas}`,
          `needs GPUs, but ${props.instanceType.name} has none`,
          'share GPUs only on a GPU instance type',
        );
    }
    this.gpuSharing = props.gpuSharing;
    const sharingLabel: Record<string, string> = props.gpuSharing ? { [DEVICE_PLUGIN_CONFIG_LABEL]: props.name } : {};
    this.labels = checkLabels(site.at('labels'), { ...props.labels, ...sharingLabel });
    this.taints = props.taints ?? [];
    this.system = props.system ?? false;
    this.purpose = props.purpose;
    this.localImages = (props.localImages ?? []).map((image, i) => checkLocalImage(site.at('localImages').at(i), image));
    const profile = this.capacity.fargateProfile;
    if (profile) {
      checkDnsLabel(site.at('capacity.fargateProfile.name'), profile.name);
      if (profile.namespaces.length === 0)
        site.at('capacity.fargateProfile.namespaces').fail([], 'must name at least one namespace', 'list the namespaces whose pods run on Fargate');
      profile.namespaces.forEach((ns, i) => checkDnsLabel(site.at('capacity.fargateProfile.namespaces').at(i), ns));
    }
  }

  get autoscaling(): boolean {
    return this.minNodes !== this.maxNodes;
  }

  /** nodeSelector, tolerations and pod labels for a pod with this demand; `site` names the pod. */
  place(site: Site, demand: PodDemand): Placement {
    for (const feature of demand.features) {
      if (this.capacity.cannotRun.has(feature)) {
        site
          .at('pool')
          .fail(
            this.name,
            `is ${this.capacity.kind} capacity, which cannot run ${feature}`,
            'place this workload on a node-group pool, or drop the feature for this environment',
          );
      }
    }
    const profile = this.capacity.fargateProfile;
    if (profile && demand.namespace !== undefined && !profile.namespaces.includes(demand.namespace)) {
      site
        .at('pool')
        .fail(
          this.name,
          `is fargate capacity whose profile ${profile.name} selects namespaces ${profile.namespaces.join(', ')}, so a pod in ${demand.namespace} would stay Pending`,
          `run the pod in one of: ${profile.namespaces.join(', ')}, or add its namespace to the profile`,
        );
    }
    for (const { field, image } of demand.neverPulledImages ?? []) {
      if (!this.localImages.includes(image)) {
        site
          .at(field)
          .fail(
            image,
            `is never pulled (imagePullPolicy Never), but pool ${this.name} does not hold it, so the pod would fail with ErrImageNeverPull`,
            `place the pod on a pool whose localImages list it${this.localImages.length > 0 ? '' : ` (pool ${this.name} lists none)`}, or push it to a registry and use IfNotPresent`,
          );
      }
    }
    const gpus = this.instanceType.gpus?.count ?? 0;
    if (demand.gpus > 0 && gpus === 0) {
      site
        .at('pool')
        .fail(
          this.name,
          `has no GPUs (instance type ${this.instanceType.name}) but the pod requests ${demand.gpus}`,
          'place GPU work on a pool whose instance type has GPUs',
        );
    }
    if (this.gpuSharing && demand.gpus > 1) {
      site
        .at('resources.gpus')
        .fail(
          demand.gpus,
          `asks for more than one share of pool ${this.name}, whose GPUs are time-sliced ${this.gpuSharing.replicas} ways: a second share adds no GPU time and the device plugin refuses it`,
          'request gpus: 1, or use a pool without sharing for pods that need whole GPUs',
        );
    }
    if (!this.gpuSharing && demand.gpus > gpus) {
      site.at('pool').fail(this.name, `has ${gpus} GPU(s) a node but the pod requests ${demand.gpus}`, "request at most one node's GPUs");
    }
    checkImageArchitectures(site, demand.images ?? [], [{ name: `pool ${this.name}`, arch: this.instanceType.arch }], `pool ${this.name}`);
    const cpu = (this.instanceType.vcpu ?? Infinity) * 1000;
    if (demand.cpuMillicores > cpu || demand.memoryBytes > (this.memoryBytes ?? Infinity)) {
      site
        .at('resources.requests')
        .fail(
          { cpu: formatMillicores(demand.cpuMillicores), memory: formatBytes(demand.memoryBytes) },
          `do not fit one node of pool ${this.name} (${this.instanceType.name}: ${this.instanceType.vcpu} vCPU, ${this.instanceType.memory})`,
          'lower the requests or choose a pool with larger nodes',
        );
    }
    if (!this.capacity.selectedByNodeLabels) {
      return { podLabels: { ...this.labels } };
    }
    const tolerations = this.taints.map((t) => t.toleration());
    return {
      nodeSelector: { ...this.labels, [ARCH_LABEL]: this.instanceType.arch.label },
      tolerations: tolerations.length > 0 ? tolerations : undefined,
      podLabels: {},
    };
  }

  /**
   * True when a nodeSelector picks this pool's nodes, as the scheduler decides it: every pair of
   * the selector is a label of the nodes (their architecture label included, unless ignored).
   */
  matchesNodeSelector(nodeSelector: Readonly<Record<string, string>>, options: { ignoreArch?: boolean } = {}): boolean {
    const nodeLabels: Record<string, string> = { ...this.labels, [ARCH_LABEL]: this.instanceType.arch.label };
    const pairs = Object.entries(nodeSelector).filter(([key]) => !(options.ignoreArch && key === ARCH_LABEL));
    return pairs.length > 0 && pairs.every(([key, value]) => nodeLabels[key] === value);
  }

  /** True when these labels (a pod's, for serverless profiles) include all of the pool's. */
  isSelectedBy(nodeSelector: Readonly<Record<string, string>>): boolean {
    return Object.entries(this.labels).every(([key, value]) => nodeSelector[key] === value);
  }
}

/** The pools of one cluster, looked up by name. */
export class NodePools {
  private readonly byName = new Map<string, NodePool>();

  constructor(pools: readonly NodePool[]) {
    for (const pool of pools) {
      if (this.byName.has(pool.name)) {
        new Site(`node pool ${pool.name}`).at('name').fail(pool.name, 'is used by two pools', 'give every pool its own name');
      }
      this.byName.set(pool.name, pool);
    }
  }

  get all(): NodePool[] {
    return [...this.byName.values()];
  }

  get(name: string, site: Site = new Site('node pools')): NodePool {
    const pool = this.byName.get(name);
    if (!pool) {
      return site.at('pool').fail(name, 'is not a node pool of this cluster', `use one of: ${[...this.byName.keys()].join(', ')}`);
    }
    return pool;
  }
}

/** A local image must name its tag: the kubelet compares the whole reference with what the node has. */
function checkLocalImage(site: Site, image: string): string {
  const lastPart = typeof image === 'string' ? image.slice(image.lastIndexOf('/') + 1) : '';
  if (typeof image !== 'string' || /\s/.test(image) || (!lastPart.includes(':') && !image.includes('@')) || lastPart.endsWith(':latest')) {
    site.fail(
      image,
      'must be an image reference with a version tag (a never-pulled image is matched by its full name)',
      'e.g. "claudecode-sandbox:1.0.0"',
    );
  }
  return image;
}
