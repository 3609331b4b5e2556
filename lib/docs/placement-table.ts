import { Manifest } from '../core/manifest';
import { formatBytes, formatMillicores, GPU_RESOURCE, parseQuantity } from '../core/quantity';
import { NodeCapacity } from '../placement/capacity';
import { ARCH_LABEL, NodePool, NodePools } from '../placement/node-pool';
import { podSpecOf } from '../core/pod-specs';

/** Where one workload's pods run, and how its requests compare with a node of its pool. */
export interface PlacementRow {
  readonly workload: string;
  readonly replicas: string;
  readonly pool: string;
  readonly nodeSelector: string;
  readonly tolerations: string;
  readonly arch: string;
  readonly requests: string;
  readonly node: string;
  /** How many of these pods fit on one node by CPU and memory requests (GPUs where asked). */
  readonly perNode: string;
}

/**
 * One row per pod-making object: its pool (the one its nodeSelector selects, or for serverless
 * capacity the one whose labels its pods carry), and requests against the instance type's
 * capacity. The capacity is the machine's; the kubelet and system daemons reserve part of it,
 * so the fit is an upper bound.
 */
export function placementRows(manifests: readonly Manifest[], pools: NodePools): PlacementRow[] {
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
    return [
      {
        workload: `${m.kind} ${m.namespace}/${m.name}`,
        replicas: replicasOf(m),
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
        node: pool
          ? `${pool.instanceType.name}: ${pool.instanceType.vcpu} CPU, ${pool.instanceType.memory}${pool.instanceType.gpus ? `, ${gpuSlots(pool)} GPU` : ''}`
          : '-',
        perNode: pool ? fit(pool, cpu, memory, gpus) : '-',
      },
    ];
  });
}

function replicasOf(m: Manifest): string {
  if (m.kind === 'CronJob') return `schedule ${m.object.spec?.schedule}`;
  if (m.kind === 'PodTemplate') return 'per session';
  if (m.kind === 'DaemonSet') return 'one per node';
  return String(m.object.spec?.replicas ?? 1);
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

function fit(pool: NodePool, cpu: number, memory: number, gpus: number): string {
  // Static nodes (k3s on own machines) do not record their size.
  if (pool.instanceType.vcpu === undefined || pool.instanceType.memory === undefined) return 'node size not recorded';
  const limits: [string, number][] = [];
  if (cpu > 0) limits.push(['CPU', Math.floor(pool.instanceType.vcpu / cpu + 1e-9)]);
  const nodeMemory = parseQuantity(pool.instanceType.memory) ?? 0;
  if (memory > 0) limits.push(['memory', Math.floor(nodeMemory / memory + 1e-9)]);
  if (gpus > 0) limits.push(['GPU', Math.floor(gpuSlots(pool) / gpus)]);
  if (limits.length === 0) return 'no requests';
  const least = Math.min(...limits.map(([, n]) => n));
  return `${least} (by ${limits
    .filter(([, n]) => n === least)
    .map(([k]) => k)
    .join(' and ')})`;
}
