import { ValidationError } from '../../core/errors';
import { apiGroupOf, BUILT_IN_API_GROUPS, FLUX_NAMESPACE, KUBERNETES_NAMESPACES } from '../../core/kinds';
import { identityKey, Manifest } from '../../core/manifest';
import { podSpecOf } from '../../core/pod-specs';
import { addonDefinition, FLUX_KINDS } from '../../addons/catalog';
import { BuildCluster } from '../policy-check';
/** Objects every cluster has: its ClusterRoles and PriorityClasses. */
const BUILT_IN_OBJECTS = [
  'ClusterRole//cluster-admin',
  'ClusterRole//admin',
  'ClusterRole//edit',
  'ClusterRole//view',
  'PriorityClass//system-cluster-critical',
  'PriorityClass//system-node-critical',
];
/** Names a runtime fills in (a session manager's `user-storage-{user-id}`): made with the pod, not by the build. */
const RUNTIME_NAME = /\{[^}]*\}/;

const key = identityKey;

/**
 * The aggregated API an HPA metric is read from at run time, by metric type (autoscaling/v2
 * MetricSpec: Resource and ContainerResource from metrics.k8s.io, Pods and Object from
 * custom.metrics.k8s.io, External from external.metrics.k8s.io).
 */
const METRIC_APIS: Readonly<Record<string, string>> = {
  Resource: 'metrics.k8s.io',
  ContainerResource: 'metrics.k8s.io',
  Pods: 'custom.metrics.k8s.io',
  Object: 'custom.metrics.k8s.io',
  External: 'external.metrics.k8s.io',
};

/** What the build, the add-ons and the cluster bring: kinds, namespaces, named objects and aggregated APIs. */
class Known {
  readonly kinds = new Set<string>(FLUX_KINDS);
  readonly apis = new Set<string>();
  readonly namespaces = new Set<string>([...KUBERNETES_NAMESPACES, FLUX_NAMESPACE]);
  readonly objects = new Set<string>(BUILT_IN_OBJECTS);

  constructor(manifests: readonly Manifest[], cluster: BuildCluster) {
    const { installed, provided } = cluster.addons;
    const bring = (kinds: readonly string[] = [], objects: readonly string[] = [], apis: readonly string[] = []) => {
      kinds.forEach((k) => this.kinds.add(k));
      objects.forEach((o) => this.objects.add(o.replace('/', '//')));
      apis.forEach((a) => this.apis.add(a));
    };
    installed.forEach((a) => bring(a.kinds, a.objects, a.apis));
    for (const p of provided) {
      const known = addonDefinition(p.addon);
      bring(known?.kinds, known?.objects, known?.apis);
      bring(p.kinds, p.objects, p.apis);
    }
    for (const p of cluster.prerequisites) {
      this.objects.add(key(p.kind, p.namespace, p.name));
      if (p.kind === 'Namespace') this.namespaces.add(p.name);
    }
    for (const m of manifests) {
      this.objects.add(key(m.kind, m.namespace, m.name));
      if (m.kind === 'Namespace') this.namespaces.add(m.name);
      if (m.kind === 'CustomResourceDefinition') this.kinds.add(`${m.object.spec.group}/${m.object.spec.names.kind}`);
      if (m.kind === 'APIService' && m.object.spec?.group) this.apis.add(m.object.spec.group);
      // The Secrets Store CSI driver syncs these Secrets from the store.
      if (m.kind === 'SecretProviderClass')
        for (const s of m.object.spec?.secretObjects ?? []) this.objects.add(key('Secret', m.namespace, s.secretName));
    }
  }

  has(kind: string, namespace: string | undefined, name: string): boolean {
    return RUNTIME_NAME.test(name) || this.objects.has(key(kind, namespace, name));
  }
}

const KIND_FIX =
  "declare the add-on that defines it where the construct is made (needAddon), put its CRD in the crds layer, or declare the add-on in the platform's cluster.provided with a reason";
const API_FIX =
  'install the add-on that serves it (HorizontalAutoscaler declares metrics-server), or declare the add-on in the platform\'s cluster.provided with a reason, e.g. { addon: "metrics-server", reason: "..." }';
const NAMESPACE_FIX =
  'create the namespace in the build (SecureNamespace in the infrastructure layer), or declare it in cluster.prerequisites with who creates it';
const referenceFix = (kind: string) =>
  `create the ${kind} in the build, fix the name, or declare it in the platform's cluster.prerequisites with who creates it`;

/**
 * The closure of one build: every custom resource's kind is defined by the build (its CRDs, the
 * add-ons it installs) or by a declared cluster-provided add-on; every namespace an object lives
 * in is created by the build or by Kubernetes or Flux; every reference (a binding's role, a pod's
 * ServiceAccount, ConfigMaps, Secrets, secret store, claims, PriorityClass, RuntimeClass, a claim's StorageClass,
 * a Flux Provider's Secret, a HelmRelease's chart source) finds its object in the build or in a declared prerequisite;
 * every aggregated API an object reads at run time (an HPA's metrics) is served by an add-on the build installs or the
 * cluster is declared to provide. A Service's pods are checked before, by the selects-pods rule (lib/policy/selector-check.ts).
 */
export function closureErrors(manifests: readonly Manifest[], cluster: BuildCluster): ValidationError[] {
  const known = new Known(manifests, cluster);
  const errors: ValidationError[] = [];
  const fail = (m: Manifest, field: string, value: unknown, problem: string, fix: string) =>
    errors.push(new ValidationError({ path: m.path, field, value, problem, fix }));
  const pods = manifests.flatMap((m) => {
    const found = podSpecOf(m);
    return found ? [{ m, ...found }] : [];
  });
  const need = (m: Manifest, field: string, kind: string, namespace: string | undefined, name: string | undefined) => {
    if (name === undefined || known.has(kind, namespace, name)) return;
    const where = namespace ? ` in namespace ${namespace}` : '';
    fail(m, field, name, `names a ${kind}${where} that nothing creates: not the build, its add-ons, nor a declared prerequisite`, referenceFix(kind));
  };

  for (const m of manifests) {
    const group = apiGroupOf(m.apiVersion);
    if (!BUILT_IN_API_GROUPS.has(group) && !known.kinds.has(`${group}/${m.kind}`)) {
      fail(
        m,
        'kind',
        `${m.apiVersion} ${m.kind}`,
        'is defined by no CRD of the build, no add-on it installs, and no add-on the cluster is declared to provide',
        KIND_FIX,
      );
    }
    if (m.namespace !== undefined && !known.namespaces.has(m.namespace)) {
      fail(
        m,
        'metadata.namespace',
        m.namespace,
        'is created by nothing: no Namespace of the build, and not one Kubernetes or Flux makes',
        NAMESPACE_FIX,
      );
    }
    const spec = m.object.spec ?? {};
    // A release's chart objects live in its target namespace, which the release does not create.
    if (m.kind === 'HelmRelease' && spec.targetNamespace !== undefined && !known.namespaces.has(spec.targetNamespace)) {
      fail(
        m,
        'spec.targetNamespace',
        spec.targetNamespace,
        'is created by nothing: no Namespace of the build, and not one Kubernetes or Flux makes',
        NAMESPACE_FIX,
      );
    }
    if (m.kind === 'RoleBinding' || m.kind === 'ClusterRoleBinding') {
      const ref = m.object.roleRef ?? {};
      need(m, 'roleRef.name', ref.kind, ref.kind === 'Role' ? m.namespace : undefined, ref.name);
    }
    if (m.kind === 'PersistentVolumeClaim') need(m, 'spec.storageClassName', 'StorageClass', undefined, spec.storageClassName);
    if (m.kind === 'HorizontalPodAutoscaler') {
      (spec.metrics ?? []).forEach((metric: { type?: string }, i: number) => {
        const api = METRIC_APIS[metric.type ?? ''];
        if (api && !known.apis.has(api)) {
          fail(
            m,
            `spec.metrics[${i}].type`,
            metric.type,
            `is read from the ${api} API at run time, which no add-on the build installs serves and no add-on the cluster is declared to provide`,
            API_FIX,
          );
        }
      });
    }
    if (m.kind === 'StatefulSet')
      (spec.volumeClaimTemplates ?? []).forEach((t: any, i: number) =>
        need(m, `spec.volumeClaimTemplates[${i}].spec.storageClassName`, 'StorageClass', undefined, t.spec?.storageClassName),
      );
  }

  for (const { m, spec, field } of pods) {
    const ns = m.namespace;
    need(m, `${field}.priorityClassName`, 'PriorityClass', undefined, spec.priorityClassName);
    need(m, `${field}.runtimeClassName`, 'RuntimeClass', undefined, spec.runtimeClassName);
    // Every namespace has its "default" ServiceAccount; any other must be made (a pod naming a missing one is never created).
    if (spec.serviceAccountName !== 'default') need(m, `${field}.serviceAccountName`, 'ServiceAccount', ns, spec.serviceAccountName);
    (spec.volumes ?? []).forEach((v: any, i: number) => {
      const at = `${field}.volumes[${i}]`;
      if (v.configMap && !v.configMap.optional) need(m, `${at}.configMap.name`, 'ConfigMap', ns, v.configMap.name);
      if (v.secret && !v.secret.optional) need(m, `${at}.secret.secretName`, 'Secret', ns, v.secret.secretName);
      if (v.persistentVolumeClaim) need(m, `${at}.persistentVolumeClaim.claimName`, 'PersistentVolumeClaim', ns, v.persistentVolumeClaim.claimName);
      if (v.csi?.volumeAttributes?.secretProviderClass)
        need(m, `${at}.csi.volumeAttributes.secretProviderClass`, 'SecretProviderClass', ns, v.csi.volumeAttributes.secretProviderClass);
      const claim = v.ephemeral?.volumeClaimTemplate?.spec;
      if (claim) need(m, `${at}.ephemeral.volumeClaimTemplate.spec.storageClassName`, 'StorageClass', undefined, claim.storageClassName);
    });
    for (const list of ['initContainers', 'containers'] as const) {
      (spec[list] ?? []).forEach((c: any, i: number) => {
        const at = `${field}.${list}[${i}]`;
        (c.env ?? []).forEach((e: any, j: number) => {
          const cm = e.valueFrom?.configMapKeyRef;
          const secret = e.valueFrom?.secretKeyRef;
          if (cm && !cm.optional) need(m, `${at}.env[${j}].valueFrom.configMapKeyRef.name`, 'ConfigMap', ns, cm.name);
          if (secret && !secret.optional) need(m, `${at}.env[${j}].valueFrom.secretKeyRef.name`, 'Secret', ns, secret.name);
        });
        (c.envFrom ?? []).forEach((e: any, j: number) => {
          if (e.configMapRef && !e.configMapRef.optional) need(m, `${at}.envFrom[${j}].configMapRef.name`, 'ConfigMap', ns, e.configMapRef.name);
          if (e.secretRef && !e.secretRef.optional) need(m, `${at}.envFrom[${j}].secretRef.name`, 'Secret', ns, e.secretRef.name);
        });
      });
    }
  }
  for (const m of manifests.filter((x) => x.kind === 'Provider'))
    need(m, 'spec.secretRef.name', 'Secret', m.namespace, m.object.spec?.secretRef?.name);
  for (const m of manifests.filter((x) => x.kind === 'HelmRelease')) {
    const ref = m.object.spec?.chart?.spec?.sourceRef;
    if (ref) need(m, 'spec.chart.spec.sourceRef.name', ref.kind, ref.namespace ?? m.namespace, ref.name);
  }
  return errors;
}
