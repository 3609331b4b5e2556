/** Pod Security Admission levels (the successor of PodSecurityPolicy, removed in 1.25). */
export class PodSecurityLevel {
  static readonly RESTRICTED = new PodSecurityLevel('restricted');
  static readonly BASELINE = new PodSecurityLevel('baseline');
  static readonly PRIVILEGED = new PodSecurityLevel('privileged');
  private constructor(public readonly name: string) {}
}

/** The policy version the labels pin, so a cluster upgrade cannot tighten rules under us. */
export const POD_SECURITY_VERSION = 'v1.28';

/**
 * Namespace labels that enforce one level and audit and warn at another (by default the same),
 * pinned to one version. Auditing `restricted` where `privileged` is enforced keeps every
 * exception visible in the audit log.
 */
export function podSecurityLabels(enforce: PodSecurityLevel, auditAndWarn: PodSecurityLevel = enforce): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [mode, level] of [['enforce', enforce], ['audit', auditAndWarn], ['warn', auditAndWarn]] as const) {
    labels[`pod-security.kubernetes.io/${mode}`] = level.name;
    labels[`pod-security.kubernetes.io/${mode}-version`] = POD_SECURITY_VERSION;
  }
  return labels;
}
