import { ValidationError } from '../core/errors';
import { Manifest } from '../gitops/collect';
import { podSpecOf } from './pod-specs';

const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

/**
 * Pod Security Admission checks Pods, not Deployments: a Deployment that violates its
 * namespace's level applies cleanly and its pods never start. So every pod template in a
 * namespace that enforces `restricted` is checked here, at synth time (Pod Security Standards,
 * restricted profile, v1.28).
 */
export function checkPodSecurity(manifests: readonly Manifest[]): Error[] {
  const restricted = new Set(manifests.filter((m) => m.kind === 'Namespace' && m.object.metadata?.labels?.[ENFORCE_LABEL] === 'restricted').map((m) => m.name));
  const errors: Error[] = [];
  for (const m of manifests) {
    const found = podSpecOf(m);
    if (!found || !m.namespace || !restricted.has(m.namespace)) continue;
    const fail = (field: string, value: unknown, problem: string, fix: string) =>
      errors.push(new ValidationError({ path: m.path, field: `${found.field}.${field}`, value, problem: `${problem} (namespace ${m.namespace} enforces restricted)`, fix }));
    const pod = found.spec;
    for (const key of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
      if (pod[key]) fail(key, pod[key], 'must not be true', `remove ${key}`);
    }
    (pod.volumes ?? []).forEach((v: any, i: number) => {
      const type = Object.keys(v).find((k) => k !== 'name');
      if (type && !RESTRICTED_VOLUMES.has(type)) fail(`volumes[${i}]`, type, 'is a volume type restricted pods cannot use', 'use emptyDir, configMap, secret, csi, projected or a persistentVolumeClaim');
    });
    const podContext = pod.securityContext ?? {};
    const groups = [['containers', pod.containers], ['initContainers', pod.initContainers], ['ephemeralContainers', pod.ephemeralContainers]] as const;
    for (const [group, containers] of groups) {
      (containers ?? []).forEach((c: any, i: number) => {
        const at = `${group}[${i}].securityContext`;
        const ctx = c.securityContext ?? {};
        if (ctx.privileged) fail(`${at}.privileged`, true, 'must not be true', 'remove privileged, or declare an exception and lower the namespace level');
        if (ctx.allowPrivilegeEscalation !== false) fail(`${at}.allowPrivilegeEscalation`, ctx.allowPrivilegeEscalation, 'must be false', 'set allowPrivilegeEscalation: false');
        if (!(ctx.capabilities?.drop ?? []).includes('ALL')) fail(`${at}.capabilities.drop`, ctx.capabilities?.drop, 'must include "ALL"', 'drop ALL capabilities');
        const added = (ctx.capabilities?.add ?? []).filter((cap: string) => cap !== 'NET_BIND_SERVICE');
        if (added.length > 0) fail(`${at}.capabilities.add`, added, 'may only add NET_BIND_SERVICE', 'remove the added capabilities');
        if ((ctx.runAsNonRoot ?? podContext.runAsNonRoot) !== true) fail(`${at}.runAsNonRoot`, ctx.runAsNonRoot, 'must be true (on the container or the pod)', 'set runAsNonRoot: true');
        if ((ctx.runAsUser ?? podContext.runAsUser) === 0) fail(`${at}.runAsUser`, 0, 'must not be 0 (root)', 'run as a non-zero user id');
        const seccomp = ctx.seccompProfile?.type ?? podContext.seccompProfile?.type;
        if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') fail(`${at}.seccompProfile.type`, seccomp, 'must be RuntimeDefault or Localhost (on the container or the pod)', 'set seccompProfile: { type: RuntimeDefault } on the pod');
        (c.ports ?? []).forEach((p: any, j: number) => {
          if (p.hostPort) fail(`${group}[${i}].ports[${j}].hostPort`, p.hostPort, 'must not be set', 'expose the port through a Service');
        });
      });
    }
  }
  return errors;
}
