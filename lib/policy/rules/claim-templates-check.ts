import { PolicyRule } from '../../core/exceptions';
import { PolicyCheck } from '../policy-check';

/** A StatefulSet without claim templates keeps nothing across restarts: it is a Deployment that starts slower. */
export const claimTemplatesCheck: PolicyCheck = {
  rule: PolicyRule.CLAIM_TEMPLATES,
  appliesTo: (m) => m.kind === 'StatefulSet',
  check(m) {
    const templates = m.object.spec?.volumeClaimTemplates ?? [];
    if (templates.length > 0) return [];
    return [
      {
        field: 'spec.volumeClaimTemplates',
        value: templates,
        problem: 'is empty: the pods keep no storage of their own',
        fix: 'add a claim template, or make it a Deployment (WebService)',
      },
    ];
  },
};
