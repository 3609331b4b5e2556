import { credentialShapes, isReference, secretAssignments } from '../core/secrets';
import { structuredSecrets } from './structured-secrets';

/** One text to scan, as it stands in a field or as it decodes. */
export interface ScanForm {
  readonly text: string;
  readonly decoded: boolean;
}

/** Base64 (standard or URL-safe) of at least 12 bytes, padded to a multiple of 4. */
const BASE64 = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
/** `user:password`, the form Basic authentication and docker config `auth` values encode. */
const USER_PASSWORD = /^[\w.@+-]+:[^\s:]{4,}$/;

/**
 * The forms a value is scanned in: as written, and what it decodes to when it is base64 of text
 * (a password or a token encoded to slip past a scan of the plain form).
 */
export function scanForms(value: string): ScanForm[] {
  const forms: ScanForm[] = [{ text: value, decoded: false }];
  const trimmed = value.trim();
  if (trimmed.length % 4 === 0 && BASE64.test(trimmed)) {
    const text = Buffer.from(trimmed, 'base64').toString('utf8');
    if (/^[\x20-\x7e\t\r\n]{4,}$/.test(text)) forms.push({ text, decoded: true });
  }
  return forms;
}

/**
 * What a text holds that looks like a secret, as rule ids: the secretlint rules it tripped
 * (`secretlint`, from the scanner), a credential's shape (jwt, http-authorization,
 * url-userinfo/password), a secret-looking assignment anywhere in it (`assignment/PGPASSWORD`),
 * and, when it is JSON, a secret in that structure (`json/key/password`, `json/docker-config/auth`).
 * A decoded form also counts a bare `user:password`.
 */
export function secretsInText(form: ScanForm, secretlint: readonly string[]): string[] {
  const { text } = form;
  const json = parseJson(text);
  // JSON is read as a structure; any other text for its `name=value` settings.
  const settings =
    json === undefined ? secretAssignments(text).map((name) => `assignment/${name}`) : structuredSecrets(json).map((s) => `json/${s.rule}`);
  const rules = [...secretlint, ...credentialShapes(text), ...settings];
  if (form.decoded && USER_PASSWORD.test(text.trim()) && !isReference(text)) rules.push('base64/user:password');
  return [...new Set(rules)];
}

/** The value of a JSON object or array text; undefined for any other text. */
function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}
