import { Manifest } from '../core/manifest';
import { declaredExceptions, PolicyRule } from '../core/exceptions';
import { Finding, PolicyCheck, PolicyContext } from './policy-check';
import { containersOf, FoundPodSpec, podSpecOf } from './pod-specs';

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
type Level = 'baseline' | 'restricted';

const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

/**
 * Pod Security Admission checks Pods, not Deployments: a Deployment that violates its namespace's
 * level applies cleanly and its pods never start. So every pod template is held to `restricted`
 * here, at synth time (Pod Security Standards v1.28). An object that declares the
 * pod-security-restricted exception must still pass the level its namespace enforces.
 */
export const podSecurityCheck: PolicyCheck = {
  rule: PolicyRule.POD_SECURITY_RESTRICTED,
  appliesTo: (m) => podSpecOf(m) !== undefined,
  check(m: Manifest, context: PolicyContext): Finding[] {
    const found = podSpecOf(m)!;
    const restricted = podSecurityFindings(found, 'restricted');
    if (!declaredExceptions(m.object).has(PolicyRule.POD_SECURITY_RESTRICTED.id)) return restricted;
    const namespace = context.manifests.find((n) => n.kind === 'Namespace' && n.name === m.namespace);
    if (!namespace) {
      return [...restricted, { field: 'metadata.namespace', value: m.namespace, excusable: false,
        problem: 'is not created by this platform, so the Pod Security level that must admit this excused pod is unknown',
        fix: 'create the namespace here (SecureNamespace) with the Pod Security level the pod needs' }];
    }
    const level = namespace.object.metadata?.labels?.[ENFORCE_LABEL] ?? 'privileged';
    if (level !== 'baseline' && level !== 'restricted') return restricted;
    const enforced = podSecurityFindings(found, level).map((f) => ({ ...f, excusable: false,
      problem: `${f.problem} (namespace ${m.namespace} enforces ${level}, so the exception cannot help)`,
      fix: `${f.fix}, or give namespace ${m.namespace} the Pod Security level this pod needs` }));
    return [...restricted, ...enforced];
  },
};

/** What the given Pod Security level would refuse in a pod spec. */
export function podSecurityFindings(found: FoundPodSpec, level: Level): Finding[] {
  const findings: Finding[] = [];
  const fail = (field: string, value: unknown, problem: string, fix: string) =>
    findings.push({ field, value, problem: `${problem} (Pod Security ${level})`, fix });
  const pod = found.spec;
  const inPod = (field: string) => `${found.field}.${field}`;
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (pod[key]) fail(inPod(key), pod[key], 'must not be true', `remove ${key}`);
  }
  (pod.volumes ?? []).forEach((v: any, i: number) => {
    const type = Object.keys(v).find((k) => k !== 'name');
    if (level === 'restricted' && type && !RESTRICTED_VOLUMES.has(type)) fail(inPod(`volumes[${i}]`), type, 'is a volume type restricted pods cannot use', 'use emptyDir, configMap, secret, csi, projected or a persistentVolumeClaim');
    if (level === 'baseline' && type === 'hostPath') fail(inPod(`volumes[${i}]`), type, 'must not be a hostPath volume', 'use a persistentVolumeClaim or a csi volume');
  });
  const podContext = pod.securityContext ?? {};
  if (podContext.seccompProfile?.type === 'Unconfined') fail(inPod('securityContext.seccompProfile.type'), 'Unconfined', 'must not be Unconfined', 'use RuntimeDefault');
  for (const { field, container: c } of containersOf(found, ['containers', 'initContainers', 'ephemeralContainers'])) {
    const at = `${field}.securityContext`;
    const ctx = c.securityContext ?? {};
    if (ctx.privileged) fail(`${at}.privileged`, true, 'must not be true', 'remove privileged');
    (c.ports ?? []).forEach((p: any, j: number) => {
      if (p.hostPort) fail(`${field}.ports[${j}].hostPort`, p.hostPort, 'must not be set', 'expose the port through a Service');
    });
    if (ctx.procMount && ctx.procMount !== 'Default') fail(`${at}.procMount`, ctx.procMount, 'must be Default', 'remove procMount');
    if (ctx.seccompProfile?.type === 'Unconfined') fail(`${at}.seccompProfile.type`, 'Unconfined', 'must not be Unconfined', 'use RuntimeDefault');
    const allowed = level === 'restricted' ? new Set(['NET_BIND_SERVICE']) : BASELINE_CAPABILITIES;
    const added = (ctx.capabilities?.add ?? []).filter((cap: string) => !allowed.has(cap));
    if (added.length > 0) fail(`${at}.capabilities.add`, added, `may only add ${[...allowed].join(', ')}`, 'remove the added capabilities');
    if (level === 'baseline') continue;
    if (ctx.allowPrivilegeEscalation !== false) fail(`${at}.allowPrivilegeEscalation`, ctx.allowPrivilegeEscalation, 'must be false', 'set allowPrivilegeEscalation: false');
    if (!(ctx.capabilities?.drop ?? []).includes('ALL')) fail(`${at}.capabilities.drop`, ctx.capabilities?.drop, 'must include "ALL"', 'drop ALL capabilities');
    if ((ctx.runAsNonRoot ?? podContext.runAsNonRoot) !== true) fail(`${at}.runAsNonRoot`, ctx.runAsNonRoot, 'must be true (on the container or the pod)', 'set runAsNonRoot: true');
    if ((ctx.runAsUser ?? podContext.runAsUser) === 0) fail(`${at}.runAsUser`, 0, 'must not be 0 (root)', 'run as a non-zero user id');
    const seccomp = ctx.seccompProfile?.type ?? podContext.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') fail(`${at}.seccompProfile.type`, seccomp, 'must be RuntimeDefault or Localhost (on the container or the pod)', 'set seccompProfile: { type: RuntimeDefault } on the pod');
  }
  return findings;
}
