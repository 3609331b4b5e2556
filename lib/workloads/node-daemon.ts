import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ClaimTemplateProps } from '../storage/claim-template';
import { Workload, WorkloadProps } from './workload';

export interface NodeDaemonProps extends Omit<WorkloadProps, 'replicas' | 'autoscaling' | 'disruptionBudget'> {
  /**
   * Refused: a DaemonSet has no claim templates (apps/v1 DaemonSetSpec has no
   * volumeClaimTemplates). Listed so the error can say what to use instead.
   */
  readonly volumeClaims?: readonly ClaimTemplateProps[];
}

/**
 * One pod on every node its placement selects (a DaemonSet): node agents that keep no state of
 * their own. State that must survive a restart and stay on its node belongs in a StatefulStore
 * spread one pod a node, whose claims local-path binds to the node the pod first ran on.
 */
export class NodeDaemon extends Workload {
  /** The DaemonSet (escape hatch). */
  readonly controller: k8s.KubeDaemonSet;

  constructor(scope: Construct, id: string, props: NodeDaemonProps) {
    super(
      scope,
      id,
      props,
      'DaemonSet',
      (props.volumeClaims ?? []).map((c) => c.name),
    );
    if (props.volumeClaims !== undefined) {
      this.site.at('volumeClaims').fail(
        props.volumeClaims.map((c) => c.name),
        'cannot be given to a DaemonSet: only a StatefulSet makes a claim per pod from templates (apps/v1 DaemonSetSpec has no volumeClaimTemplates)',
        'use a StatefulStore with replicas = the nodes, topologySpread: [ONE_PER_NODE] and the same placement (one pod a node, each with its own node-bound local-path claim)',
      );
    }
    const daemonSet = (this.controller = new k8s.KubeDaemonSet(this, 'daemonset', {
      metadata: this.metadata(),
      spec: { selector: { matchLabels: { ...this.selector } }, template: this.podTemplate },
    }));
    this.declareExceptionsOn(daemonSet);
  }
}
