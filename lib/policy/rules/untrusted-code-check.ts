import { PolicyRule } from '../../core/exceptions';
import { containersOf, podSpecOf } from '../../core/pod-specs';
import { runsUntrustedCode } from '../../core/untrusted-code';
import { Finding, PolicyCheck } from '../policy-check';

const OUTSIDE = 'run what needs the node outside the sandbox';

/**
 * Pods that run a user's code (UNTRUSTED_CODE_ANNOTATION) hold nothing that reaches the node or
 * the cluster, whatever wrote them: SessionTemplates refuses these as props, and this rule reads
 * the object as written, escape hatches included. Host paths, namespaces and ports, privileged
 * containers and a mounted API token are what the Pod Security baseline profile and the RBAC good
 * practices (kubernetes.io/docs/concepts/security/rbac-good-practices) name as node and cluster
 * takeover paths.
 */
export const untrustedCodeCheck: PolicyCheck = {
  rule: PolicyRule.UNTRUSTED_CODE_ISOLATED,
  appliesTo: (m) => runsUntrustedCode(m.object) && podSpecOf(m) !== undefined,
  check(m) {
    const found = podSpecOf(m)!;
    const { spec, field } = found;
    const findings: Finding[] = [];
    const refuse = (at: string, value: unknown, problem: string, fix: string) => findings.push({ field: at, value, problem, fix });
    (spec.volumes ?? []).forEach((volume: Record<string, any>, i: number) => {
      if (volume?.hostPath)
        refuse(
          `${field}.volumes[${i}].hostPath`,
          volume.hostPath.path,
          "is a host path in a pod that runs user code: the user would reach the node (its container runtime's socket, its devices, its files)",
          `give the pod an emptyDir or a persistent volume claim; ${OUTSIDE}`,
        );
    });
    for (const key of ['hostNetwork', 'hostPID', 'hostIPC'])
      if (spec[key] === true)
        refuse(`${field}.${key}`, true, "shares the node's namespace with a pod that runs user code", `drop ${key}; ${OUTSIDE}`);
    if (spec.automountServiceAccountToken === true)
      refuse(
        `${field}.automountServiceAccountToken`,
        true,
        'mounts an API token in a pod that runs user code: the user would hold it',
        'set it to false; the service that creates the pods calls the API, not the pod',
      );
    for (const { field: at, container } of containersOf(found, ['initContainers', 'containers', 'ephemeralContainers'])) {
      if (container.securityContext?.privileged === true)
        refuse(
          `${at}.securityContext.privileged`,
          true,
          'is a privileged container running user code: root on the node',
          `drop privileged; ${OUTSIDE}`,
        );
      (container.ports ?? []).forEach((port: Record<string, any>, i: number) => {
        if (port?.hostPort !== undefined)
          refuse(
            `${at}.ports[${i}].hostPort`,
            port.hostPort,
            "opens a port on the node's addresses to a pod that runs user code",
            'drop hostPort; expose the pod through a Service',
          );
      });
    }
    return findings;
  },
};
