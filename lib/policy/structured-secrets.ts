import { EXCEPTION_ANNOTATION_PREFIX } from '../core/exceptions';
import { NOT_SECRET_ANNOTATION } from '../core/not-secret';
import { isPlaceholder, isReference, literalUnderSecretName, looksSecret } from '../core/secrets';

/** A secret found by where it sits in a structure: its field, and why. */
export interface StructuredSecret {
  readonly field: string;
  /** `key/<name>`, `pair/<name>` or `docker-config/auth`. */
  readonly rule: string;
}

/** HTTP headers that carry credentials (an Authorization value, an API key, a session cookie). */
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|x-auth-token|x-access-token|private-token)$/i;
/** The fields of a docker config.json registry entry that hold credentials. */
const DOCKER_CREDENTIALS = ['auth', 'password', 'identitytoken', 'registrytoken'];

/**
 * Secrets written as data wherever a structure holds them, in any object (a HelmRelease's values,
 * a Flux postBuild.substitute, an annotation, a custom resource) or in JSON inside a string: a
 * literal under a key that says "secret" (`password: hunter2`), a `{ name, value }` pair whose
 * name does (an env var, an HTTP probe header `Authorization`), a docker config's registry auth.
 * The declared-not-secret and exception annotations hold reasons, not values, and are skipped.
 */
export function structuredSecrets(node: unknown, path = ''): StructuredSecret[] {
  const found: StructuredSecret[] = [];
  walk(node, path, found);
  return found;
}

function walk(node: unknown, path: string, found: StructuredSecret[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${path}[${i}]`, found));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (typeof object.name === 'string' && typeof object.value === 'string' && isLiteral(object.value)) {
    if (CREDENTIAL_HEADER.test(object.name) || literalUnderSecretName(object.name, object.value))
      found.push({ field: at('value'), rule: `pair/${object.name}` });
  }
  if (object.auths !== null && typeof object.auths === 'object') {
    for (const [registry, entry] of Object.entries(object.auths as Record<string, any>)) {
      for (const key of DOCKER_CREDENTIALS) {
        if (typeof entry?.[key] === 'string' && entry[key] !== '')
          found.push({ field: `${at('auths')}.${registry}.${key}`, rule: 'docker-config/auth' });
      }
    }
  }
  for (const [key, value] of Object.entries(object)) {
    if (key === NOT_SECRET_ANNOTATION || key.startsWith(EXCEPTION_ANNOTATION_PREFIX)) continue;
    if (typeof value === 'string') {
      if (key !== 'value' && looksSecret(key) && isLiteral(value) && literalUnderSecretName(key, value))
        found.push({ field: at(key), rule: `key/${key}` });
    } else walk(value, at(key), found);
  }
}

function isLiteral(value: string): boolean {
  return value.trim() !== '' && !isReference(value) && !isPlaceholder(value);
}
