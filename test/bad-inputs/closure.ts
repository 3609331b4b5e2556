import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { LoadBalancerImplementation } from '../../lib/addons/load-balancer-implementation';
import { Platform } from '../../lib/flux/platform';
import { SecureNamespace } from '../../lib/security/namespace';
import { AcmeClusterIssuer } from '../../lib/ingress/acme-issuer';
import { IngressController } from '../../lib/ingress/ingress-controller';
import { GpuTimeSlicingConfig } from '../../lib/placement/gpu-sharing';
import { StorageClass } from '../../lib/storage/storage-class';
import { CloudLoadBalancer } from '../../lib/workloads/load-balancer';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { WebService } from '../../lib/workloads/web-service';
import { gimpStreamingPools } from '../../platforms/gimp-streaming/pools';
import { rawPodSpec, testPools } from '../helpers';
import { Case, PROBED, rawDeployment, web } from './fixtures';

/** Refused inputs: add-ons and the closure: every kind, namespace and reference is made by the build, its add-ons or the declared cluster. */
export const closure: Case[] = [
  [
    'custom resource whose kind nothing defines',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'route', {
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'IngressRoute',
        metadata: { name: 'web', namespace: 'apps' },
      }),
    'test/apps/route: kind is defined by no CRD of the build, no add-on it installs, and no add-on the cluster is declared to provide (got "traefik.io/v1alpha1 IngressRoute"); fix: declare the add-on that defines it where the construct is made (needAddon), put its CRD in the crds layer, or declare the add-on in the platform\'s cluster.provided with a reason',
  ],
  [
    'object in a namespace nothing creates',
    (ctx) => new ApiObject(ctx.platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'ghost' } }),
    'test/apps/cm: metadata.namespace is created by nothing: no Namespace of the build, and not one Kubernetes or Flux makes (got "ghost"); fix: create the namespace in the build (SecureNamespace in the infrastructure layer), or declare it in cluster.prerequisites with who creates it',
  ],
  [
    'RoleBinding to a Role the build does not make',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'binding', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'reader', namespace: 'apps' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'apps' }],
      }),
    'test/apps/binding: roleRef.name names a Role in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "reader"); fix: create the Role in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'pod that reads a ConfigMap nothing creates',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ envFrom: [{ configMapRef: { name: 'settings' } }] })),
    'test/apps/raw: spec.template.spec.containers[0].envFrom[0].configMapRef.name names a ConfigMap in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "settings"); fix: create the ConfigMap in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'pod that mounts a Secret nothing creates',
    (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), volumes: [{ name: 'tls', secret: { secretName: 'tls' } }] }),
    'test/apps/raw: spec.template.spec.volumes[0].secret.secretName names a Secret in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "tls"); fix: create the Secret in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'pod that mounts a secret store the build does not make',
    (ctx) =>
      rawDeployment(
        ctx,
        {},
        {
          ...rawPodSpec(),
          volumes: [
            { name: 'vault', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'vault' } } },
          ],
        },
      ),
    'test/apps/raw: spec.template.spec.volumes[0].csi.volumeAttributes.secretProviderClass names a SecretProviderClass in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "vault"); fix: create the SecretProviderClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'pod that mounts a claim nothing creates',
    (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }),
    'test/apps/raw: spec.template.spec.volumes[0].persistentVolumeClaim.claimName names a PersistentVolumeClaim in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "data"); fix: create the PersistentVolumeClaim in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'pod with a PriorityClass nothing creates',
    (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), priorityClassName: 'interactive' }),
    'test/apps/raw: spec.template.spec.priorityClassName names a PriorityClass that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "interactive"); fix: create the PriorityClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'pod with a RuntimeClass nothing creates',
    (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), runtimeClassName: 'nvidia' }),
    'test/apps/raw: spec.template.spec.runtimeClassName names a RuntimeClass that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "nvidia"); fix: create the RuntimeClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'claim of a StorageClass nothing creates',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'claim', {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data', namespace: 'apps' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } },
      }),
    'test/apps/claim: spec.storageClassName names a StorageClass that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "fast"); fix: create the StorageClass in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'a serviceAccountName nothing creates',
    (ctx) => rawDeployment(ctx, {}, { ...rawPodSpec(), serviceAccountName: 'ghost' }),
    'test/apps/raw: spec.template.spec.serviceAccountName names a ServiceAccount in namespace apps that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "ghost"); fix: create the ServiceAccount in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'HelmRelease into a namespace nothing creates',
    (ctx) =>
      new ApiObject(ctx.platform.infrastructure, 'release', {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: 'cache', namespace: 'flux-system' },
        spec: {
          interval: '30m',
          targetNamespace: 'cache',
          chart: { spec: { chart: 'redis', version: '1.0.0', sourceRef: { kind: 'HelmRepository', name: 'charts' } } },
        },
      }),
    'test/infrastructure/release: spec.targetNamespace is created by nothing: no Namespace of the build, and not one Kubernetes or Flux makes (got "cache"); fix: create the namespace in the build (SecureNamespace in the infrastructure layer), or declare it in cluster.prerequisites with who creates it\ntest/infrastructure/release: spec.chart.spec.sourceRef.name names a HelmRepository in namespace flux-system that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "charts"); fix: create the HelmRepository in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
  ],
  [
    'cluster-provided add-on declared without a reason',
    (ctx) => new Platform(ctx.app, { name: 'edge', pools: ctx.pools, cluster: { provided: [{ addon: 'coredns', reason: 'k3s' }] } }),
    'edge: cluster.provided[0].reason must say why the cluster provides it (at least 10 characters) (got "k3s"); fix: e.g. "k3s ships Traefik in kube-system"',
  ],
  [
    'two constructs that need one add-on with different settings',
    (ctx) => {
      new GpuTimeSlicingConfig(ctx.platform.infrastructure, 'sharing', { pools: gimpStreamingPools.all });
      new GpuTimeSlicingConfig(ctx.platform.infrastructure, 'sharing-again', { name: 'gpu-sharing', pools: gimpStreamingPools.all });
    },
    'test/infrastructure/sharing-again: addon asks for gpu-operator with other settings than test/infrastructure/sharing ({"addon":"gpu-operator","configMap":"time-slicing-config","namespace":"gpu-operator"}); one cluster runs one gpu-operator (got {"addon":"gpu-operator","configMap":"gpu-sharing","namespace":"gpu-operator"}); fix: give both the same settings (namespace, names, flags)',
  ],
  [
    'ingress controller only a cluster provides, not declared provided',
    (ctx) =>
      new AcmeClusterIssuer(ctx.platform.infrastructure, 'issuer', {
        name: 'letsencrypt',
        email: 'ops@example.com',
        ingressController: IngressController.traefik(),
      }),
    'test/infrastructure/issuer: addon is an add-on only the cluster can provide (Traefik, shipped by k3s), and the platform does not declare it provided (got "traefik"); fix: declare it in the platform\'s cluster.provided with a reason, e.g. { addon: "traefik", reason: "..." }, or choose one the build installs',
  ],
  [
    'add-on installed without the cluster input it needs',
    (ctx) => StorageClass.awsEbsGp3(ctx.platform.infrastructure, 'gp3', { name: 'gp3' }),
    "test/controllers/addons: cluster.inputs.aws must be given: the build installs aws-ebs-csi-driver, which cannot run without it (got nothing); fix: give the cluster's AWS inputs: aws: { clusterName, region, ebsCsiRoleArn, autoscalerRoleArn }",
  ],
  [
    'NLB Service on a cluster that does not declare the AWS Load Balancer Controller',
    (ctx) => {
      const platform = new Platform(ctx.app, {
        name: 'aws',
        pools: testPools(),
        cluster: { loadBalancer: LoadBalancerImplementation.cloudController('AWS') },
      });
      new SecureNamespace(platform.infrastructure, 'namespace', { name: 'apps' });
      const service = {
        type: 'LoadBalancer',
        loadBalancer: CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 3600 }),
        clients: ServiceClients.anywhere(),
      } as const;
      new WebService(platform.apps, 'web', { ...web(ctx, { service }, PROBED), pool: platform.pools.get('general') });
    },
    'aws/apps/web: addon is an add-on only the cluster can provide (AWS Load Balancer Controller, set up with the EKS cluster (IAM role, VPC)), and the platform does not declare it provided (got "aws-load-balancer-controller"); fix: declare it in the platform\'s cluster.provided with a reason, e.g. { addon: "aws-load-balancer-controller", reason: "..." }, or choose one the build installs',
  ],
  [
    'an HPA on CPU where nothing serves the metrics API',
    (ctx) => {
      rawDeployment(ctx);
      new k8s.KubePodDisruptionBudget(ctx.platform.apps, 'pdb', {
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { minAvailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { app: 'raw' } } },
      });
      new k8s.KubeHorizontalPodAutoscalerV2(ctx.platform.apps, 'hpa', {
        metadata: { name: 'raw', namespace: 'apps' },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'raw' },
          minReplicas: 2,
          maxReplicas: 5,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
        },
      });
    },
    'test/apps/hpa: spec.metrics[0].type is read from the metrics.k8s.io API at run time, which no add-on the build installs serves and no add-on the cluster is declared to provide (got "Resource"); fix: install the add-on that serves it (HorizontalAutoscaler declares metrics-server), or declare the add-on in the platform\'s cluster.provided with a reason, e.g. { addon: "metrics-server", reason: "..." }',
  ],
];
