import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsSubdomain } from '../core/names';
import { CheckedConstruct } from '../core/app-checks';

/** The highest value a user-defined PriorityClass may have (above it: system-cluster-critical and system-node-critical). */
export const MAX_USER_PRIORITY = 1_000_000_000;

export interface PriorityClassProps {
  /** What pods name in `priorityClassName`; must not start with "system-". */
  readonly name: string;
  /** Higher runs first and may preempt lower. */
  readonly value: number;
  /** "Never" queues pods ahead without evicting running ones. @default "PreemptLowerPriority" */
  readonly preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
}

/** A PriorityClass: the scheduler places its pods first and, unless told not to, preempts lower ones. */
export class PriorityClass extends CheckedConstruct {
  readonly name: string;
  /** The emitted PriorityClass (escape hatch). */
  readonly object: k8s.KubePriorityClass;

  constructor(scope: Construct, id: string, props: PriorityClassProps) {
    super(scope, id);
    const site = new Site(this.node.path);
    this.name = checkDnsSubdomain(site.at('name'), props.name);
    if (this.name.startsWith('system-'))
      site.at('name').fail(props.name, 'starts with "system-", a prefix Kubernetes reserves', 'choose another name');
    if (!Number.isInteger(props.value) || Math.abs(props.value) > MAX_USER_PRIORITY) {
      site
        .at('value')
        .fail(
          props.value,
          `must be a whole number from -${MAX_USER_PRIORITY} to ${MAX_USER_PRIORITY} (higher is reserved for system classes)`,
          'e.g. value: 100000',
        );
    }
    this.object = new k8s.KubePriorityClass(this, 'priority-class', {
      metadata: { name: this.name },
      value: props.value,
      preemptionPolicy: props.preemptionPolicy,
      globalDefault: false,
    });
  }
}
