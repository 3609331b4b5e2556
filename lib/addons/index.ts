/**
 * Cluster add-ons as typed Flux HelmReleases: each add-on's chart, pinned version, typed values,
 * namespace and Pod Security level; the catalog of what each defines; the cluster contract
 * (what the cluster provides, with a reason); the install of what a build's constructs need; the
 * chart releases each add-on may install and the Kubernetes versions each supports; and the Flux
 * releases with the Kubernetes versions and Flux fields each serves.
 *
 * Public API of lib/addons: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './addon-definition';
export * from './aws-ebs-csi-driver';
export * from './catalog';
export * from './chart-release';
export * from './cert-manager';
export * from './cluster-autoscaler';
export * from './cluster-contract';
export * from './cluster-only';
export * from './flux-releases';
export * from './control-plane';
export * from './gpu-operator';
export * from './helm-release';
export * from './ingress-nginx';
export * from './install-addons';
export * from './istio';
export * from './load-balancer-implementation';
export * from './metrics-server';
export * from './prometheus-operator';
export * from './secrets-store-csi-azure';
export * from './snapshot-controller';
