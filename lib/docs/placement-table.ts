import { Manifest } from '../core/manifest';
import { formatBytes, formatMillicores, GPU_RESOURCE, parseQuantity } from '../core/quantity';
import { NodeCapacity } from '../placement/capacity';
import { ARCH_LABEL, NodePool, NodePools } from '../placement/node-pool';
import { podSpecOf } from '../core/pod-specs';
import { manifestIndex } from '../policy/manifest-index';

/** Where one workload's pods run, and how its requests compare with a node of its pool. */
export interface PlacementRow {
  readonly workload: string;
  /** The pods that will run: a fixed count, or its HorizontalPodAutoscaler's "min-max (HPA)". */
  readonly replicas: string;
  readonly pool: string;
  readonly nodeSelector: string;
  readonly tolerations: string;
  readonly arch: string;
  readonly requests: string;
  /** The instance type's capacity and, where its image's reservations are known, its allocatable. */
  readonly node: string;
  /** How many of these pods fit on one node by CPU and memory requests (GPUs where asked), against allocatable where known. */
  readonly perNode: string;
  /** Whether the most replicas that will run (an HPA's maximum) fit on the pool at its maximum node count. */
  readonly poolMaximum: string;
}

/**
 * One row per pod-making object: its replicas as they will run (an HPA's range when one scales
 * it), its pool (the one its nodeSelector selects, or for serverless capacity the one whose
 * labels its pods carry), and requests against a node's allocatable: the instance type's
 * capacity less what its node image reserves, or the capacity itself (an upper bound) where the
 * reservations are not known.
 */
export function placementRows(manifests: readonly Manifest[], pools: NodePools): PlacementRow[] {
  const index = manifestIndex(manifests);
  return manifests.flatMap((m) => {
    const found = podSpecOf(m);
    if (!found) return [];
    const spec = found.spec;
    const selector: Record<string, string> = spec.nodeSelector ?? {};
    const pool = pools.all.find((p) =>
      Object.keys(selector).length > 0
        ? p.isSelectedBy(selector)
        : !p.capacity.selectedByNodeLabels && Object.entries(p.labels).every(([k, v]) => found.labels[k] === v),
    );
    const nodes = pool ? [] : carriers(pools, selector);
    const containers: Record<string, any>[] = spec.containers ?? [];
    const sum = (key: string) => containers.reduce((n, c) => n + (parseQuantity(c.resources?.requests?.[key] ?? '0') ?? 0), 0);
    const [cpu, memory, gpus] = [sum('cpu'), sum('memory'), containers.reduce((n, c) => n + Number(c.resources?.limits?.[GPU_RESOURCE] ?? 0), 0)];
    const replicas = replicasOf(m, index.hpaOf(m));
    // Serverless capacity (Fargate) sizes one VM to each pod: there is no node to share.
    const perNode = pool ? (pool.capacity.selectedByNodeLabels ? fit(pool, cpu, memory, gpus) : { text: 'one VM per pod' }) : undefined;
    return [
      {
        workload: `${m.kind} ${m.namespace}/${m.name}`,
        replicas: replicas.text,
        pool: pool
          ? `${pool.name} (${pool.capacity.kind}, ${pool.minNodes}-${pool.maxNodes} nodes)`
          : nodes.length > 0
            ? `${nodes.map((n) => n.name).join(', ')} (${nodes[0].capacity.kind})`
            : 'none selected',
        nodeSelector:
          Object.entries(selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || '-',
        tolerations: (spec.tolerations ?? []).map((t: any) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect ?? 'any'}`).join(', ') || '-',
        arch: pool ? pool.instanceType.arch.label : [...new Set(nodes.map((n) => n.instanceType.arch.label))].join(', ') || '-',
        requests: `${formatMillicores(Math.round(cpu * 1000))} CPU, ${formatBytes(memory)}${gpus > 0 ? `, ${gpus} GPU` : ''}`,
        node: pool ? nodeOf(pool) : '-',
        perNode: perNode?.text ?? '-',
        poolMaximum: pool ? poolMaximum(pool, replicas.most, perNode?.pods) : '-',
      },
    ];
  });
}

/** The pods that will run, as text, and the most of them at once (undefined when not a replica count). */
function replicasOf(m: Manifest, hpa: Manifest | undefined): { readonly text: string; readonly most?: number } {
  if (m.kind === 'CronJob') return { text: `schedule ${m.object.spec?.schedule}` };
  if (m.kind === 'PodTemplate') return { text: 'per session' };
  if (m.kind === 'DaemonSet') return { text: 'one per node' };
  if (hpa) {
    // The HPA owns the count (hpa-owns-replicas): spec.replicas is absent, and minReplicas defaults to 1.
    const min = hpa.object.spec?.minReplicas ?? 1;
    const max = hpa.object.spec?.maxReplicas;
    return { text: `${min}-${max} (HPA)`, most: max };
  }
  const replicas = m.object.spec?.replicas ?? 1;
  return { text: String(replicas), most: replicas };
}

/** "m6g.xlarge: 4 CPU, 16Gi; allocatable 3.92 CPU, 14.6Gi": what a pod can really ask, where known. */
function nodeOf(pool: NodePool): string {
  const type = pool.instanceType;
  const capacity = `${type.name}: ${type.vcpu} CPU, ${type.memory}${type.gpus ? `, ${gpuSlots(pool)} GPU` : ''}`;
  const allocatable = type.allocatable;
  if (!allocatable) return capacity;
  return `${capacity}; allocatable ${formatMillicores(Math.round(allocatable.cpu * 1000))} CPU, ${(allocatable.memoryBytes / 2 ** 30).toFixed(1)}Gi`;
}

/**
 * Whether `most` pods fit on the pool at its maximum size: node pools hold pods per node times
 * maxNodes; serverless capacity runs a VM per pod, up to its maximum.
 */
function poolMaximum(pool: NodePool, most: number | undefined, perNode: number | undefined): string {
  if (most === undefined) return '-';
  if (!pool.capacity.selectedByNodeLabels)
    return most <= pool.maxNodes ? `fits: ${most} of ${pool.maxNodes} VMs` : `does not fit: ${most} pods, ${pool.maxNodes} VMs`;
  if (perNode === undefined) return 'node size not recorded';
  const holds = perNode * pool.maxNodes;
  const how = `${pool.maxNodes} node${pool.maxNodes === 1 ? '' : 's'} x ${perNode}`;
  return most <= holds ? `fits: ${most} of ${holds} (${how})` : `does not fit: ${most} > ${holds} (${how})`;
}

/**
 * Static nodes (one pool a node, label sets that overlap): the nodes carrying every label of
 * the selector, which no single pool's labels match.
 */
function carriers(pools: NodePools, selector: Readonly<Record<string, string>>): NodePool[] {
  if (Object.keys(selector).length === 0) return [];
  return pools.all.filter(
    (p) =>
      p.capacity.kind === NodeCapacity.staticNodes().kind &&
      Object.entries(selector).every(([k, v]) => (k === ARCH_LABEL ? p.instanceType.arch.label : p.labels[k]) === v),
  );
}

/** GPUs a node offers to pods: its physical GPUs times the time-slicing replicas. */
function gpuSlots(pool: NodePool): number {
  return (pool.instanceType.gpus?.count ?? 0) * (pool.gpuSharing?.replicas ?? 1);
}

/** Pods per node by requests, against allocatable where known (else capacity); no count without a size or requests. */
function fit(pool: NodePool, cpu: number, memory: number, gpus: number): { readonly text: string; readonly pods?: number } {
  // Static nodes (k3s on own machines) do not record their size.
  if (pool.instanceType.vcpu === undefined || pool.instanceType.memory === undefined) return { text: 'node size not recorded' };
  const allocatable = pool.instanceType.allocatable;
  const nodeCpu = allocatable?.cpu ?? pool.instanceType.vcpu;
  const nodeMemory = allocatable?.memoryBytes ?? parseQuantity(pool.instanceType.memory) ?? 0;
  const limits: [string, number][] = [];
  if (cpu > 0) limits.push(['CPU', Math.floor(nodeCpu / cpu + 1e-9)]);
  if (memory > 0) limits.push(['memory', Math.floor(nodeMemory / memory + 1e-9)]);
  if (gpus > 0) limits.push(['GPU', Math.floor(gpuSlots(pool) / gpus)]);
  if (limits.length === 0) return { text: 'no requests' };
  const least = Math.min(...limits.map(([, n]) => n));
  const by = limits
    .filter(([, n]) => n === least)
    .map(([k]) => k)
    .join(' and ');
  return { text: `${least} (by ${by}${allocatable ? '' : ', of capacity'})`, pods: least };
}
