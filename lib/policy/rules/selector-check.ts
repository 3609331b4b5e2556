import { PolicyRule } from '../../core/exceptions';
import { PolicyCheck } from '../policy-check';
import { manifestIndex } from '../manifest-index';

/**
 * A Service or NetworkPolicy that selects no pod emitted here is a typo or a leftover: traffic
 * silently goes nowhere, or a rule silently protects nothing. An empty podSelector means "every
 * pod of the namespace, now or later" and is always fine: the default-deny of a namespace whose
 * pods are all created at run time (or later) must not be refused.
 */
export const selectorCheck: PolicyCheck = {
  rule: PolicyRule.SELECTS_PODS,
  appliesTo: (m) => (m.kind === 'Service' && m.object.spec?.type !== 'ExternalName') || m.kind === 'NetworkPolicy',
  check(m, { manifests }) {
    const field = m.kind === 'Service' ? 'spec.selector' : 'spec.podSelector';
    const selector = m.kind === 'Service' ? m.object.spec?.selector : (m.object.spec?.podSelector ?? {});
    const wholeNamespace = m.kind === 'NetworkPolicy' && Object.keys(selector).length === 0;
    const selected = selector && Object.keys(selector).length > 0 && manifestIndex(manifests).selectsTemplateIn(m.namespace, selector);
    if (wholeNamespace || selected) return [];
    return [
      {
        field,
        value: selector,
        problem: `selects no pod template emitted in namespace ${m.namespace}`,
        fix: 'select the labels of a workload of this platform, or remove the object',
      },
    ];
  },
};
