import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { buildClaimTemplate, ClaimTemplateProps } from '../storage/claim-template';
import { Workload, WorkloadProps } from './workload';

export interface StatefulStoreProps extends WorkloadProps {
  /** One claim per pod from each template; mount them by name. */
  readonly volumeClaims: readonly ClaimTemplateProps[];
}

/**
 * A stateful workload: StatefulSet with a claim per pod + Service (its governing service) +
 * ServiceAccount. Pods start in order and keep their claims across restarts.
 */
export class StatefulStore extends Workload {
  constructor(scope: Construct, id: string, props: StatefulStoreProps) {
    super(scope, freeId(scope, id), props, 'StatefulSet', props.volumeClaims.map((c) => c.name));
    const claims = props.volumeClaims.map((claim, i) => buildClaimTemplate(this.site.at('volumeClaims').at(i), claim));
    const statefulSet = new k8s.KubeStatefulSet(this, 'statefulset', {
      metadata: this.metadata(),
      spec: {
        serviceName: this.name,
        replicas: this.fixedReplicas,
        selector: { matchLabels: { ...this.selector } },
        template: this.podTemplate,
        volumeClaimTemplates: claims,
      },
    });
    this.declareExceptionsOn(statefulSet);
  }
}
