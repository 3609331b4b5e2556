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

/** A literal (a number or boolean is written as its string), or where the value comes from. */
export type EnvVars = Readonly<Record<string, string | number | boolean | EnvValue>>;

export function buildEnv(site: Site, env: EnvVars | undefined): k8s.EnvVar[] | undefined {
  if (env === undefined || env === null) return undefined;
  if (typeof env !== 'object' || Array.isArray(env)) site.fail(env, 'must be an object of names to values', 'write env: { NAME: "value" }');
  if (Object.keys(env).length === 0) return undefined;
  return Object.entries(env).map(([name, value]) => {
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) {
      site
        .at(name)
        .fail(
          name,
          'must be an environment variable name (letters, digits, "_", "-", ".", not starting with a digit)',
          'rename the variable, e.g. "DATABASE_URL"',
        );
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      // YAML-minded users write PORT: 8080; the API wants a string, and dropping it would lose the value.
      if (typeof value === 'number' && !Number.isFinite(value))
        site.at(name).fail(value, 'must be a finite number or a string', 'write the value as a string');
      return literal(site.at(name), name, String(value));
    }
    if (typeof value === 'string') return literal(site.at(name), name, value);
    if (!(value instanceof EnvValue)) {
      site
        .at(name)
        .fail(
          value,
          'must be a string, a number or an EnvValue',
          'write a literal such as "8080", or EnvValue.fromSecret(...) / EnvValue.fromConfigMap(...)',
        );
    }
    return { name, valueFrom: value.source };
  });
}

function literal(site: Site, name: string, value: string): k8s.EnvVar {
  if (looksSecret(name) && value !== '') {
    site.fail(
      '<literal value hidden>',
      'looks like a secret but is given as a literal, which would be written to dist/',
      'reference it with EnvValue.fromSecret("secret-name", "key") and keep the value in the cluster or a secret store',
    );
  }
  return { name, value };
}
