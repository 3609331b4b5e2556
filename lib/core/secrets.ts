/** Names that say "this is a secret": such values must be referenced, never written to dist/. */
const SECRET_LIKE = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

export function looksSecret(name: string): boolean {
  return SECRET_LIKE.test(name);
}
