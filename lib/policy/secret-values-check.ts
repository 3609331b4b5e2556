import { looksSecret } from '../core/secrets';
import { PolicyRule } from '../core/exceptions';
import { Finding, PolicyCheck } from './policy-check';
import { containersOf, podSpecOf } from './pod-specs';

const HIDDEN = '<literal value hidden>';

/** dist/ is in git: a Secret's data, or a literal value under a secret-looking name, would leak. */
export const secretValuesCheck: PolicyCheck = {
  rule: PolicyRule.NO_SECRET_VALUES,
  appliesTo: (m) => m.kind === 'Secret' || m.kind === 'ConfigMap' || podSpecOf(m) !== undefined,
  check(m) {
    if (m.kind === 'Secret') {
      return ['data', 'stringData'].filter((field) => m.object[field] !== undefined).map((field) => ({ field, value: HIDDEN,
        problem: 'would write secret values to dist/', fix: 'keep the Secret out of dist/ and sync it from a secret store (AzureKeyVaultSecrets) or create it in the cluster' }));
    }
    if (m.kind === 'ConfigMap') {
      return Object.keys(m.object.data ?? {}).filter(looksSecret).map((key) => ({ field: `data.${key}`, value: HIDDEN,
        problem: 'looks like a secret, and ConfigMaps are written to dist/ in clear', fix: 'keep the value in a Secret or a secret store and reference it' }));
    }
    const findings: Finding[] = [];
    for (const { field, container } of containersOf(podSpecOf(m)!)) {
      (container.env ?? []).forEach((env: { name: string; value?: string }, i: number) => {
        if (env.value !== undefined && looksSecret(env.name)) {
          findings.push({ field: `${field}.env[${i}].value`, value: HIDDEN, problem: `is a literal value for ${env.name}, which looks like a secret`,
            fix: 'reference it with valueFrom.secretKeyRef (EnvValue.fromSecret) and keep the value in the cluster or a secret store' });
        }
      });
    }
    return findings;
  },
};
