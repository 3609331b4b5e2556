import { ApiObject, JsonPatch } from 'cdk8s';
import { declareException, PolicyRule } from '../../lib/core/exceptions';
import { PodSecurityLevel } from '../../lib/core/pod-security';
import { SecureNamespace } from '../../lib/security/namespace';
import { rawPodSpec } from '../helpers';
import { Case, Context, rawDeployment } from './fixtures';

const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };

/** A corpus case: a raw Deployment whose pod spec (and template annotations) break one Pod Security control. */
function podSecurityCase(
  control: string,
  spec: Record<string, unknown>,
  message: string,
  annotations?: Record<string, string>,
): [string, (ctx: Context) => void, string][] {
  return [
    [
      `Pod Security control ${control}`,
      (ctx) => {
        const deployment = rawDeployment(ctx, {}, { ...rawPodSpec(), ...spec });
        if (annotations) deployment.addJsonPatch(JsonPatch.add('/spec/template/metadata/annotations', annotations));
      },
      message,
    ],
  ];
}

/** Refused inputs: Pod Security: every baseline and restricted control of v1.28, one case each. */
export const podSecurity: Case[] = [
  [
    'privileged container',
    (ctx) =>
      // A privileged container may escalate: the API server refuses privileged with allowPrivilegeEscalation false.
      rawDeployment(ctx, {}, rawPodSpec({ securityContext: { capabilities: { drop: ['ALL'] }, privileged: true } })),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.privileged must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove privileged; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation must be false (Pod Security restricted) [pod-security-restricted] (got nothing); fix: set allowPrivilegeEscalation: false; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ],
  [
    'excused hostPath pod in a baseline namespace',
    (ctx) => {
      new SecureNamespace(ctx.platform.infrastructure, 'tools', { name: 'tools', podSecurity: PodSecurityLevel.BASELINE });
      const pod = new ApiObject(ctx.platform.apps, 'agent', {
        apiVersion: 'v1',
        kind: 'PodTemplate',
        metadata: { name: 'agent', namespace: 'tools' },
        template: { metadata: { labels: { app: 'agent' } }, spec: { ...rawPodSpec(), volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }] } },
      });
      declareException(pod, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason: 'reads the node logs from the host' });
    },
    'test/apps/agent: template.spec.volumes[0] must not be a hostPath volume (Pod Security baseline) (namespace tools enforces baseline, so the exception cannot help) [pod-security-restricted] (got "hostPath"); fix: use a persistentVolumeClaim or a csi volume, or give namespace tools the Pod Security level this pod needs',
  ],
  ...podSecurityCase(
    '1 windowsHostProcess',
    { securityContext: { ...rawPodSpec().securityContext, windowsOptions: { hostProcess: true } } },
    'test/apps/raw: spec.template.spec.securityContext.windowsOptions.hostProcess must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove hostProcess; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '2 hostNamespaces',
    { hostPID: true },
    'test/apps/raw: spec.template.spec.hostPID must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove hostPID; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '3 privileged',
    rawPodSpec({ securityContext: { ...RESTRICTED_CONTAINER, allowPrivilegeEscalation: undefined, privileged: true } }),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.privileged must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove privileged; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation must be false (Pod Security restricted) [pod-security-restricted] (got nothing); fix: set allowPrivilegeEscalation: false; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '4 capabilities_baseline',
    rawPodSpec({ securityContext: { ...RESTRICTED_CONTAINER, capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } } }),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.capabilities.add may only add NET_BIND_SERVICE (Pod Security restricted) [pod-security-restricted] (got ["SYS_ADMIN"]); fix: remove the added capabilities; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '5 hostPathVolumes',
    { volumes: [{ name: 'host', hostPath: { path: '/var/run' } }] },
    'test/apps/raw: spec.template.spec.volumes[0] is a volume type restricted pods cannot use (Pod Security restricted) [pod-security-restricted] (got "hostPath"); fix: use emptyDir, configMap, secret, csi, projected or a persistentVolumeClaim; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '6 hostPorts',
    rawPodSpec({ ports: [{ containerPort: 8080, hostPort: 8080 }] }),
    'test/apps/raw: spec.template.spec.containers[0].ports[0].hostPort must not be set (Pod Security restricted) [pod-security-restricted] (got 8080); fix: expose the port through a Service; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '7 appArmorProfile',
    {},
    'test/apps/raw: spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/c"] must be runtime/default or localhost/<profile> (Pod Security restricted) [pod-security-restricted] (got "unconfined"); fix: remove the annotation (the runtime default profile applies); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
    { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' },
  ),
  ...podSecurityCase(
    '8 seLinuxOptions',
    rawPodSpec({ securityContext: { ...RESTRICTED_CONTAINER, seLinuxOptions: { type: 'spc_t' } } }),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.seLinuxOptions.type must be container_t, container_init_t or container_kvm_t (Pod Security restricted) [pod-security-restricted] (got "spc_t"); fix: remove seLinuxOptions.type; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '9 procMount',
    rawPodSpec({ securityContext: { ...RESTRICTED_CONTAINER, procMount: 'Unmasked' } }),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.procMount must be Default (Pod Security restricted) [pod-security-restricted] (got "Unmasked"); fix: remove procMount; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '10 seccompProfile_baseline',
    { securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'Unconfined' } } },
    'test/apps/raw: spec.template.spec.securityContext.seccompProfile.type must not be Unconfined (Pod Security restricted) [pod-security-restricted] (got "Unconfined"); fix: use RuntimeDefault; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod) (Pod Security restricted) [pod-security-restricted] (got "Unconfined"); fix: set seccompProfile: { type: RuntimeDefault } on the pod; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '11 sysctls',
    { securityContext: { ...rawPodSpec().securityContext, sysctls: [{ name: 'kernel.msgmax', value: '65536' }] } },
    'test/apps/raw: spec.template.spec.securityContext.sysctls[0].name must be a safe sysctl (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.ip_local_reserved_ports) (Pod Security restricted) [pod-security-restricted] (got "kernel.msgmax"); fix: remove the sysctl, or set it on the node; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '12 restrictedVolumes',
    { volumes: [{ name: 'share', nfs: { server: 'nfs.example.com', path: '/share' } }] },
    'test/apps/raw: spec.template.spec.volumes[0] is a volume type restricted pods cannot use (Pod Security restricted) [pod-security-restricted] (got "nfs"); fix: use emptyDir, configMap, secret, csi, projected or a persistentVolumeClaim; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '13 allowPrivilegeEscalation',
    rawPodSpec({ securityContext: { capabilities: { drop: ['ALL'] } } }),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation must be false (Pod Security restricted) [pod-security-restricted] (got nothing); fix: set allowPrivilegeEscalation: false; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '14 runAsNonRoot',
    { securityContext: { runAsNonRoot: false, seccompProfile: { type: 'RuntimeDefault' } } },
    'test/apps/raw: spec.template.spec.securityContext.runAsNonRoot must not be false (Pod Security restricted) [pod-security-restricted] (got false); fix: set runAsNonRoot: true; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.runAsNonRoot must be true (on the container or the pod) (Pod Security restricted) [pod-security-restricted] (got nothing); fix: set runAsNonRoot: true; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '15 runAsUser',
    { securityContext: { ...rawPodSpec().securityContext, runAsUser: 0 } },
    "test/apps/raw: spec.template.spec.securityContext.runAsUser must not be 0 (root) (Pod Security restricted) [pod-security-restricted] (got 0); fix: run as a non-zero user id; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.runAsUser must not be 0 (root) (Pod Security restricted) [pod-security-restricted] (got 0); fix: run as a non-zero user id; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\ntest/apps/raw: spec.template.spec.containers[0].securityContext.runAsUser must be a numeric id above 0 on a runAsNonRoot container (on it or on the pod) [numeric-user] (got 0); fix: set runAsUser to the numeric user id of the image's user (the workload constructs write 65532 unless told otherwise); or, if it cannot hold, declareException(obj, { rule: PolicyRule.NUMERIC_USER, reason })",
  ),
  ...podSecurityCase(
    '16 seccompProfile_restricted',
    { securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000 } },
    'test/apps/raw: spec.template.spec.containers[0].securityContext.seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod) (Pod Security restricted) [pod-security-restricted] (got nothing); fix: set seccompProfile: { type: RuntimeDefault } on the pod; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
  ...podSecurityCase(
    '17 capabilities_restricted',
    rawPodSpec({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'] } } }),
    'test/apps/raw: spec.template.spec.containers[0].securityContext.capabilities.drop must include "ALL" (Pod Security restricted) [pod-security-restricted] (got nothing); fix: drop ALL capabilities; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ),
];
