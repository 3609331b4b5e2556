import { JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { PodSecurityLevel } from '../../lib/core/pod-security';
import { SecureNamespace } from '../../lib/security/namespace';
import { NamespacedRole } from '../../lib/security/rbac';
import { Volume } from '../../lib/workloads/volume';
import { SessionTemplates } from '../../lib/workloads/session-templates';
import { container } from '../helpers';
import { Case, Context, PROBED } from './fixtures';

const RBAC = 'rbac.authorization.k8s.io';

/** A ClusterRole `name` with these rules. */
function clusterRole(ctx: Context, name: string, rules: k8s.PolicyRule[], labels?: Record<string, string>): void {
  new k8s.KubeClusterRole(ctx.platform.apps, `${name}-role`, { metadata: { name, labels }, rules });
}

/** A ClusterRoleBinding of ClusterRole `role` to these subjects. */
function clusterBinding(ctx: Context, role: string, subjects: k8s.Subject[]): void {
  new k8s.KubeClusterRoleBinding(ctx.platform.apps, `${role}-binding`, {
    metadata: { name: role },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
    subjects,
  });
}

/** A RoleBinding in `namespace` of a Role or ClusterRole to the ServiceAccount apps/web. */
function roleBinding(ctx: Context, namespace: string, kind: 'Role' | 'ClusterRole', role: string): void {
  new k8s.KubeRoleBinding(ctx.platform.apps, `${role}-${namespace}-binding`, {
    metadata: { name: role, namespace },
    roleRef: { apiGroup: RBAC, kind, name: role },
    subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'apps' }],
  });
}

const WEB = [{ kind: 'ServiceAccount', name: 'web', namespace: 'apps' }];

/** Refused inputs: grants that amount to a node or the cluster, wherever they come from. */
export const powerfulGrants: Case[] = [
  [
    'a binding to the group system:masters',
    (ctx) => {
      clusterRole(ctx, 'reader', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]);
      clusterBinding(ctx, 'reader', [{ kind: 'Group', name: 'system:masters', apiGroup: RBAC }]);
    },
    'test/apps/reader-binding: subjects grants ClusterRole reader to the group system:masters, which bypasses every RBAC check [powerful-role-binding] (got ["system:masters"]); fix: bind the role to the ServiceAccounts or users that need it, by name; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'system:authenticated reading every Secret',
    (ctx) => {
      clusterRole(ctx, 'secret-reader', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }]);
      clusterBinding(ctx, 'secret-reader', [{ kind: 'Group', name: 'system:authenticated', apiGroup: RBAC }]);
    },
    'test/apps/secret-reader-binding: subjects grants ClusterRole secret-reader to the group system:authenticated (everyone with any credential) [powerful-role-binding] (got ["system:authenticated"]); fix: bind the role to the ServiceAccounts or users that need it, by name; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'system:unauthenticated listing ConfigMaps',
    (ctx) => {
      new k8s.KubeRole(ctx.platform.apps, 'role', {
        metadata: { name: 'lister', namespace: 'apps' },
        rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }],
      });
      new k8s.KubeRoleBinding(ctx.platform.apps, 'binding', {
        metadata: { name: 'lister', namespace: 'apps' },
        roleRef: { apiGroup: RBAC, kind: 'Role', name: 'lister' },
        subjects: [{ kind: 'Group', name: 'system:unauthenticated', apiGroup: RBAC }],
      });
    },
    'test/apps/binding: subjects grants Role lister to the group system:unauthenticated (anyone who reaches the API server) [powerful-role-binding] (got ["system:unauthenticated"]); fix: bind the role to the ServiceAccounts or users that need it, by name; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a ClusterRole aggregated into admin',
    (ctx) =>
      clusterRole(ctx, 'extra', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], {
        'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
      }),
    'test/apps/extra-role: metadata.labels["rbac.authorization.k8s.io/aggregate-to-admin"] adds this ClusterRole\'s rules to the built-in ClusterRole admin, so everyone bound to admin in any namespace holds them [powerful-role-binding] (got "true"); fix: drop the label and bind the ClusterRole with a RoleBinding to the subjects that need it; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a ClusterRole aggregated into edit',
    (ctx) =>
      clusterRole(ctx, 'extra', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }], {
        'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
      }),
    'test/apps/extra-role: metadata.labels["rbac.authorization.k8s.io/aggregate-to-edit"] adds this ClusterRole\'s rules to the built-in ClusterRole edit, so everyone bound to edit in any namespace holds them [powerful-role-binding] (got "true"); fix: drop the label and bind the ClusterRole with a RoleBinding to the subjects that need it; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a binding to a role that reaches nodes/proxy',
    (ctx) => {
      clusterRole(ctx, 'kubelet-reader', [{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }]);
      clusterBinding(ctx, 'kubelet-reader', WEB);
    },
    'test/apps/kubelet-reader-binding: roleRef binds ClusterRole kubelet-reader, which grants get on nodes/proxy: the kubelet API of every node (exec into any pod) to ServiceAccount apps/web [powerful-role-binding] (got "kubelet-reader"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a binding to a role that adds ephemeral containers',
    (ctx) => {
      clusterRole(ctx, 'debugger', [{ apiGroups: [''], resources: ['pods/ephemeralcontainers'], verbs: ['patch'] }]);
      roleBinding(ctx, 'apps', 'ClusterRole', 'debugger');
    },
    'test/apps/debugger-apps-binding: roleRef binds ClusterRole debugger, which grants patch on pods/ephemeralcontainers: a container of its choosing added to any running pod to ServiceAccount apps/web [powerful-role-binding] (got "debugger"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a binding to a role that mints ServiceAccount tokens',
    (ctx) =>
      new NamespacedRole(ctx.platform.apps, 'minter', {
        name: 'minter',
        namespace: 'apps',
        subjects: [{ name: 'web', namespace: 'apps' }],
        rules: [{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] }],
      }),
    'test/apps/minter/binding: roleRef binds Role minter, which grants create on serviceaccounts/token: a token of any ServiceAccount of the namespace to ServiceAccount apps/web [powerful-role-binding] (got "minter"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a binding to a role that approves certificates',
    (ctx) => {
      clusterRole(ctx, 'approver', [
        { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update'] },
        { apiGroups: ['certificates.k8s.io'], resources: ['signers'], verbs: ['approve'] },
      ]);
      clusterBinding(ctx, 'approver', WEB);
    },
    'test/apps/approver-binding: roleRef binds ClusterRole approver, which grants update on certificatesigningrequests/approval: client certificates approved for any user or group; approve on signers: certificates signed for any user or group to ServiceAccount apps/web [powerful-role-binding] (got "approver"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a NamespacedRole that may escalate',
    (ctx) =>
      new NamespacedRole(ctx.platform.apps, 'granter', {
        name: 'granter',
        namespace: 'apps',
        subjects: [{ name: 'web', namespace: 'apps' }],
        rules: [{ apiGroups: [RBAC], resources: ['roles'], verbs: ['escalate'] }],
      }),
    'test/apps/granter/binding: roleRef binds Role granter, which grants escalate on roles to ServiceAccount apps/web [powerful-role-binding] (got "granter"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a ClusterRole that may create pods bound in a privileged namespace',
    (ctx) => {
      new SecureNamespace(ctx.platform.infrastructure, 'tools-namespace', { name: 'tools', podSecurity: PodSecurityLevel.PRIVILEGED });
      clusterRole(ctx, 'launcher', [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }]);
      roleBinding(ctx, 'tools', 'ClusterRole', 'launcher');
    },
    'test/apps/launcher-role: rules let their subjects create pods in namespace tools, which enforces Pod Security privileged (RoleBinding tools/launcher): root on the node [create-pods-where-privileged] (got ["pods"]); fix: bind it only in namespaces that enforce Pod Security baseline or restricted, or grant create on fewer resources; or, if it cannot hold, declareException(obj, { rule: PolicyRule.CREATE_PODS_WHERE_PRIVILEGED, reason })',
  ],
  [
    'a ClusterRole that may create Deployments bound cluster-wide',
    (ctx) => {
      clusterRole(ctx, 'deployer', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] }]);
      clusterBinding(ctx, 'deployer', WEB);
    },
    'test/apps/deployer-role: rules let their subjects create pods in every namespace, kube-system and others that admit privileged pods among them (ClusterRoleBinding deployer): root on the node [create-pods-where-privileged] (got ["deployments"]); fix: bind it only in namespaces that enforce Pod Security baseline or restricted, or grant create on fewer resources; or, if it cannot hold, declareException(obj, { rule: PolicyRule.CREATE_PODS_WHERE_PRIVILEGED, reason })',
  ],
  [
    "an untrusted sandbox mounting the node's docker socket",
    (ctx) =>
      new SessionTemplates(ctx.platform.apps, 'sandbox', {
        name: 'sandbox',
        namespace: 'apps',
        podLabels: { app: 'sandbox' },
        runsUntrustedCode: true,
        variants: {
          shell: {
            pool: ctx.pools.get('general'),
            volumes: [Volume.hostPath('docker', '/var/run/docker.sock', { type: 'File', reason: 'builds images for the user' })],
            containers: [container(PROBED)],
          },
        },
      }),
    'test/apps/sandbox: variants.shell.volumes[0] is a host path, not allowed in a pod that runs user code: the user would reach the node (its container runtime\'s socket, its devices, its files) (got "/var/run/docker.sock"); fix: give the pod an emptyDir or a persistent volume claim; run what needs the node outside the sandbox',
  ],
  [
    'an untrusted sandbox given the node through the escape hatch: a host path, the host PID namespace, a privileged container',
    (ctx) => {
      const sandbox = new SessionTemplates(ctx.platform.apps, 'sandbox', {
        name: 'sandbox',
        namespace: 'apps',
        podLabels: { app: 'sandbox' },
        runsUntrustedCode: true,
        variants: { shell: { pool: ctx.pools.get('general'), containers: [container(PROBED)] } },
      });
      sandbox.podTemplates.shell.addJsonPatch(
        JsonPatch.add('/template/spec/volumes', [{ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }]),
        // An L1 class takes its props' spelling in a patch (hostPid), and writes the API's (hostPID).
        JsonPatch.add('/template/spec/hostPid', true),
        JsonPatch.add('/template/spec/containers/0/securityContext/privileged', true),
        JsonPatch.replace('/template/spec/containers/0/securityContext/allowPrivilegeEscalation', true),
      );
    },
    // Pod Security refuses these in a restricted namespace too; untrusted-code-isolated takes no exception.
    'test/apps/sandbox/template-shell: template.spec.hostPID must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove hostPID; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\n' +
      'test/apps/sandbox/template-shell: template.spec.volumes[0] is a volume type restricted pods cannot use (Pod Security restricted) [pod-security-restricted] (got "hostPath"); fix: use emptyDir, configMap, secret, csi, projected or a persistentVolumeClaim; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\n' +
      'test/apps/sandbox/template-shell: template.spec.containers[0].securityContext.privileged must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove privileged; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\n' +
      'test/apps/sandbox/template-shell: template.spec.containers[0].securityContext.allowPrivilegeEscalation must be false (Pod Security restricted) [pod-security-restricted] (got true); fix: set allowPrivilegeEscalation: false; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })\n' +
      'test/apps/sandbox/template-shell: template.spec.volumes[0].hostPath is a host path in a pod that runs user code: the user would reach the node (its container runtime\'s socket, its devices, its files) [untrusted-code-isolated] (got "/var/run/docker.sock"); fix: give the pod an emptyDir or a persistent volume claim; run what needs the node outside the sandbox\n' +
      "test/apps/sandbox/template-shell: template.spec.hostPID shares the node's namespace with a pod that runs user code [untrusted-code-isolated] (got true); fix: drop hostPID; run what needs the node outside the sandbox\n" +
      'test/apps/sandbox/template-shell: template.spec.containers[0].securityContext.privileged is a privileged container running user code: root on the node [untrusted-code-isolated] (got true); fix: drop privileged; run what needs the node outside the sandbox',
  ],
];
