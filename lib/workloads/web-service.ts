import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Workload, WorkloadProps } from './workload';

export interface WebServiceProps extends WorkloadProps {}

/** A stateless service: Deployment + Service + ServiceAccount (+ PodDisruptionBudget). */
export class WebService extends Workload {
  /** The Deployment (escape hatch). */
  readonly controller: k8s.KubeDeployment;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, freeId(scope, id), props, 'Deployment');
    const deployment = (this.controller = new k8s.KubeDeployment(this, 'deployment', {
      metadata: this.metadata(),
      spec: {
        replicas: this.fixedReplicas,
        selector: { matchLabels: { ...this.selector } },
        template: this.podTemplate,
      },
    }));
    this.declareExceptionsOn(deployment);
  }
}
