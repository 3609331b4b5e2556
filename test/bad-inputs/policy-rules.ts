import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { declareException, PolicyRule } from '../../lib/core/exceptions';
import { PodSecurityLevel } from '../../lib/core/pod-security';
import { SecureNamespace } from '../../lib/security/namespace';
import { NetworkGraph, Peer } from '../../lib/security/network-graph';
import { NamespacedRole } from '../../lib/security/rbac';
import { WebService } from '../../lib/workloads/web-service';
import { rawPodSpec } from '../helpers';
import { Case, Context, PROBED, rawDeployment, SESSION_CRD, web } from './fixtures';

/** A raw StatefulSet `raw` in namespace "apps" (pods labelled app=raw); `spec` sets serviceName and claims. */
function rawStatefulSet(ctx: Context, spec: Record<string, unknown>): ApiObject {
  return new ApiObject(ctx.platform.apps, 'raw', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'raw', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: rawPodSpec() }, ...spec },
  });
}

const CLAIM_TEMPLATE = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };

/** Refused inputs: policy rules on hand-written (L1) objects, and their declared exceptions. */
export const policyRules: Case[] = [
  [
    'namespace without default deny',
    (ctx) => new k8s.KubeNamespace(ctx.platform.infrastructure, 'open', { metadata: { name: 'open' } }),
    'test/infrastructure/open: metadata.name names a namespace without a default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules) [default-deny] (got "open"); fix: create the namespace with SecureNamespace, which adds default-deny-all; or, if it cannot hold, declareException(obj, { rule: PolicyRule.DEFAULT_DENY, reason })',
  ],
  [
    'role with a wildcard',
    (ctx) =>
      new k8s.KubeRole(ctx.platform.apps, 'role', {
        metadata: { name: 'admin', namespace: 'apps' },
        rules: [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }],
      }),
    'test/apps/role: rules[0].resources must not contain a wildcard [rbac-no-wildcards] (got ["*"]); fix: list the resources the role needs; or, if it cannot hold, declareException(obj, { rule: PolicyRule.RBAC_NO_WILDCARDS, reason })',
  ],
  [
    'image tagged latest',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'mysql:latest' })),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (latest is not one) [images-pinned] (got "mysql:latest"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })',
  ],
  [
    'image without a tag',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'registry.example.com:5000/app' })),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (it has no tag) [images-pinned] (got "registry.example.com:5000/app"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })',
  ],
  [
    'a floating tag other than latest',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'nginx:stable' })),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (stable is not one) [images-pinned] (got "nginx:stable"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })',
  ],
  [
    'latest in capitals',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'nginx:LATEST' })),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (LATEST is not one) [images-pinned] (got "nginx:LATEST"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })',
  ],
  [
    'container without probes',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ readinessProbe: undefined, livenessProbe: undefined })),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe must be set on a long-running container [probes-set] (got nothing); fix: add readinessProbe: Probe.httpGet(...), Probe.tcpSocket(...) or Probe.exec(...); or, if it cannot hold, declareException(obj, { rule: PolicyRule.PROBES_SET, reason })\ntest/apps/raw: spec.template.spec.containers[0].livenessProbe must be set on a long-running container [probes-set] (got nothing); fix: add livenessProbe: Probe.httpGet(...), Probe.tcpSocket(...) or Probe.exec(...); or, if it cannot hold, declareException(obj, { rule: PolicyRule.PROBES_SET, reason })',
  ],
  [
    'hand-written container without limits',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ resources: { requests: { cpu: '100m', memory: '128Mi' } } })),
    'test/apps/raw: spec.template.spec.containers[0].resources must set limits.cpu, limits.memory [resources-set] (got {"requests":{"cpu":"100m","memory":"128Mi"}}); fix: give requests and limits for cpu and memory, e.g. requests { cpu: "100m", memory: "256Mi" }, limits { cpu: "500m", memory: "512Mi" }; or, if it cannot hold, declareException(obj, { rule: PolicyRule.RESOURCES_SET, reason })',
  ],
  [
    'replicated workload without a disruption budget',
    (ctx) => rawDeployment(ctx, { replicas: 3 }),
    'test/apps/raw: spec.replicas makes a replicated workload that no PodDisruptionBudget covers [disruption-budget] (got 3); fix: add a PodDisruptionBudget (minAvailable: 1) selecting its pods; WebService and StatefulStore add one when replicas > 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.DISRUPTION_BUDGET, reason })',
  ],
  [
    'fixed replicas on an HPA target',
    (ctx) => {
      rawDeployment(ctx, { replicas: 1 });
      new k8s.KubePodDisruptionBudget(ctx.platform.apps, 'pdb', {
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { minAvailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { app: 'raw' } } },
      });
      new k8s.KubeHorizontalPodAutoscalerV2(ctx.platform.apps, 'hpa', {
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'raw' }, minReplicas: 2, maxReplicas: 5 },
      });
    },
    'test/apps/raw: spec.replicas must not be set: HorizontalPodAutoscaler raw owns the replica count [hpa-owns-replicas] (got 1); fix: leave replicas unset and give the HPA its minReplicas; or, if it cannot hold, declareException(obj, { rule: PolicyRule.HPA_OWNS_REPLICAS, reason })',
  ],
  [
    'Service that selects no pod',
    (ctx) => {
      rawDeployment(ctx);
      new k8s.KubeService(ctx.platform.apps, 'svc', {
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { selector: { app: 'rwa' }, ports: [{ port: 80 }] },
      });
    },
    'test/apps/svc: spec.selector selects no pod template emitted in namespace apps [selects-pods] (got {"app":"rwa"}); fix: select the labels of a workload of this platform, or remove the object; or, if it cannot hold, declareException(obj, { rule: PolicyRule.SELECTS_PODS, reason })',
  ],
  [
    'NetworkPolicy that selects no pod',
    (ctx) => {
      rawDeployment(ctx);
      new k8s.KubeNetworkPolicy(ctx.platform.apps, 'np', {
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { podSelector: { matchLabels: { app: 'gone' } }, policyTypes: ['Ingress'] },
      });
    },
    'test/apps/np: spec.podSelector selects no pod template emitted in namespace apps [selects-pods] (got {"matchLabels":{"app":"gone"}}); fix: select the labels of a workload of this platform, or remove the object; or, if it cannot hold, declareException(obj, { rule: PolicyRule.SELECTS_PODS, reason })',
  ],
  [
    'cluster-scoped custom resource with a namespace',
    (ctx) => {
      new ApiObject(ctx.platform.apps, 'crd', { ...SESSION_CRD, spec: { ...SESSION_CRD.spec, scope: 'Cluster' } });
      new ApiObject(ctx.platform.apps, 'session', {
        apiVersion: 'streaming.platform/v1',
        kind: 'Session',
        metadata: { name: 's1', namespace: 'apps' },
        spec: { userId: 'u1' },
      });
    },
    'test/apps/session: metadata.namespace must be empty: Session is cluster-scoped [cluster-scope] (got "apps"); fix: remove the namespace',
  ],
  [
    'hand-written pod without a numeric user',
    (ctx) =>
      rawDeployment(
        ctx,
        {},
        { ...rawPodSpec(), securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } } },
      ),
    "test/apps/raw: spec.template.spec.containers[0].securityContext.runAsGroup must be a numeric id above 0 on a runAsNonRoot container (on it or on the pod) [numeric-user] (got nothing); fix: set runAsGroup to the numeric group id of the image's user (the workload constructs write 65532 unless told otherwise); or, if it cannot hold, declareException(obj, { rule: PolicyRule.NUMERIC_USER, reason })",
  ],
  [
    'disruption budget that never allows an eviction',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { maxUnavailable: 0 } }, PROBED)),
    'test/apps/web/disruption-budget: spec.maxUnavailable never allows an eviction of the pods it covers (2), so node drains hang [budget-allows-eviction] (got 0); fix: give minAvailable below the replica count or maxUnavailable: 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason })',
  ],
  [
    'hand-written probe on an undeclared port',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ readinessProbe: { httpGet: { path: '/', port: 9090 } } })),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe.httpGet.port is no port the container declares [probe-port-declared] (got 9090); fix: probe one of: http',
  ],
  [
    'StatefulSet whose serviceName names no headless Service',
    (ctx) => rawStatefulSet(ctx, { serviceName: 'nothing', volumeClaimTemplates: [CLAIM_TEMPLATE] }),
    'test/apps/raw: spec.serviceName names no headless Service in namespace apps, so the pods get no stable DNS names [governing-service] (got "nothing"); fix: emit a Service of that name with clusterIP: None (StatefulStore makes one)',
  ],
  [
    'hand-written LoadBalancer Service no NetworkPolicy opens',
    (ctx) => {
      const app = new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED));
      new k8s.KubeService(ctx.platform.apps, 'public', {
        metadata: { name: 'web-public', namespace: 'apps' },
        spec: { type: 'LoadBalancer', selector: { ...app.selector }, ports: [{ port: 443, targetPort: k8s.IntOrString.fromNumber(8080) }] },
      });
    },
    'test/apps/public: spec.type opens the Service outside the cluster, but no NetworkPolicy admits outside traffic to its pods [external-service-admitted] (got "LoadBalancer"); fix: allow it: network.allow(Peer.internet(), Peer.pods(workload), [port]) or Peer.cidr(...) for the clients\' range; or, if it cannot hold, declareException(obj, { rule: PolicyRule.EXTERNAL_SERVICE_ADMITTED, reason })',
  ],
  [
    'NetworkPolicy port the pods do not expose',
    (ctx) => {
      const app = new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED));
      new NetworkGraph(ctx.platform.apps, 'net').allow(Peer.external('ingress-nginx'), Peer.pods(app), [9999]);
    },
    'test/apps/net/apps-web-from-ingress-nginx-ingress-nginx: spec.ingress[0].ports[0] is no port the selected pods expose [policy-ports-exposed] (got 9999); fix: open one of: 8080/TCP; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POLICY_PORTS_EXPOSED, reason })',
  ],
  [
    'StatefulSet without claim templates',
    (ctx) => {
      rawStatefulSet(ctx, { serviceName: 'raw', volumeClaimTemplates: [] });
      new ApiObject(ctx.platform.apps, 'raw-service', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { clusterIP: 'None', selector: { app: 'raw' }, ports: [{ name: 'http', port: 8080 }] },
      });
    },
    'test/apps/raw: spec.volumeClaimTemplates is empty: the pods keep no storage of their own [claim-templates] (got []); fix: add a claim template, or make it a Deployment (WebService); or, if it cannot hold, declareException(obj, { rule: PolicyRule.CLAIM_TEMPLATES, reason })',
  ],
  [
    'a workload in default',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'raw', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'raw', namespace: 'default' },
        spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: rawPodSpec() } },
      }),
    'test/apps/raw: metadata.namespace puts a workload in default, a namespace the cluster makes for itself, outside the build\'s Pod Security level and default deny [namespace-owned] (got "default"); fix: run it in a namespace of the build (SecureNamespace); or, if it cannot hold, declareException(obj, { rule: PolicyRule.NAMESPACE_OWNED, reason })',
  ],
  [
    'a workload in kube-system',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'raw', {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'raw', namespace: 'kube-system' },
        spec: { template: { metadata: { labels: { app: 'raw' } }, spec: { ...rawPodSpec(), restartPolicy: 'Never' } } },
      }),
    'test/apps/raw: metadata.namespace puts a workload in kube-system, a namespace the cluster makes for itself, outside the build\'s Pod Security level and default deny [namespace-owned] (got "kube-system"); fix: run it in a namespace of the build (SecureNamespace); or, if it cannot hold, declareException(obj, { rule: PolicyRule.NAMESPACE_OWNED, reason })',
  ],
  [
    'an app ServiceAccount bound to cluster-admin',
    (ctx) =>
      new k8s.KubeClusterRoleBinding(ctx.platform.apps, 'admin-binding', {
        metadata: { name: 'web-admin' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'apps' }],
      }),
    'test/apps/admin-binding: roleRef binds the built-in ClusterRole cluster-admin to ServiceAccount apps/web [powerful-role-binding] (got "cluster-admin"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a binding to a role that may escalate',
    (ctx) => {
      new k8s.KubeRole(ctx.platform.apps, 'role', {
        metadata: { name: 'granter', namespace: 'apps' },
        rules: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get', 'bind', 'escalate'] }],
      });
      new k8s.KubeRoleBinding(ctx.platform.apps, 'binding', {
        metadata: { name: 'granter', namespace: 'apps' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'granter' },
        subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'apps' }],
      });
    },
    'test/apps/binding: roleRef binds Role granter, which grants bind, escalate on roles to ServiceAccount apps/web [powerful-role-binding] (got "granter"); fix: bind a Role that names only the verbs and resources the subject needs (NamespacedRole); or, if it cannot hold, declareException(obj, { rule: PolicyRule.POWERFUL_ROLE_BINDING, reason })',
  ],
  [
    'a Role that may create pods where privileged pods are allowed',
    (ctx) => {
      new SecureNamespace(ctx.platform.infrastructure, 'tools-namespace', { name: 'tools', podSecurity: PodSecurityLevel.PRIVILEGED });
      new NamespacedRole(ctx.platform.apps, 'launcher', {
        name: 'launcher',
        namespace: 'tools',
        subjects: [{ name: 'web', namespace: 'apps' }],
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'create'] }],
      });
    },
    'test/apps/launcher/role: rules let their subjects create pods in namespace tools, which admits privileged pods (root on the node) [create-pods-where-privileged] (got ["pods"]); fix: raise the Pod Security level of tools, or move what needs privileges elsewhere, or grant create on fewer resources; or, if it cannot hold, declareException(obj, { rule: PolicyRule.CREATE_PODS_WHERE_PRIVILEGED, reason })',
  ],
  [
    'exception from an unknown rule',
    (ctx) => rawDeployment(ctx).metadata.addAnnotation('policy.k8s-platforms.dev/allow-everything', 'because we said so'),
    'test/apps/raw: metadata.annotations["policy.k8s-platforms.dev/allow-everything"] declares an exception from an unknown rule (got "everything"); fix: use one of: pod-security-restricted, default-deny, network-policy-narrow, rbac-no-wildcards, images-pinned, resources-set, probes-set, disruption-budget, hpa-owns-replicas, selects-pods, numeric-user, budget-allows-eviction, external-service-admitted, policy-ports-exposed, claim-templates, powerful-role-binding, create-pods-where-privileged, namespace-owned',
  ],
  [
    'exception the object does not need',
    (ctx) => declareException(rawDeployment(ctx), { rule: PolicyRule.PROBES_SET, reason: 'the app has no health endpoint' }),
    'test/apps/raw: metadata.annotations["policy.k8s-platforms.dev/allow-probes-set"] declares an exception the object does not need (it breaks no part of that rule) (got "probes-set"); fix: remove the exception, so the rule guards this object again',
  ],
  [
    'exception from a rule without exceptions',
    (ctx) => declareException(rawDeployment(ctx), { rule: PolicyRule.NO_SECRET_VALUES, reason: 'it is only a test password' }),
    'test/apps/raw: exception.rule names a rule that has no exceptions (got "no-secret-values"); fix: change the object so it follows the rule',
  ],
  [
    'declareException without a rule',
    (ctx) => declareException(rawDeployment(ctx), { reason: 'the reason is long enough' } as any),
    'test/apps/raw: exception.rule must be a PolicyRule (got nothing); fix: write declareException(obj, { rule: PolicyRule.X, reason: "why the rule cannot hold here" })',
  ],
  [
    'declareException with a reason that is not text',
    (ctx) => declareException(rawDeployment(ctx), { rule: PolicyRule.PROBES_SET, reason: undefined as any }),
    'test/apps/raw: exception.reason must say in at least 10 characters why probes-set cannot hold for this object (got nothing); fix: write the reason a reviewer needs',
  ],
];
