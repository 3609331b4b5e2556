import { k8s } from 'cdk8s-plus-28';
import { declareException, PolicyRule } from '../../lib/core/exceptions';
import { rawPodSpec } from '../helpers';
import { WebService } from '../../lib/workloads/web-service';
import { Case, Context, PROBED, rawDeployment, web } from './fixtures';

/** Five pods of a raw Deployment `raw` (app=raw) with a budget, on pool general (at most 3 nodes). */
function spreadDeployment(ctx: Context, podSpec: Record<string, unknown>): void {
  rawDeployment(ctx, { replicas: 5 }, podSpec);
  new k8s.KubePodDisruptionBudget(ctx.platform.apps, 'pdb', {
    metadata: { name: 'raw', namespace: 'apps' },
    spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { app: 'raw' } } },
  });
}

/** A raw Deployment `raw` (pods app=raw) with a budget, scaled by an HPA on CPU utilization at `utilization`%. */
function autoscaled(ctx: Context, podSpec: Record<string, unknown>, utilization: number) {
  const deployment = rawDeployment(ctx, {}, podSpec);
  new k8s.KubePodDisruptionBudget(ctx.platform.apps, 'pdb', {
    metadata: { name: 'raw', namespace: 'apps' },
    spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { app: 'raw' } } },
  });
  new k8s.KubeHorizontalPodAutoscalerV2(ctx.platform.apps, 'hpa', {
    metadata: { name: 'raw', namespace: 'apps' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'raw' },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: utilization } } }],
    },
  });
  return deployment;
}

/** A raw HPA on CPU also needs the metrics API, which the test platform neither installs nor declares: the closure says so first. */
const METRICS_API_UNSERVED =
  'test/apps/hpa: spec.metrics[0].type is read from the metrics.k8s.io API at run time, which no add-on the build installs serves and no add-on the cluster is declared to provide (got "Resource"); fix: install the add-on that serves it (HorizontalAutoscaler declares metrics-server), or declare the add-on in the platform\'s cluster.provided with a reason, e.g. { addon: "metrics-server", reason: "..." }';

/** Refused inputs: disruption budgets that allow no eviction at the workload's replica count or protect nothing; HPA targets never reached. */
export const budgets: Case[] = [
  [
    'minAvailable 60% of 2 pods',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { minAvailable: '60%' } }, PROBED)),
    'test/apps/web/disruption-budget: spec.minAvailable never allows an eviction of the pods it covers (2), so node drains hang [budget-allows-eviction] (got "60%"); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'minAvailable equal to the replica count',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 3, disruptionBudget: { minAvailable: 3 } }, PROBED)),
    'test/apps/web/disruption-budget: spec.minAvailable never allows an eviction of the pods it covers (3), so node drains hang [budget-allows-eviction] (got 3); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'maxUnavailable 100%',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 3, disruptionBudget: { maxUnavailable: '100%' } }, PROBED)),
    'test/apps/web/disruption-budget: spec.maxUnavailable lets every pod it covers be evicted at once (3), so it protects nothing [budget-allows-eviction] (got "100%"); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'maxUnavailable as many as the replicas',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { maxUnavailable: 2 } }, PROBED)),
    'test/apps/web/disruption-budget: spec.maxUnavailable lets every pod it covers be evicted at once (2), so it protects nothing [budget-allows-eviction] (got 2); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'minAvailable 0%',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { minAvailable: '0%' } }, PROBED)),
    'test/apps/web/disruption-budget: spec.minAvailable lets every pod it covers be evicted at once (2), so it protects nothing [budget-allows-eviction] (got "0%"); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'a budget with no bound',
    (ctx) => {
      new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: false }, PROBED));
      new k8s.KubePodDisruptionBudget(ctx.platform.apps, 'budget', {
        metadata: { name: 'web', namespace: 'apps' },
        spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } },
      });
    },
    'test/apps/budget: spec gives neither minAvailable nor maxUnavailable, so it protects nothing [budget-allows-eviction] (got nothing); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'an HPA on CPU utilization of pods that request no CPU',
    (ctx) => {
      const spec = rawPodSpec({ resources: { requests: { memory: '128Mi' }, limits: { memory: '256Mi' } } });
      declareException(autoscaled(ctx, spec, 70), { rule: PolicyRule.RESOURCES_SET, reason: 'the runtime sizes its own CPU share' });
    },
    `${METRICS_API_UNSERVED}\n` +
      'test/apps/hpa: spec.metrics[0].resource.target.averageUtilization targets cpu utilization, but container c of Deployment apps/raw requests no cpu, so the HPA cannot compute it and never scales [hpa-target-reachable] (got 70); fix: give every container of Deployment apps/raw a cpu request, or scale on another metric',
  ],
  [
    'an HPA target above what the CPU limits allow',
    (ctx) => void autoscaled(ctx, rawPodSpec(), 600),
    `${METRICS_API_UNSERVED}\n` +
      'test/apps/hpa: spec.metrics[0].resource.target.averageUtilization can never be reached: the cpu limits of Deployment apps/raw cap its utilization at 500% of its requests, so the HPA never scales out [hpa-target-reachable] (got 600); fix: target at most 500% (70 to 80 is usual), or raise the limits',
  ],
  [
    'a spread with more pods than the nodes can take under DoNotSchedule',
    (ctx) => {
      const spread = {
        maxSkew: 1,
        minDomains: 4,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app: 'raw' } },
      };
      spreadDeployment(ctx, { ...rawPodSpec(), topologySpreadConstraints: [spread] });
    },
    "test/apps/raw: spec.replicas asks for more pods than the spread rules of Deployment apps/raw let onto pool general: at most 3 (spec.template.spec.topologySpreadConstraints[0]: minDomains 4 on kubernetes.io/hostname under DoNotSchedule, more than the pool's 3 nodes, leaves each node at most maxSkew 1 of them) [fits-pool] (got 5); fix: ask for at most 3, or relax the spread rule (ScheduleAnyway, a smaller minDomains), or raise the pool's maxNodes",
  ],
  [
    'a required anti-affinity with more pods than nodes',
    (ctx) => {
      const term = { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'raw' } } };
      spreadDeployment(ctx, { ...rawPodSpec(), affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } });
    },
    "test/apps/raw: spec.replicas asks for more pods than the spread rules of Deployment apps/raw let onto pool general: at most 3 (spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]: a required anti-affinity of the pods to each other on kubernetes.io/hostname puts one on a node) [fits-pool] (got 5); fix: ask for at most 3, or relax the spread rule (ScheduleAnyway, a smaller minDomains), or raise the pool's maxNodes",
  ],
];
