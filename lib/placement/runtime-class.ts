import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { ARCH_LABEL, NodePool } from './node-pool';
import { CheckedConstruct } from '../core/app-checks';

export interface RuntimeClassProps {
  /** What pods name in `runtimeClassName`. */
  readonly name: string;
  /** The CRI handler configured on the nodes, e.g. "runsc" (gVisor) or "kata". */
  readonly handler: string;
  /** The pool whose nodes have the handler: the class's pods are scheduled there only. */
  readonly pool: NodePool;
}

/**
 * A RuntimeClass (gVisor, Kata) that carries its scheduling: the RuntimeClass admission
 * controller adds the pool's node labels and tolerations to every pod that names the class, so
 * no such pod lands on a node without the handler.
 */
export class RuntimeClass extends CheckedConstruct {
  readonly name: string;
  /** The emitted RuntimeClass (escape hatch). */
  readonly object: k8s.KubeRuntimeClass;

  constructor(scope: Construct, id: string, props: RuntimeClassProps) {
    super(scope, id);
    const site = new Site(this.node.path);
    this.name = checkDnsSubdomain(site.at('name'), props.name);
    checkDnsLabel(site.at('handler'), props.handler);
    if (!props.pool.capacity.selectedByNodeLabels) {
      site
        .at('pool')
        .fail(
          props.pool.name,
          `is ${props.pool.capacity.kind} capacity, which cannot run a custom RuntimeClass`,
          'choose a node-group pool whose nodes have the handler installed',
        );
    }
    const tolerations = props.pool.taints.map((t) => t.toleration());
    this.object = new k8s.KubeRuntimeClass(this, 'runtime-class', {
      metadata: { name: this.name },
      handler: props.handler,
      scheduling: {
        nodeSelector: { ...props.pool.labels, [ARCH_LABEL]: props.pool.instanceType.arch.label },
        tolerations: tolerations.length > 0 ? tolerations : undefined,
      },
    });
  }
}
