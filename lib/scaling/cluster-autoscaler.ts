import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkDuration } from '../core/duration';
import { Site } from '../core/errors';
import { NodePool } from '../placement/node-pool';
import { needAddon } from '../core/addon-needs';
import { CheckedConstruct } from '../core/app-checks';

export interface ClusterAutoscalerSettingsProps {
  /**
   * Not "cluster-autoscaler-status": the autoscaler writes its own status to that ConfigMap and
   * would overwrite it (and Flux would fight it). @default "cluster-autoscaler-settings"
   */
  readonly name?: string;
  /** @default "kube-system" */
  readonly namespace?: string;
  readonly maxNodesTotal: number;
  /** The fewest nodes the autoscaled pools keep together. */
  readonly minNodesTotal: number;
  /** Scale a node down below this share of requested resources, 0 to 1. */
  readonly scaleDownUtilizationThreshold: number;
  readonly scaleDownUnneededTime: string;
  readonly scaleDownDelayAfterAdd: string;
  /** The pools the autoscaler manages; their bounds must fit the totals. */
  readonly pools: readonly NodePool[];
}

/**
 * Cluster-autoscaler settings as a ConfigMap (the seed's keys) plus the command-line flags they
 * mean, checked against the pools: if the pools' maximums add up to more than `maxNodesTotal`,
 * the autoscaler stops short of them without saying so.
 */
export class ClusterAutoscalerSettings extends CheckedConstruct {
  constructor(scope: Construct, id: string, props: ClusterAutoscalerSettingsProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    const { maxNodesTotal: max, minNodesTotal: min } = props;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < Math.max(1, min)) {
      site.at('minNodesTotal..maxNodesTotal').fail(`${min}..${max}`, 'must be whole numbers with 0 <= min <= max', 'e.g. 3..100');
    }
    const threshold = props.scaleDownUtilizationThreshold;
    if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
      site.at('scaleDownUtilizationThreshold').fail(threshold, 'must be a fraction above 0 and at most 1', 'e.g. 0.5');
    }
    checkDuration(site.at('scaleDownUnneededTime'), props.scaleDownUnneededTime);
    checkDuration(site.at('scaleDownDelayAfterAdd'), props.scaleDownDelayAfterAdd);
    const pools = props.pools.filter((p) => p.autoscaling);
    const poolMax = pools.reduce((n, p) => n + p.maxNodes, 0);
    const poolMin = pools.reduce((n, p) => n + p.minNodes, 0);
    const list = pools.map((p) => `${p.name} ${p.minNodes}-${p.maxNodes}`).join(', ');
    if (poolMax > max) {
      site
        .at('maxNodesTotal')
        .fail(
          max,
          `is below the sum of the autoscaled pools' maximums (${poolMax}: ${list}), so the autoscaler would stop before a pool reaches its maximum`,
          `raise maxNodesTotal to at least ${poolMax} or lower a pool's maxNodes`,
        );
    }
    if (poolMin < min) {
      site
        .at('minNodesTotal')
        .fail(
          min,
          `is above the sum of the autoscaled pools' minimums (${poolMin}: ${list}), so the cluster can shrink below it`,
          `raise a pool's minNodes so they add up to at least ${min}`,
        );
    }
    // The autoscaler runs with the same settings as flags (its chart does not read this ConfigMap).
    needAddon(this, {
      addon: 'cluster-autoscaler',
      extraArgs: {
        'max-nodes-total': String(max),
        'scale-down-utilization-threshold': String(threshold),
        'scale-down-unneeded-time': props.scaleDownUnneededTime,
        'scale-down-delay-after-add': props.scaleDownDelayAfterAdd,
      },
    });
    new k8s.KubeConfigMap(this, 'config-map', {
      metadata: { name: props.name ?? 'cluster-autoscaler-settings', namespace: props.namespace ?? 'kube-system' },
      data: {
        'nodes.max': String(max),
        'nodes.min': String(min),
        'scale-down-utilization-threshold': String(threshold),
        'scale-down-unneeded-time': props.scaleDownUnneededTime,
        'scale-down-delay-after-add': props.scaleDownDelayAfterAdd,
        // What to pass to the cluster-autoscaler Deployment; nodes.min is kept by the pools' minimums.
        flags: [
          `--max-nodes-total=${max}`,
          `--scale-down-utilization-threshold=${threshold}`,
          `--scale-down-unneeded-time=${props.scaleDownUnneededTime}`,
          `--scale-down-delay-after-add=${props.scaleDownDelayAfterAdd}`,
        ].join(' '),
      },
    });
  }
}
