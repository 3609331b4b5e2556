import { PolicyRule } from '../../core/exceptions';
import { objectId } from '../../core/manifest';
import { podSpecOf } from '../../core/pod-specs';
import { parseQuantity } from '../../core/quantity';
import { manifestIndex } from '../manifest-index';
import { Finding, PolicyCheck } from '../policy-check';

/** A request or limit in base units; a number is one already. */
function amount(value: unknown): number | undefined {
  return typeof value === 'number' ? value : typeof value === 'string' ? parseQuantity(value) : undefined;
}

/**
 * An HPA's utilization target must be one the pods can reach. The HPA controller computes
 * utilization as the pods' usage over the sum of their containers' requests
 * (pkg/controller/podautoscaler/replica_calculator.go, GetResourceReplicas and
 * calculatePodRequests): a container without a request for the resource makes it fail ("missing
 * request for cpu") and the HPA never scales; and since a container is throttled (CPU) or killed
 * (memory) at its limit, a target above limits over requests is never reached, so the HPA never
 * scales out.
 */
export const hpaTargetCheck: PolicyCheck = {
  rule: PolicyRule.HPA_TARGET_REACHABLE,
  appliesTo: (m) => m.kind === 'HorizontalPodAutoscaler' && Array.isArray(m.object.spec?.metrics),
  check(m, { manifests }) {
    const ref = m.object.spec?.scaleTargetRef ?? {};
    const target = manifestIndex(manifests).find(ref.kind, m.namespace, ref.name);
    const pod = target && podSpecOf(target);
    if (!target || !pod) return []; // a target the build does not make is the closure's to report
    const findings: Finding[] = [];
    (m.object.spec.metrics as Record<string, any>[]).forEach((metric, i) => {
      const [key, source] =
        metric?.type === 'Resource'
          ? ['resource', metric.resource]
          : metric?.type === 'ContainerResource'
            ? ['containerResource', metric.containerResource]
            : [];
      const utilization = source?.target?.type === 'Utilization' ? source.target.averageUtilization : undefined;
      if (typeof utilization !== 'number' || typeof source.name !== 'string') return;
      const resource: string = source.name;
      const containers: Record<string, any>[] = (pod.spec.containers ?? []).filter(
        (c: Record<string, any>) => key === 'resource' || c.name === source.container,
      );
      const field = `spec.metrics[${i}].${key}.target.averageUtilization`;
      const unrequested = containers.filter((c) => amount(c.resources?.requests?.[resource]) === undefined).map((c) => c.name);
      if (unrequested.length > 0) {
        findings.push({
          field,
          value: utilization,
          problem: `targets ${resource} utilization, but container ${unrequested.join(', ')} of ${objectId(target)} requests no ${resource}, so the HPA cannot compute it and never scales`,
          fix: `give every container of ${objectId(target)} a ${resource} request, or scale on another metric`,
        });
        return;
      }
      const limits = containers.map((c) => amount(c.resources?.limits?.[resource]));
      if (limits.some((l) => l === undefined)) return; // a container without a limit can use more than it requests
      const requested = containers.reduce((sum, c) => sum + amount(c.resources.requests[resource])!, 0);
      const ceiling = Math.floor((limits.reduce((sum: number, l) => sum + l!, 0) / requested) * 100);
      if (utilization > ceiling) {
        findings.push({
          field,
          value: utilization,
          problem: `can never be reached: the ${resource} limits of ${objectId(target)} cap its utilization at ${ceiling}% of its requests, so the HPA never scales out`,
          fix: `target at most ${ceiling}% (70 to 80 is usual), or raise the limits`,
        });
      }
    });
    return findings;
  },
};
