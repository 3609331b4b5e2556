import { ValidationError } from '../../core/errors';
import { Manifest, objectId } from '../../core/manifest';
import { podSpecOf } from '../../core/pod-specs';
import { NodePool, NodePools } from '../../placement/node-pool';
import { NODE_PORT_RANGE } from '../../workloads/workload-services';
import { manifestIndex } from '../manifest-index';
import { listAt } from './api-findings';

/**
 * Ports one cluster has once: a node port, taken on every node by one Service (the API server's
 * node-port allocator, pkg/registry/core/service/portallocator: "provided port is already
 * allocated", and "provided port is not in the valid range" outside --service-node-port-range,
 * 30000-32767 by default); and a host port, taken on a node by one pod (the scheduler's NodePorts
 * plugin, pkg/scheduler/framework/plugins/nodeports, leaves a second pod Pending for ever).
 */
export function clusterPortErrors(manifests: readonly Manifest[], pools: NodePools | undefined): ValidationError[] {
  return [...nodePortErrors(manifests), ...hostPortErrors(manifests, pools)];
}

function nodePortErrors(manifests: readonly Manifest[]): ValidationError[] {
  const errors: ValidationError[] = [];
  const holders = new Map<number, Manifest>();
  for (const m of manifestIndex(manifests).ofKind('Service')) {
    const seen = new Set<number>(); // a Service may give one node port to TCP and UDP alike
    listAt(m.object.spec?.ports).forEach((p, i) => {
      const port = p?.nodePort;
      if (!Number.isInteger(port) || port === 0 || seen.has(port)) return;
      seen.add(port);
      const field = `spec.ports[${i}].nodePort`;
      if (port < NODE_PORT_RANGE.min || port > NODE_PORT_RANGE.max) {
        errors.push(
          new ValidationError({
            path: m.path,
            field,
            value: port,
            problem: `must be in the cluster's node port range ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}, or the API server refuses the Service`,
            fix: 'pick a port in that range, or leave nodePort out and let the cluster assign one',
          }),
        );
        return;
      }
      const holder = holders.get(port);
      if (holder) {
        errors.push(
          new ValidationError({
            path: m.path,
            field,
            value: port,
            problem: `is the node port of ${objectId(holder)} too (a node port is the cluster's once), or the API server refuses the Service`,
            fix: 'give each Service its own node port, or leave nodePort out and let the cluster assign one',
          }),
        );
      } else holders.set(port, m);
    });
  }
  return errors;
}

/** One pod template that takes host ports: where its pods may run and how many there are. */
interface HostPortClaim {
  readonly m: Manifest;
  readonly field: string;
  readonly port: string;
  /** The pools its pods may land on (every pool, when the build names none). */
  readonly pools: readonly NodePool[] | 'anywhere';
  /** Pods at most: a DaemonSet has one on every node. */
  readonly pods: number | 'every node';
}

function hostPortErrors(manifests: readonly Manifest[], pools: NodePools | undefined): ValidationError[] {
  const byPort = new Map<string, HostPortClaim[]>();
  for (const m of manifests) {
    const found = podSpecOf(m);
    if (!found || m.kind === 'PodTemplate') continue; // a template's pods are made at run time, by someone who knows their nodes
    const hostNetwork = found.spec.hostNetwork === true;
    const nodeSelector: Record<string, string> = found.spec.nodeSelector ?? {};
    const where = pools ? pools.all.filter((p) => p.capacity.selectedByNodeLabels && p.matchesNodeSelector(nodeSelector)) : 'anywhere';
    // A pod that lands on no node pool (or only on serverless ones, which give no host ports) is the placement checks' to refuse.
    if (where !== 'anywhere' && where.length === 0) continue;
    const ports = listAt(found.spec.containers).flatMap((c, i) =>
      listAt(c?.ports).flatMap((p, j) => {
        const host = hostNetwork ? p?.containerPort : p?.hostPort;
        const field = `${found.field}.containers[${i}].ports[${j}].${hostNetwork ? 'containerPort' : 'hostPort'}`;
        return Number.isInteger(host) && host > 0 ? [{ port: `${host}/${p.protocol ?? 'TCP'}`, field }] : [];
      }),
    );
    for (const { port, field } of ports) {
      const claim: HostPortClaim = { m, field, port, pools: where, pods: podCount(m, manifests) };
      byPort.set(port, [...(byPort.get(port) ?? []), claim]);
    }
  }
  const errors: ValidationError[] = [];
  for (const claims of byPort.values()) {
    claims.forEach((claim, i) => {
      const problem = conflict(claim, claims.slice(0, i));
      if (problem) {
        errors.push(
          new ValidationError({
            path: claim.m.path,
            field: claim.field,
            value: claim.port,
            problem: `takes host port ${claim.port}, ${problem}: a node has each host port once, so the scheduler leaves the pod Pending`,
            fix: 'give one of them another port, place them on pools that do not overlap, or expose the port through a Service instead',
          }),
        );
      }
    });
  }
  return errors;
}

/** Why `claim` cannot have its port on every node it needs, given the claims before it; undefined when it can. */
function conflict(claim: HostPortClaim, before: readonly HostPortClaim[]): string | undefined {
  // Two containers of one pod taking one port are the pod spec's own error (pod-spec.ts).
  const overlapping = before.filter((other) => other.m !== claim.m && overlaps(claim, other));
  const daemon = overlapping.find((c) => c.pods === 'every node') ?? (claim.pods === 'every node' ? overlapping[0] : undefined);
  if (daemon) return `which ${objectId(daemon.m)} takes on the same nodes`;
  if (claim.pods === 'every node') return undefined;
  const nodes = nodeCount(claim.pools);
  const pods = [claim, ...overlapping].reduce((n, c) => n + (c.pods as number), 0);
  if (nodes !== undefined && pods > nodes) {
    const others = overlapping.length > 0 ? ` with ${overlapping.map((c) => objectId(c.m)).join(', ')}` : '';
    return `for ${pods} pods${others} on at most ${nodes} node${nodes === 1 ? '' : 's'}`;
  }
  return undefined;
}

function overlaps(a: HostPortClaim, b: HostPortClaim): boolean {
  if (a.pools === 'anywhere' || b.pools === 'anywhere') return true;
  return a.pools.some((p) => (b.pools as readonly NodePool[]).includes(p));
}

function nodeCount(pools: HostPortClaim['pools']): number | undefined {
  return pools === 'anywhere' ? undefined : pools.reduce((n, p) => n + p.maxNodes, 0);
}

/** Pods a controller runs at most at once (an autoscaled one: its HPA's maximum). */
function podCount(m: Manifest, manifests: readonly Manifest[]): number | 'every node' {
  const spec = m.object.spec ?? {};
  switch (m.kind) {
    case 'DaemonSet':
      return 'every node';
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet': {
      const hpaMax = manifestIndex(manifests).hpaOf(m)?.object.spec?.maxReplicas;
      return Number.isInteger(hpaMax) ? hpaMax : Number.isInteger(spec.replicas) ? spec.replicas : 1;
    }
    case 'Job':
      return Number.isInteger(spec.parallelism) ? spec.parallelism : 1;
    case 'CronJob':
      return Number.isInteger(spec.jobTemplate?.spec?.parallelism) ? spec.jobTemplate.spec.parallelism : 1;
    default:
      return 1;
  }
}
