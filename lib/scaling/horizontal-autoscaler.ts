import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel } from '../core/names';
import { CheckedConstruct } from '../core/app-checks';
import { needAddon } from '../core/addon-needs';

/** One rate limit on scaling: at most `value` pods (or percent) every `periodSeconds`. */
export interface ScalingPolicy {
  readonly type: 'Pods' | 'Percent';
  readonly value: number;
  readonly periodSeconds: number;
}

/** How fast one direction of scaling may go. */
export interface ScalingRules {
  /** @default the HPA default (0 s up, 300 s down) */
  readonly stabilizationWindowSeconds?: number;
  readonly policies: readonly ScalingPolicy[];
}

export interface AutoscalingOptions {
  /** @default the workload's name */
  readonly name?: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Target average CPU use, percent of the CPU request. @default not a metric */
  readonly cpuUtilization?: number;
  /** Target average memory use, percent of the memory request. @default not a metric */
  readonly memoryUtilization?: number;
  /** @default the HPA default */
  readonly scaleUp?: ScalingRules;
  /** @default the HPA default */
  readonly scaleDown?: ScalingRules;
}

export interface HorizontalAutoscalerProps extends AutoscalingOptions {
  readonly namespace: string;
  /** The scaled controller; it must not set replicas itself. */
  readonly target: { readonly kind: 'Deployment' | 'StatefulSet'; readonly name: string };
}

/** An autoscaling/v2 HorizontalPodAutoscaler on resource metrics, with checked bounds. */
export class HorizontalAutoscaler extends CheckedConstruct {
  /** The HorizontalPodAutoscaler (escape hatch). */
  readonly object: k8s.KubeHorizontalPodAutoscalerV2;

  constructor(scope: Construct, id: string, props: HorizontalAutoscalerProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path, 'autoscaling');
    const name = checkDnsLabel(site.at('name'), props.name ?? props.target.name);
    if (
      !Number.isInteger(props.minReplicas) ||
      props.minReplicas < 1 ||
      !Number.isInteger(props.maxReplicas) ||
      props.maxReplicas < props.minReplicas
    ) {
      site
        .at('minReplicas..maxReplicas')
        .fail(
          `${props.minReplicas}..${props.maxReplicas}`,
          'must be whole numbers with 1 <= minReplicas <= maxReplicas',
          'give the bounds, e.g. minReplicas: 2, maxReplicas: 10',
        );
    }
    const metrics = [
      resourceMetric(site.at('cpuUtilization'), 'cpu', props.cpuUtilization),
      resourceMetric(site.at('memoryUtilization'), 'memory', props.memoryUtilization),
    ].filter((m): m is k8s.MetricSpecV2 => m !== undefined);
    if (metrics.length === 0) {
      site.fail(
        { cpuUtilization: props.cpuUtilization, memoryUtilization: props.memoryUtilization },
        'must scale on at least one metric',
        'set cpuUtilization and/or memoryUtilization (percent of the request)',
      );
    }
    // Resource metrics are read from the aggregated metrics API at run time, not from the objects.
    needAddon(this, { addon: 'metrics-server' });
    const behavior =
      props.scaleUp || props.scaleDown
        ? {
            scaleUp: props.scaleUp && scalingRules(site.at('scaleUp'), props.scaleUp),
            scaleDown: props.scaleDown && scalingRules(site.at('scaleDown'), props.scaleDown),
          }
        : undefined;
    this.object = new k8s.KubeHorizontalPodAutoscalerV2(this, 'hpa', {
      metadata: { name, namespace: props.namespace },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: props.target.kind, name: props.target.name },
        minReplicas: props.minReplicas,
        maxReplicas: props.maxReplicas,
        metrics,
        behavior,
      },
    });
  }
}

function resourceMetric(site: Site, resource: 'cpu' | 'memory', utilization: number | undefined): k8s.MetricSpecV2 | undefined {
  if (utilization === undefined) return undefined;
  if (!Number.isInteger(utilization) || utilization < 1) {
    site.fail(utilization, 'must be a whole percentage of the request, at least 1', 'e.g. 70');
  }
  return { type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization: utilization } } };
}

function scalingRules(site: Site, rules: ScalingRules): k8s.HpaScalingRulesV2 {
  const window = rules.stabilizationWindowSeconds;
  if (window !== undefined && (!Number.isInteger(window) || window < 0 || window > 3600)) {
    site.at('stabilizationWindowSeconds').fail(window, 'must be whole seconds from 0 to 3600', 'e.g. 300');
  }
  if (rules.policies.length === 0)
    site.at('policies').fail([], 'must list at least one policy', 'e.g. { type: "Percent", value: 100, periodSeconds: 15 }');
  return {
    stabilizationWindowSeconds: window,
    policies: rules.policies.map((p, i) => {
      if (!Number.isInteger(p.value) || p.value < 1) site.at('policies').at(i).at('value').fail(p.value, 'must be a whole number above 0', 'e.g. 10');
      if (!Number.isInteger(p.periodSeconds) || p.periodSeconds < 1 || p.periodSeconds > 1800) {
        site.at('policies').at(i).at('periodSeconds').fail(p.periodSeconds, 'must be whole seconds from 1 to 1800', 'e.g. 60');
      }
      return { type: p.type, value: p.value, periodSeconds: p.periodSeconds };
    }),
  };
}
