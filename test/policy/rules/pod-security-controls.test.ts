import { PodSecurityLevel, podSecurityViolations } from '../../../lib/core/pod-security';

const container = (securityContext: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  name: 'c',
  image: 'app:1',
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, ...securityContext },
  ...extra,
});
const pod = (spec: Record<string, unknown> = {}, c = container()) => ({
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [c],
  ...spec,
});

/** Each baseline control of Pod Security Standards v1.28, as Pod Security Admission at `baseline` sees it. */
const BASELINE: [string, Record<string, any>, Record<string, string>?][] = [
  ['windowsHostProcess', pod({}, container({ windowsOptions: { hostProcess: true } }))],
  ['hostNamespaces', pod({ hostIPC: true })],
  ['privileged', pod({}, container({ privileged: true }))],
  ['capabilities_baseline', pod({}, container({ capabilities: { add: ['NET_ADMIN'] } }))],
  ['hostPathVolumes', pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }] })],
  ['hostPorts', pod({}, container({}, { ports: [{ containerPort: 80, hostPort: 80 }] }))],
  ['appArmorProfile', pod(), { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' }],
  ['seLinuxOptions type', pod({ securityContext: { seLinuxOptions: { type: 'spc_t' } } })],
  ['seLinuxOptions user', pod({}, container({ seLinuxOptions: { user: 'system_u' } }))],
  ['procMount', pod({}, container({ procMount: 'Unmasked' }))],
  ['seccompProfile_baseline', pod({}, container({ seccompProfile: { type: 'Unconfined' } }))],
  ['sysctls', pod({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] } })],
];

describe('Pod Security Standards v1.28 controls', () => {
  test('baseline refuses each of its controls, one violation per case', () => {
    const counts = BASELINE.map(([control, spec, annotations]) => [
      control,
      podSecurityViolations(spec, PodSecurityLevel.BASELINE, annotations).length,
    ]);
    expect(counts).toEqual(BASELINE.map(([control]) => [control, 1]));
  });
  test('baseline admits what it allows: safe sysctls, the allowed SELinux types, runtime/default and localhost AppArmor profiles', () => {
    const spec = pod(
      {
        securityContext: {
          sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
          seLinuxOptions: { type: 'container_init_t', level: 's0:c1' },
        },
      },
      container({ capabilities: { add: ['CHOWN'] } }),
    );
    expect(
      podSecurityViolations(spec, PodSecurityLevel.BASELINE, {
        'container.apparmor.security.beta.kubernetes.io/c': 'localhost/custom',
        'container.apparmor.security.beta.kubernetes.io/d': 'runtime/default',
      }),
    ).toEqual([]);
  });
  test('restricted refuses a pod-level runAsNonRoot: false even when every container sets true', () => {
    const spec = {
      securityContext: { runAsNonRoot: false, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [container({ runAsNonRoot: true })],
    };
    expect(podSecurityViolations(spec, PodSecurityLevel.RESTRICTED).map((v) => v.field)).toEqual(['securityContext.runAsNonRoot']);
  });
  test('Windows pods are exempt from the Linux-only restricted controls', () => {
    const spec = { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'c', image: 'app:1' }] };
    expect(podSecurityViolations(spec, PodSecurityLevel.RESTRICTED)).toEqual([]);
  });
});
