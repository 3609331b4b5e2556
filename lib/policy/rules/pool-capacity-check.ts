import { PolicyRule } from '../../core/exceptions';
import { Manifest, objectId } from '../../core/manifest';
import { formatBytes, formatMillicores, parseQuantity } from '../../core/quantity';
import { NodePool } from '../../placement/node-pool';
import { podRequest } from './allocatable-check';
import { Finding, PolicyCheck, PolicyContext } from '../policy-check';
import { podSpecOf } from '../../core/pod-specs';
import { manifestIndex } from '../manifest-index';
import { spreadHolds } from './spread-capacity';

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** How many of a pod fit on the pool at its maximum size, by CPU and memory requests; undefined when unbounded. */
function poolHolds(pool: NodePool, spec: Record<string, any>): number | undefined {
  const cpu = podRequest(spec, 'cpu');
  const memory = podRequest(spec, 'memory');
  // Static nodes (k3s on own machines) record no size: nothing to bound by.
  if (pool.instanceType.vcpu === undefined || pool.instanceType.memory === undefined) return undefined;
  const nodeMemory = parseQuantity(pool.instanceType.memory) ?? Infinity;
  const perNode = Math.min(cpu > 0 ? Math.floor(pool.instanceType.vcpu / cpu) : Infinity, memory > 0 ? Math.floor(nodeMemory / memory) : Infinity);
  return Number.isFinite(perNode) ? perNode * pool.maxNodes : undefined;
}

function poolOf(m: Manifest, { pools }: PolicyContext): NodePool | undefined {
  const found = podSpecOf(m);
  return found && (pools?.all ?? []).find((p) => p.capacity.selectedByNodeLabels && p.isSelectedBy(found.spec.nodeSelector ?? {}));
}

function beyond(field: string, count: number, workload: Manifest, pool: NodePool, holds: number): Finding {
  const found = podSpecOf(workload)!;
  return {
    field,
    value: count,
    problem: `asks for more pods than pool ${pool.name} can ever hold: at most ${holds} (${pool.maxNodes} nodes of ${pool.instanceType.name}, ${pool.instanceType.vcpu} vCPU and ${pool.instanceType.memory} each, pods requesting ${formatMillicores(Math.round(podRequest(found.spec, 'cpu') * 1000))} CPU and ${formatBytes(podRequest(found.spec, 'memory'))})`,
    fix: `ask for at most ${holds}, or raise the pool's maxNodes, or use a pool with larger nodes`,
  };
}

/**
 * Replicas (or an HPA's maxReplicas) beyond what the pool's maximum nodes hold stay Pending for
 * ever, and the cluster autoscaler cannot help past maxNodes. Serverless pools size a VM per pod.
 */
export const poolCapacityCheck: PolicyCheck = {
  rule: PolicyRule.FITS_POOL,
  appliesTo: (m) => SCALABLE.has(m.kind) || m.kind === 'HorizontalPodAutoscaler',
  check(m, context) {
    const target =
      m.kind === 'HorizontalPodAutoscaler'
        ? manifestIndex(context.manifests).find(m.object.spec?.scaleTargetRef?.kind, m.namespace, m.object.spec?.scaleTargetRef?.name)
        : m;
    const count = m.kind === 'HorizontalPodAutoscaler' ? m.object.spec?.maxReplicas : m.object.spec?.replicas;
    const pool = target && poolOf(target, context);
    if (!pool || typeof count !== 'number') return [];
    const field = m.kind === 'HorizontalPodAutoscaler' ? 'spec.maxReplicas' : 'spec.replicas';
    const holds = poolHolds(pool, podSpecOf(target)!.spec);
    if (holds !== undefined && count > holds) return [beyond(field, count, target, pool, holds)];
    // Spread rules that cannot be met on the pool's nodes leave the pods beyond them Pending.
    const spread = spreadHolds(podSpecOf(target)!, pool.maxNodes);
    if (spread === undefined || count <= spread.holds) return [];
    return [
      {
        field,
        value: count,
        problem: `asks for more pods than the spread rules of ${objectId(target)} let onto pool ${pool.name}: at most ${spread.holds} (${spread.field}: ${spread.why})`,
        fix: `ask for at most ${spread.holds}, or relax the spread rule (ScheduleAnyway, a smaller minDomains), or raise the pool's maxNodes`,
      },
    ];
  },
};
