/** Names that say "this is a secret": such values must be referenced, never written to dist/. */
const SECRET_LIKE = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|(^|[^A-Z])PASS([^A-Z]|$))/i;

export function looksSecret(name: string): boolean {
  return SECRET_LIKE.test(name);
}

/**
 * A value that points at a secret instead of holding it: a Kubernetes `$(VAR)` expansion, a
 * `${VAR}` or `{{ var }}` template, or a path to a mounted file. Such values are not secrets.
 */
export function isReference(value: string): boolean {
  return /^\s*(\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}]+\}|\{\{[^}]+\}\}|\/\S*)\s*$/.test(value);
}

/** Names of flags that take a path or a name of a secret, not its value (`--password-file`). */
const NAMES_A_SECRET = /[-_.](file|path|dir|ref|name|key-?id|secret-?name)$/i;

/** A secret-looking name holding a literal: what `--db-password=hunter2` or `password=hunter2` sets. */
export function literalUnderSecretName(name: string, value: string): boolean {
  return looksSecret(name) && !NAMES_A_SECRET.test(name) && value.trim() !== '' && !isReference(value);
}

/** The password of a URL's userinfo (`postgresql://user:pass@host`), for any scheme; references excluded. */
export function urlPasswords(text: string): string[] {
  return [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*:([^\s@/?#]+)@/gi)].map((m) => m[1]).filter((p) => !isReference(p));
}
