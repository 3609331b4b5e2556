import { PolicyRule } from '../../core/exceptions';
import { KUBERNETES_NAMESPACES } from '../../core/kinds';
import { PolicyCheck } from '../policy-check';
import { podSpecOf } from '../../core/pod-specs';

/**
 * Workloads stay out of the namespaces the cluster makes for itself (KUBERNETES_NAMESPACES). A
 * workload there escapes the build's namespace settings (Pod Security level, default deny) and
 * shares a namespace with system components or with whatever else lands in "default". Namespaces
 * the build does not create at all are refused by the closure check unless declared as a
 * prerequisite (policy/build/closure.ts). ConfigMaps and other non-workload objects may live
 * here (a cluster-wide setting in kube-system is one).
 */

export const namespaceOwnedCheck: PolicyCheck = {
  rule: PolicyRule.NAMESPACE_OWNED,
  appliesTo: (m) => podSpecOf(m) !== undefined && KUBERNETES_NAMESPACES.includes(m.namespace ?? ''),
  check(m) {
    return [
      {
        field: 'metadata.namespace',
        value: m.namespace,
        problem: `puts a workload in ${m.namespace}, a namespace the cluster makes for itself, outside the build's Pod Security level and default deny`,
        fix: 'run it in a namespace of the build (SecureNamespace)',
      },
    ];
  },
};
