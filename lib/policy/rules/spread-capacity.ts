import { HOSTNAME_LABEL } from '../../core/labels';
import { FoundPodSpec, selects } from '../../core/pod-specs';

/** How many of a workload's pods its spread rules let onto `nodes` nodes, and why; undefined when they set no bound. */
export function spreadHolds(pod: FoundPodSpec, nodes: number): { holds: number; field: string; why: string } | undefined {
  const bounds: { holds: number; field: string; why: string }[] = [];
  (pod.spec.topologySpreadConstraints ?? []).forEach((c: Record<string, any>, i: number) => {
    // With fewer eligible domains than minDomains the scheduler takes the global minimum as 0, so a
    // node takes at most maxSkew pods (pkg/scheduler/framework/plugins/podtopologyspread, filtering.go).
    const bounded =
      c?.whenUnsatisfiable === 'DoNotSchedule' && c.topologyKey === HOSTNAME_LABEL && typeof c.minDomains === 'number' && c.minDomains > nodes;
    if (bounded && typeof c.maxSkew === 'number' && selects(c.labelSelector, pod.labels)) {
      bounds.push({
        holds: c.maxSkew * nodes,
        field: `${pod.field}.topologySpreadConstraints[${i}]`,
        why: `minDomains ${c.minDomains} on ${HOSTNAME_LABEL} under DoNotSchedule, more than the pool's ${nodes} nodes, leaves each node at most maxSkew ${c.maxSkew} of them`,
      });
    }
  });
  (pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term: Record<string, any>, i: number) => {
    if (term?.topologyKey === HOSTNAME_LABEL && selects(term.labelSelector, pod.labels)) {
      bounds.push({
        holds: nodes,
        field: `${pod.field}.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[${i}]`,
        why: `a required anti-affinity of the pods to each other on ${HOSTNAME_LABEL} puts one on a node`,
      });
    }
  });
  return bounds.sort((a, b) => a.holds - b.holds)[0];
}
