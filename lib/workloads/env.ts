import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { looksSecret } from '../core/secrets';

/** A key of a Secret, as a secret store hands it out (AzureKeyVaultSecrets.secretRef). */
export interface SecretKeyRef {
  /** The Secret's name. */
  readonly name: string;
  readonly key: string;
}

/** Where an environment variable's value comes from. A plain string is a literal value. */
export class EnvValue {
  /** A key of a Secret: the value stays in the cluster, only the reference is written. */
  static fromSecret(secret: SecretKeyRef): EnvValue;
  static fromSecret(secretName: string, key: string): EnvValue;
  static fromSecret(secret: string | SecretKeyRef, key?: string): EnvValue {
    const ref = typeof secret === 'string' ? { name: secret, key: key! } : secret;
    return new EnvValue({ secretKeyRef: { name: ref.name, key: ref.key } });
  }
  static fromConfigMap(configMapName: string, key: string): EnvValue {
    return new EnvValue({ configMapKeyRef: { name: configMapName, key } });
  }
  /** A field of the pod itself (downward API), e.g. `metadata.labels['user']`. */
  static fromField(fieldPath: string): EnvValue {
    return new EnvValue({ fieldRef: { fieldPath } });
  }
  /** The value of one of the pod's own labels (downward API), e.g. the user a session pod serves. */
  static fromPodLabel(label: string): EnvValue {
    return EnvValue.fromField(`metadata.labels['${label}']`);
  }
  private constructor(readonly source: k8s.EnvVarSource) {}
}

export type EnvVars = Readonly<Record<string, string | EnvValue>>;

export function buildEnv(site: Site, env: EnvVars | undefined): k8s.EnvVar[] | undefined {
  if (!env || Object.keys(env).length === 0) return undefined;
  return Object.entries(env).map(([name, value]) => {
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) {
      site.at(name).fail(name, 'must be an environment variable name (letters, digits, "_", "-", ".", not starting with a digit)', 'rename the variable, e.g. "DATABASE_URL"');
    }
    if (typeof value === 'string') {
      if (looksSecret(name) && value !== '') {
        site.at(name).fail('<literal value hidden>', 'looks like a secret but is given as a literal, which would be written to dist/',
          'reference it with EnvValue.fromSecret("secret-name", "key") and keep the value in the cluster or a secret store');
      }
      return { name, value };
    }
    return { name, valueFrom: value.source };
  });
}
