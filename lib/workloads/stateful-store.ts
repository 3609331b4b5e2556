import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { buildClaimTemplate, ClaimTemplateProps } from '../storage/claim-template';
import { Workload, WorkloadProps } from './workload';

export interface StatefulStoreProps extends WorkloadProps {
  /** One claim per pod from each template; mount them by name. */
  readonly volumeClaims: readonly ClaimTemplateProps[];
  /** "Parallel" starts and replaces pods independently (one down node does not hold the others back). @default "OrderedReady" */
  readonly podManagementPolicy?: 'OrderedReady' | 'Parallel';
}

/**
 * A stateful workload: StatefulSet with a claim per pod + a headless Service (its governing
 * service, so each pod has a stable DNS name) + ServiceAccount. Pods start in order and keep
 * their claims across restarts.
 */
export class StatefulStore extends Workload {
  /** The StatefulSet (escape hatch). */
  readonly controller: k8s.KubeStatefulSet;

  constructor(scope: Construct, id: string, props: StatefulStoreProps) {
    super(
      scope,
      freeId(scope, id),
      props,
      'StatefulSet',
      (props.volumeClaims ?? []).map((c) => c.name),
    );
    if (!props.volumeClaims || props.volumeClaims.length === 0) {
      this.site
        .at('volumeClaims')
        .fail(
          props.volumeClaims,
          'must list at least one claim template (a StatefulSet without storage is a Deployment)',
          'add volumeClaims: [{ name, size, storageClass }], or use WebService',
        );
    }
    const governing =
      this.services.find((s) => s.type === 'Headless') ??
      this.site
        .at('service.type')
        .fail(
          props.service === false ? false : props.service?.type,
          'leaves the StatefulSet without a headless governing Service (its pods get no stable DNS names)',
          'leave service.type out (headless is the default), or add extraServices: [{ name: "<name>-headless", type: "Headless" }]',
        );
    const claims = props.volumeClaims.map((claim, i) => buildClaimTemplate(this.site.at('volumeClaims').at(i), claim));
    const statefulSet = (this.controller = new k8s.KubeStatefulSet(this, 'statefulset', {
      metadata: this.metadata(),
      spec: {
        serviceName: governing.name,
        podManagementPolicy: props.podManagementPolicy,
        replicas: this.fixedReplicas,
        selector: { matchLabels: { ...this.selector } },
        template: this.podTemplate,
        volumeClaimTemplates: claims,
      },
    }));
    this.declareExceptionsOn(statefulSet);
  }
}
