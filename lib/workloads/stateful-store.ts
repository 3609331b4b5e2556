import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { declareException, PolicyRule } from '../core/exceptions';
import { buildClaimTemplate, ClaimTemplateProps } from '../storage/claim-template';
import { checkExceptionReason, PrivilegedException } from './container';
import { Workload, WorkloadProps } from './workload';

export interface StatefulStoreProps extends WorkloadProps {
  /** One claim per pod from each template; mount them by name. Empty only with `withoutStorage`. */
  readonly volumeClaims: readonly ClaimTemplateProps[];
  /** "Parallel" starts and replaces pods independently (one down node does not hold the others back). @default "OrderedReady" */
  readonly podManagementPolicy?: 'OrderedReady' | 'Parallel';
  /**
   * Why the pods keep no storage of their own, when a StatefulSet is still wanted for its stable
   * pod names or ordered start (a capacity placeholder holding one pod a node): declared on the
   * StatefulSet as an exception from claim-templates. Pods without ports still get their
   * headless governing Service (the API server takes a headless Service without ports), so
   * their names resolve. @default storage is required: without it, use WebService
   */
  readonly withoutStorage?: PrivilegedException;
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
    const withoutStorage =
      props.withoutStorage === undefined
        ? undefined
        : checkExceptionReason(
            this.site.at('withoutStorage'),
            props.withoutStorage,
            'write withoutStorage: { reason: "why the pods need a StatefulSet but no storage" }',
          );
    const claimCount = (props.volumeClaims ?? []).length;
    if (claimCount === 0 && withoutStorage === undefined) {
      this.site
        .at('volumeClaims')
        .fail(
          props.volumeClaims,
          'must list at least one claim template (a StatefulSet without storage is a Deployment)',
          'add volumeClaims: [{ name, size, storageClass }], use WebService, or declare withoutStorage: { reason } for pods that need stable names or ordered start',
        );
    }
    if (claimCount > 0 && withoutStorage !== undefined) {
      this.site
        .at('withoutStorage')
        .fail(
          props.withoutStorage,
          `declares the pods keep no storage, but volumeClaims lists ${claimCount} claim template(s)`,
          'drop withoutStorage, or drop the claim templates',
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
    const claims = (props.volumeClaims ?? []).map((claim, i) => buildClaimTemplate(this.site.at('volumeClaims').at(i), claim));
    const statefulSet = (this.controller = new k8s.KubeStatefulSet(this, 'statefulset', {
      metadata: this.metadata(),
      spec: {
        serviceName: governing.name,
        podManagementPolicy: props.podManagementPolicy,
        replicas: this.fixedReplicas,
        selector: { matchLabels: { ...this.selector } },
        template: this.podTemplate,
        volumeClaimTemplates: claims.length > 0 ? claims : undefined,
      },
    }));
    if (withoutStorage) declareException(statefulSet, { rule: PolicyRule.CLAIM_TEMPLATES, reason: withoutStorage });
    this.declareExceptionsOn(statefulSet);
  }
}
