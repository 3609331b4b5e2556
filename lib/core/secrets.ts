/** Names that say "this is a secret": such values must be referenced, never written to dist/. */
const SECRET_LIKE = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|(^|[^A-Z])(PASS|PWD)([^A-Z]|$))/i;

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

/**
 * Names of flags and fields that name or locate a secret rather than hold it: `--password-file`,
 * `token_path`, and in camelCase `secretName`, `tokenSecretRef`, `secretProviderClass`, and the
 * charts' `existingSecret` and `existingSecretPasswordKey` (the Secret, and its key).
 */
const NAMES_A_SECRET = /[-_.](file|path|dir|ref|name|key-?id|secret-?name|class)$/i;
const NAMES_A_SECRET_CAMEL = /[a-z](File|Path|Dir|Ref|Name|KeyId|Class|Secret|PasswordKey|TokenKey)$/;

/** Does this name point at a secret (its file, its name, a reference) rather than hold one? */
export function namesASecret(name: string): boolean {
  return NAMES_A_SECRET.test(name) || NAMES_A_SECRET_CAMEL.test(name);
}

/** A secret-looking name holding a literal: what `--db-password=hunter2` or `password=hunter2` sets. */
export function literalUnderSecretName(name: string, value: string): boolean {
  return looksSecret(name) && !namesASecret(name) && value.trim() !== '' && !isReference(value);
}

/** The password of a URL's userinfo (`postgresql://user:pass@host`), for any scheme; references excluded. */
export function urlPasswords(text: string): string[] {
  return [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*:([^\s@/?#]+)@/gi)].map((m) => m[1]).filter((p) => !isReference(p));
}

/**
 * Credentials by their shape, in any text: a JSON Web Token, an HTTP Authorization value, a
 * password in a URL's userinfo. secretlint's recommended rules (the content scan,
 * lib/policy/secret-scanner.ts) know provider tokens and keys, not these.
 */
const CREDENTIAL_SHAPES: readonly (readonly [string, RegExp])[] = [
  // header.payload.signature, each base64url; a header is JSON, so it starts "eyJ" ('{"').
  ['jwt', /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  // RFC 7235 credentials after a scheme: a token of 12 or more characters that is not a reference.
  ['http-authorization', /\b(?:Bearer|Basic|Token)\s+(?![$][({])[A-Za-z0-9._~+/-]{12,}=*/],
];

/**
 * Provider tokens and keys by their documented prefixes: what secretlint finds too, known here
 * as well for the places that cannot wait for its scan (an error message must not print them).
 */
const PROVIDER_TOKENS: readonly RegExp[] = [
  /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/,
  /\bglpat-[A-Za-z0-9_-]{20,}/,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

/** The credential shapes `text` holds (ids such as "jwt"); empty when none. */
export function credentialShapes(text: string): string[] {
  const shapes = CREDENTIAL_SHAPES.filter(([, pattern]) => pattern.test(text)).map(([id]) => id);
  if (urlPasswords(text).length > 0) shapes.push('url-userinfo/password');
  return shapes;
}

/** Does a value look like a credential (by shape, provider prefix, or a secret-looking assignment)? Then no message may print it. */
export function looksLikeCredential(value: unknown): boolean {
  if (typeof value !== 'string') {
    if (value === null || typeof value !== 'object') return false;
    try {
      return looksLikeCredential(JSON.stringify(value));
    } catch {
      return false; // a circular value: printed by inspect, at depth 0
    }
  }
  return credentialShapes(value).length > 0 || PROVIDER_TOKENS.some((p) => p.test(value)) || secretAssignments(value).length > 0;
}

/**
 * `NAME=value` and `NAME: value` settings anywhere in a text (a script, a heredoc, an inline
 * `PGPASSWORD=... pg_dump`, a description, JSON) whose name looks like a secret and whose value
 * is a literal: the names, in order.
 */
export function secretAssignments(text: string): string[] {
  const found: string[] = [];
  for (const [, name, raw] of text.matchAll(ASSIGNMENT)) {
    const value = raw.replace(/^["']|["']$/g, '');
    // `$VAR`, `$(VAR)`, `${VAR}`: the shell or the kubelet fills it from elsewhere.
    if (!value.startsWith('$') && looksLikeSecretValue(value) && literalUnderSecretName(name, value)) found.push(name);
  }
  return found;
}

/** A name, "=" or ":", and a value (quoted, or up to the next space or separator). */
const ASSIGNMENT = /(?:^|[\s;&|'"`({,])(?:export\s+)?-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[=:]\s*("[^"\n]*"|'[^'\n]*'|[^\s"'`;&|,)}]+)/g;
/** Values that stand for a secret in prose or a template rather than being one: `<token>`, `****`, `xxx`, `...`, `changeme`, `redacted`. */
const PLACEHOLDER = /^(<[^>]*>|\*+|x{3,}|\.{3}|changeme|redacted)$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/**
 * Could a value set in free text be a secret? Six characters or more, not one lower-case word:
 * "PGPASSWORD=hunter2" is one, "secrets: get" in a list of grants or "token: expired" in prose is
 * not. (Configuration lines, env vars and flags are held to the stricter name rules instead.)
 */
function looksLikeSecretValue(value: string): boolean {
  return value.length >= 6 && !/^[a-z]+$/.test(value) && /[A-Za-z0-9]/.test(value) && !PLACEHOLDER.test(value);
}
