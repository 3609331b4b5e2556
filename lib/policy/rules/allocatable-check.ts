import { PolicyRule } from '../../core/exceptions';
import { formatBytes, formatMillicores, parseQuantity } from '../../core/quantity';
import { PolicyCheck } from '../policy-check';
import { podSpecOf } from '../../core/pod-specs';

/** The pod's effective request of one resource: its containers' sum, or its largest init container. */
export function podRequest(spec: Record<string, any>, resource: 'cpu' | 'memory'): number {
  const of = (c: any) => parseQuantity(c.resources?.requests?.[resource] ?? '0') ?? 0;
  return Math.max(
    (spec.containers ?? []).reduce((sum: number, c: any) => sum + of(c), 0),
    ...(spec.initContainers ?? []).map(of),
  );
}

/**
 * The kubelet and the system reserve part of every node (kube-reserved, system-reserved,
 * eviction threshold), so a node-group node's allocatable is below its capacity: a pod that asks
 * for a whole node's CPU or memory never schedules. Serverless pools size the VM to the pod.
 */
export const allocatableCheck: PolicyCheck = {
  rule: PolicyRule.FITS_ALLOCATABLE,
  appliesTo: (m) => podSpecOf(m) !== undefined,
  check(m, { pools }) {
    const found = podSpecOf(m)!;
    const pool = (pools?.all ?? []).find((p) => p.capacity.selectedByNodeLabels && p.matchesNodeSelector(found.spec.nodeSelector ?? {}));
    if (!pool || pool.instanceType.vcpu === undefined || pool.instanceType.memory === undefined) return [];
    const cpu = podRequest(found.spec, 'cpu');
    const memory = podRequest(found.spec, 'memory');
    const nodeMemory = parseQuantity(pool.instanceType.memory) ?? Infinity;
    if (cpu < pool.instanceType.vcpu && memory < nodeMemory) return [];
    const what = cpu >= pool.instanceType.vcpu ? `${pool.instanceType.vcpu} vCPU` : pool.instanceType.memory;
    return [
      {
        field: `${found.field}.containers`,
        value: { cpu: formatMillicores(Math.round(cpu * 1000)), memory: formatBytes(memory) },
        problem: `ask for a whole node of pool ${pool.name} (${pool.instanceType.name}: ${what}), more than its allocatable after system reservations, so the pod never schedules`,
        fix: 'request less than a node (leave room for the kubelet and system daemons), or choose a pool with larger nodes',
      },
    ];
  },
};
