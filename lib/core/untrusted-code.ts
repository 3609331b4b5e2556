/**
 * The annotation that marks an object whose pods run a user's code (SessionTemplates with
 * runsUntrustedCode): the policy rule untrusted-code-isolated reads it on the synthesized object,
 * so what an escape hatch adds later is held to the same isolation as the construct's props.
 */
export const UNTRUSTED_CODE_ANNOTATION = 'sessions.k8s-platforms.dev/runs-untrusted-code';

/** Whether a synthesized object is marked as running a user's code. */
export function runsUntrustedCode(object: { readonly metadata?: { readonly annotations?: Record<string, string> } }): boolean {
  return object.metadata?.annotations?.[UNTRUSTED_CODE_ANNOTATION] === 'true';
}
