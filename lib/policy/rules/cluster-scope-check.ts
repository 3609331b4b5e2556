import { Manifest } from '../../core/manifest';
import { isClusterScoped } from '../../core/kinds';
import { PolicyRule } from '../../core/exceptions';
import { manifestIndex } from '../manifest-index';
import { PolicyCheck, PolicyContext } from '../policy-check';

/** Built-in cluster-scoped kinds, and kinds a CRD of this platform declares cluster-scoped (indexed once per object list). */
function clusterScoped(m: Manifest, context: PolicyContext): boolean {
  return isClusterScoped(m.kind) || manifestIndex(context.manifests).clusterScopedCustomKinds.has(`${m.apiVersion.split('/')[0]}/${m.kind}`);
}

/** The API server refuses (or, via kubectl, silently drops) a namespace on a cluster-scoped kind. */
export const clusterScopeCheck: PolicyCheck = {
  rule: PolicyRule.CLUSTER_SCOPE,
  appliesTo: (m, context) => clusterScoped(m, context),
  check(m) {
    if (m.object.metadata?.namespace === undefined) return [];
    return [
      {
        field: 'metadata.namespace',
        value: m.object.metadata.namespace,
        problem: `must be empty: ${m.kind} is cluster-scoped`,
        fix: 'remove the namespace',
      },
    ];
  },
};
