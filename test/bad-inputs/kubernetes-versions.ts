import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterContract } from '../../lib/addons/cluster-contract';
import { needAddon } from '../../lib/core/addon-needs';
import { KubernetesVersions } from '../../lib/core/kubernetes-version';
import { Platform } from '../../lib/flux/platform';
import { SecureNamespace } from '../../lib/security/namespace';
import { rawPodSpec } from '../helpers';
import { Case, Context } from './fixtures';

/** A second platform `cluster` on the case's pools, its cluster at `contract`, with the restricted namespace `apps`. */
function platformAt(ctx: Context, contract: ClusterContract): Platform {
  const platform = new Platform(ctx.app, { name: 'cluster', pools: ctx.pools, cluster: contract });
  new SecureNamespace(platform.infrastructure, 'namespace', { name: 'apps' });
  return platform;
}

/** A construct of `platform`'s apps that needs an add-on, as an Ingress needs its controller. */
function needing(platform: Platform, need: Parameters<typeof needAddon>[1]): void {
  needAddon(new Construct(platform.apps, 'consumer'), need);
}

/** Refused inputs: a platform's Kubernetes versions, and the add-on charts and Flux that must support them. */
export const kubernetesVersions: Case[] = [
  [
    'Kubernetes version written with its patch and distribution',
    () => KubernetesVersions.of('1.34.4+k3s1'),
    'KubernetesVersions: version must be a Kubernetes minor version such as "1.34" (got "1.34.4+k3s1"); fix: give the minor version only: k3s v1.34.4+k3s1 and EKS 1.34.2 are both "1.34"',
  ],
  [
    'Kubernetes range that ends before it starts',
    () => KubernetesVersions.between('1.36', '1.34'),
    'KubernetesVersions: newest must not come before oldest 1.36 (got "1.34"); fix: write the oldest version first: KubernetesVersions.between("1.34", "1.36")',
  ],
  [
    'platform on a Kubernetes version the package has no schemas for',
    (ctx) => platformAt(ctx, { kubernetes: KubernetesVersions.of('1.37') }),
    'cluster: cluster.kubernetes names Kubernetes 1.37, which the package has no API schemas for (it has 1.28-1.36), so no object could be validated there (got "1.37"); fix: use versions from 1.28 to 1.36; for a newer one, add its schemas to ../shared/schemas and run npm run import',
  ],
  [
    "API removed before the platform's version (coordination.k8s.io/v1alpha1, removed in 1.32)",
    (ctx) =>
      new ApiObject(platformAt(ctx, { kubernetes: KubernetesVersions.of('1.34') }).apps, 'lease', {
        apiVersion: 'coordination.k8s.io/v1alpha1',
        kind: 'LeaseCandidate',
        metadata: { name: 'leader', namespace: 'apps' },
        spec: { leaseName: 'leader', strategy: 'OldestEmulationVersion' },
      }),
    'cluster/apps/lease: apiVersion is not served by Kubernetes 1.34: coordination.k8s.io/v1alpha1 LeaseCandidate was removed in 1.32 (got "coordination.k8s.io/v1alpha1"); fix: use apiVersion coordination.k8s.io/v1beta1',
  ],
  [
    "API not served yet at the platform's version (coordination.k8s.io/v1beta1, from 1.33)",
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'lease', {
        apiVersion: 'coordination.k8s.io/v1beta1',
        kind: 'LeaseCandidate',
        metadata: { name: 'leader', namespace: 'apps' },
        spec: { leaseName: 'leader', strategy: 'OldestEmulationVersion' },
      }),
    'test/apps/lease: apiVersion is not served by Kubernetes 1.28: coordination.k8s.io/v1beta1 LeaseCandidate is served from 1.33 (got "coordination.k8s.io/v1beta1"); fix: run the platform on Kubernetes 1.33 or later (its cluster.kubernetes), or write the object with an apiVersion its versions serve',
  ],
  [
    'field of the newest version of a range on its oldest (hostnameOverride, 1.34, on 1.33-1.34)',
    (ctx) => {
      const platform = platformAt(ctx, { kubernetes: KubernetesVersions.between('1.33', '1.34') });
      new ApiObject(platform.apps, 'raw', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'raw', namespace: 'apps' },
        spec: {
          selector: { matchLabels: { app: 'raw' } },
          template: { metadata: { labels: { app: 'raw' } }, spec: { ...rawPodSpec(), hostnameOverride: 'raw' } },
        },
      });
    },
    'cluster/apps/raw: spec.template.spec.hostnameOverride is not a field of apps/v1 Deployment (schema: k8s-1.33) (got "raw"); fix: remove it, or correct its name',
  ],
  [
    "add-on whose charts do not support the platform's version (ingress-nginx on 1.36)",
    (ctx) => needing(platformAt(ctx, { kubernetes: KubernetesVersions.of('1.36') }), { addon: 'ingress-nginx' }),
    'cluster: cluster.kubernetes is supported by no recorded release of ingress-nginx, which cluster/apps/consumer needs (got "1.36"); fix: run the platform on Kubernetes versions one release supports: 4.12.8 (1.28-1.32), 4.13.9 (1.29-1.33), 4.14.5 (1.30-1.34), 4.15.1 (1.31-1.35); or record a release that supports 1.36 in lib/addons/ingress-nginx.ts',
  ],
  [
    'add-on no one release of which supports the whole range (cluster-autoscaler on 1.34-1.35)',
    (ctx) => needing(platformAt(ctx, { kubernetes: KubernetesVersions.between('1.34', '1.35') }), { addon: 'cluster-autoscaler', extraArgs: {} }),
    'cluster: cluster.kubernetes is supported by no recorded release of cluster-autoscaler, which cluster/apps/consumer needs (got "1.34-1.35"); fix: run the platform on Kubernetes versions one release supports: 9.34.0 (1.28), 9.36.0 (1.29), 9.37.0 (1.30), 9.44.0 (1.31), 9.46.6 (1.32), 9.50.1 (1.33), 9.53.0 (1.34), 9.59.0 (1.35); or record a release that supports 1.34-1.35 in lib/addons/cluster-autoscaler.ts',
  ],
  [
    'Kubernetes range no Flux release serves (1.28-1.33)',
    (ctx) => platformAt(ctx, { kubernetes: KubernetesVersions.between('1.28', '1.33') }),
    'cluster: cluster.kubernetes is served by no single Flux release, so no Flux can reconcile the build on all of them (got "1.28-1.33"); fix: choose versions one release serves: 2.3 (1.28-1.30), 2.4 (1.28-1.31), 2.5 (1.30-1.32), 2.6 (1.31-1.33), 2.7 (1.32-1.34), 2.8 (1.33-1.35), 2.9 (1.33-1.36)',
  ],
  [
    'Flux field newer than any Flux for the platform (Kustomization deletionPolicy, Flux 2.5, on 1.28)',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'sync', {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'sync', namespace: 'apps' },
        spec: { interval: '10m', path: './deploy', prune: true, deletionPolicy: 'Delete', sourceRef: { kind: 'GitRepository', name: 'flux-system' } },
      }),
    'test/apps/sync: spec.deletionPolicy needs Flux 2.5 or later, and none of those serves Kubernetes 1.28 (Flux 2.3-2.4 does) (got "Delete"); fix: remove the field, or run the platform on Kubernetes versions a release from 2.5 serves: 2.5 (1.30-1.32), 2.6 (1.31-1.33), 2.7 (1.32-1.34), 2.8 (1.33-1.35), 2.9 (1.33-1.36)',
  ],
  [
    'Flux API no recorded release serves (OCIRepository v1beta2)',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'charts', {
        apiVersion: 'source.toolkit.fluxcd.io/v1beta2',
        kind: 'OCIRepository',
        metadata: { name: 'charts', namespace: 'apps' },
        spec: { interval: '12h', url: 'oci://registry.example.com/charts' },
      }),
    'test/apps/charts: apiVersion is a Flux API (OCIRepository) no recorded Flux release is known to serve, so no Flux version can be stated for the build (got "source.toolkit.fluxcd.io/v1beta2"); fix: use one of kustomize.toolkit.fluxcd.io/v1/Kustomization, helm.toolkit.fluxcd.io/v2/HelmRelease, source.toolkit.fluxcd.io/v1/HelmRepository, source.toolkit.fluxcd.io/v1/GitRepository, source.toolkit.fluxcd.io/v1/OCIRepository, notification.toolkit.fluxcd.io/v1beta3/Provider, notification.toolkit.fluxcd.io/v1beta3/Alert; or record the releases that serve it in lib/addons/flux-releases.ts',
  ],
];
