import { ValidationError } from '../../core/errors';
import { Manifest } from '../../core/manifest';
import { ARCH_LABEL, NodePools } from '../../placement/node-pool';
import { podSpecOf } from '../../core/pod-specs';

/**
 * Every pod lands on a pool of its cluster and tolerates that pool's taints. Pods built with
 * the workload constructs get this by construction; this catches hand-written objects.
 */
export function checkPlacement(manifests: readonly Manifest[], pools: NodePools): Error[] {
  const errors: Error[] = [];
  for (const m of manifests) {
    const found = podSpecOf(m);
    if (!found) continue;
    const field = `${found.field}.nodeSelector`;
    const nodeSelector: Record<string, string> = found.spec.nodeSelector ?? {};
    const tolerations: any[] = found.spec.tolerations ?? [];
    const serverless = pools.all.filter((p) => !p.capacity.selectedByNodeLabels && p.isSelectedBy(found.labels));
    if (serverless.length > 0) continue;
    // Pools the labels select; if the architecture rules all of them out, report it on those.
    const byLabels = pools.all.filter((p) => p.capacity.selectedByNodeLabels && p.matchesNodeSelector(nodeSelector, { ignoreArch: true }));
    const byArch = byLabels.filter((p) => p.matchesNodeSelector(nodeSelector));
    const matching = byArch.length > 0 ? byArch : byLabels;
    if (matching.length === 0) {
      errors.push(
        new ValidationError({
          path: m.path,
          field,
          value: nodeSelector,
          problem: 'selects no node pool of this cluster',
          fix: `place the workload with pool: <one of ${pools.all.map((p) => p.name).join(', ')}>`,
        }),
      );
      continue;
    }
    for (const pool of matching) {
      const missing = pool.taints.filter((taint) => !tolerations.some((t) => taint.isToleratedBy(t)));
      if (missing.length > 0) {
        errors.push(
          new ValidationError({
            path: m.path,
            field: `${found.field}.tolerations`,
            value: tolerations,
            problem: `miss the taint ${missing.join(', ')} of pool ${pool.name}, so the pod would never schedule`,
            fix: 'place the workload through its pool (pool: ...) so the tolerations come with it',
          }),
        );
      }
      const arch = nodeSelector[ARCH_LABEL];
      if (arch !== undefined && arch !== pool.instanceType.arch.label) {
        errors.push(
          new ValidationError({
            path: m.path,
            field: `${field}["${ARCH_LABEL}"]`,
            value: arch,
            problem: `does not match pool ${pool.name}, whose ${pool.instanceType.name} nodes are ${pool.instanceType.arch.label}`,
            fix: 'drop the architecture from the selector; the pool supplies it',
          }),
        );
      }
    }
  }
  return errors;
}
