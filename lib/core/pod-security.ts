/** Pod Security Admission levels (the successor of PodSecurityPolicy, removed in 1.25). */
export class PodSecurityLevel {
  static readonly RESTRICTED = new PodSecurityLevel('restricted');
  static readonly BASELINE = new PodSecurityLevel('baseline');
  static readonly PRIVILEGED = new PodSecurityLevel('privileged');
  /** From the strictest to the most permissive. */
  static readonly ALL: readonly PodSecurityLevel[] = [PodSecurityLevel.RESTRICTED, PodSecurityLevel.BASELINE, PodSecurityLevel.PRIVILEGED];

  static of(name: string): PodSecurityLevel | undefined {
    return PodSecurityLevel.ALL.find((l) => l.name === name);
  }
  /** The more permissive of two levels: what a namespace holding both kinds of pods must enforce. */
  static widest(levels: readonly PodSecurityLevel[]): PodSecurityLevel {
    return PodSecurityLevel.ALL[Math.max(0, ...levels.map((l) => PodSecurityLevel.ALL.indexOf(l)))];
  }
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
  for (const [mode, level] of [
    ['enforce', enforce],
    ['audit', auditAndWarn],
    ['warn', auditAndWarn],
  ] as const) {
    labels[`pod-security.kubernetes.io/${mode}`] = level.name;
    labels[`pod-security.kubernetes.io/${mode}-version`] = POD_SECURITY_VERSION;
  }
  return labels;
}

/** One thing a Pod Security level refuses in a pod spec; `field` is relative to the spec. */
export interface PodSecurityViolation {
  readonly field: string;
  readonly value: unknown;
  readonly problem: string;
  readonly fix: string;
}

const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
]);
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/**
 * What Pod Security Admission at `level` refuses in a pod spec (Pod Security Standards v1.28).
 * The one implementation: the policy check holds pod templates to it, and constructs compute
 * the level their namespace must enforce from it.
 */
export function podSecurityViolations(
  pod: Record<string, any>,
  level: PodSecurityLevel,
  podAnnotations: Readonly<Record<string, string>> = {},
): PodSecurityViolation[] {
  const violations: PodSecurityViolation[] = [];
  if (level === PodSecurityLevel.PRIVILEGED) return violations;
  const restricted = level === PodSecurityLevel.RESTRICTED;
  const fail = (field: string, value: unknown, problem: string, fix: string) =>
    violations.push({ field, value, problem: `${problem} (Pod Security ${level.name})`, fix });
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (pod[key]) fail(key, pod[key], 'must not be true', `remove ${key}`);
  }
  (pod.volumes ?? []).forEach((v: Record<string, unknown>, i: number) => {
    const type = Object.keys(v).find((k) => k !== 'name' && v[k] !== undefined);
    if (restricted && type && !RESTRICTED_VOLUMES.has(type))
      fail(
        `volumes[${i}]`,
        type,
        'is a volume type restricted pods cannot use',
        'use emptyDir, configMap, secret, csi, projected or a persistentVolumeClaim',
      );
    if (!restricted && type === 'hostPath')
      fail(`volumes[${i}]`, type, 'must not be a hostPath volume', 'use a persistentVolumeClaim or a csi volume');
  });
  const podContext = pod.securityContext ?? {};
  if (podContext.seccompProfile?.type === 'Unconfined')
    fail('securityContext.seccompProfile.type', 'Unconfined', 'must not be Unconfined', 'use RuntimeDefault');
  baselineContext('securityContext', podContext, fail);
  (podContext.sysctls ?? []).forEach((sysctl: { name?: string }, i: number) => {
    if (!SAFE_SYSCTLS.has(String(sysctl?.name)))
      fail(
        `securityContext.sysctls[${i}].name`,
        sysctl?.name,
        `must be a safe sysctl (${[...SAFE_SYSCTLS].join(', ')})`,
        'remove the sysctl, or set it on the node',
      );
  });
  for (const [key, value] of Object.entries(podAnnotations)) {
    if (key.startsWith(APPARMOR_PREFIX) && value !== '' && value !== 'runtime/default' && !value.startsWith('localhost/')) {
      fail(
        `metadata.annotations["${key}"]`,
        value,
        'must be runtime/default or localhost/<profile>',
        'remove the annotation (the runtime default profile applies)',
      );
    }
  }
  const windows = pod.os?.name === 'windows';
  if (restricted && podContext.runAsNonRoot === false) fail('securityContext.runAsNonRoot', false, 'must not be false', 'set runAsNonRoot: true');
  if (restricted && podContext.runAsUser === 0) fail('securityContext.runAsUser', 0, 'must not be 0 (root)', 'run as a non-zero user id');
  const containers = ['containers', 'initContainers', 'ephemeralContainers'].flatMap((group) =>
    (pod[group] ?? []).map((c: Record<string, any>, i: number) => ({ field: `${group}[${i}]`, c })),
  );
  for (const { field, c } of containers) {
    const at = `${field}.securityContext`;
    const ctx = c.securityContext ?? {};
    if (ctx.privileged) fail(`${at}.privileged`, true, 'must not be true', 'remove privileged');
    baselineContext(at, ctx, fail);
    (c.ports ?? []).forEach((p: Record<string, unknown>, j: number) => {
      if (p.hostPort) fail(`${field}.ports[${j}].hostPort`, p.hostPort, 'must not be set', 'expose the port through a Service');
    });
    if (ctx.procMount && ctx.procMount !== 'Default') fail(`${at}.procMount`, ctx.procMount, 'must be Default', 'remove procMount');
    if (ctx.seccompProfile?.type === 'Unconfined') fail(`${at}.seccompProfile.type`, 'Unconfined', 'must not be Unconfined', 'use RuntimeDefault');
    const allowed = restricted ? new Set(['NET_BIND_SERVICE']) : BASELINE_CAPABILITIES;
    const added = (ctx.capabilities?.add ?? []).filter((cap: string) => !allowed.has(cap));
    if (added.length > 0) fail(`${at}.capabilities.add`, added, `may only add ${[...allowed].join(', ')}`, 'remove the added capabilities');
    if (!restricted) continue;
    if (windows) {
      // Windows pods are exempt from the Linux-only restricted controls (PSS 1.25+).
      if ((ctx.runAsNonRoot ?? podContext.runAsNonRoot) !== true)
        fail(`${at}.runAsNonRoot`, ctx.runAsNonRoot, 'must be true (on the container or the pod)', 'set runAsNonRoot: true');
      continue;
    }
    if (ctx.allowPrivilegeEscalation !== false)
      fail(`${at}.allowPrivilegeEscalation`, ctx.allowPrivilegeEscalation, 'must be false', 'set allowPrivilegeEscalation: false');
    if (!(ctx.capabilities?.drop ?? []).includes('ALL'))
      fail(`${at}.capabilities.drop`, ctx.capabilities?.drop, 'must include "ALL"', 'drop ALL capabilities');
    if ((ctx.runAsNonRoot ?? podContext.runAsNonRoot) !== true)
      fail(`${at}.runAsNonRoot`, ctx.runAsNonRoot, 'must be true (on the container or the pod)', 'set runAsNonRoot: true');
    if ((ctx.runAsUser ?? podContext.runAsUser) === 0) fail(`${at}.runAsUser`, 0, 'must not be 0 (root)', 'run as a non-zero user id');
    const seccomp = ctx.seccompProfile?.type ?? podContext.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
      fail(
        `${at}.seccompProfile.type`,
        seccomp,
        'must be RuntimeDefault or Localhost (on the container or the pod)',
        'set seccompProfile: { type: RuntimeDefault } on the pod',
      );
  }
  return violations;
}

/** Baseline controls that apply alike to the pod's and each container's securityContext. */
function baselineContext(at: string, ctx: Record<string, any>, fail: (field: string, value: unknown, problem: string, fix: string) => void): void {
  if (ctx.windowsOptions?.hostProcess) fail(`${at}.windowsOptions.hostProcess`, true, 'must not be true', 'remove hostProcess');
  const selinux = ctx.seLinuxOptions ?? {};
  if (selinux.type !== undefined && !SELINUX_TYPES.has(selinux.type)) {
    fail(`${at}.seLinuxOptions.type`, selinux.type, 'must be container_t, container_init_t or container_kvm_t', 'remove seLinuxOptions.type');
  }
  for (const key of ['user', 'role'] as const) {
    if (selinux[key]) fail(`${at}.seLinuxOptions.${key}`, selinux[key], 'must not be set', `remove seLinuxOptions.${key}`);
  }
}

/** The strictest level that admits this pod spec: what its namespace may enforce at most. */
export function requiredPodSecurityLevel(pod: Record<string, any>, podAnnotations: Readonly<Record<string, string>> = {}): PodSecurityLevel {
  return PodSecurityLevel.ALL.find((level) => podSecurityViolations(pod, level, podAnnotations).length === 0)!;
}
