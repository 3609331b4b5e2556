/**
 * A reason a reviewer can read, for an exception from a rule or a value declared not secret: at
 * least 10 characters in at least two words. "x", "n/a", "todo" or "xxxxxxxxxx" are not one,
 * whether given to the API (declareException, declareNotSecret) or written as an annotation by hand.
 */
export function isRealReason(reason: unknown): reason is string {
  if (typeof reason !== 'string') return false;
  const text = reason.trim();
  return text.length >= 10 && (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 2 && new Set(text.toLowerCase().replace(/\s/g, '')).size >= 4;
}
