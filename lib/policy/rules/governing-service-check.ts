import { PolicyRule } from '../../core/exceptions';
import { PolicyCheck } from '../policy-check';

/** A StatefulSet's pods get their stable DNS names from its headless governing Service. */
export const governingServiceCheck: PolicyCheck = {
  rule: PolicyRule.GOVERNING_SERVICE,
  appliesTo: (m) => m.kind === 'StatefulSet',
  check(m, { manifests }) {
    const name = m.object.spec?.serviceName;
    const headless = manifests.some(
      (s) => s.kind === 'Service' && s.namespace === m.namespace && s.name === name && s.object.spec?.clusterIP === 'None',
    );
    if (headless) return [];
    return [
      {
        field: 'spec.serviceName',
        value: name,
        problem: `names no headless Service in namespace ${m.namespace}, so the pods get no stable DNS names`,
        fix: 'emit a Service of that name with clusterIP: None (StatefulStore makes one)',
      },
    ];
  },
};
