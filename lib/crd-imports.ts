/**
 * The generated cdk8s classes of the upstream CRDs the constructs use (`npm run import`, from the
 * `imports:` list of cdk8s.yaml), one namespace per import, named like its cdk8s.yaml prefix:
 * `imports.istio.VirtualServiceV1Beta1`. Namespaces keep their many generated names (`toJson_*`,
 * `KustomizationSpec*`) apart from each other and from the library's own names.
 *
 * @module imports
 */
export * as clusterissuer from './imports/clusterissuer-cert-manager.io';
export * as gitrepository from './imports/gitrepository-source.toolkit.fluxcd.io';
export * as istio from './imports/istio-networking.istio.io';
export * as kustomization from './imports/kustomization-kustomize.toolkit.fluxcd.io';
export * as prometheusrule from './imports/prometheusrule-monitoring.coreos.com';
export * as secretproviderclass from './imports/secretproviderclass-secrets-store.csi.x-k8s.io';
export * as servicemonitor from './imports/servicemonitor-monitoring.coreos.com';
export * as volumesnapshot from './imports/volumesnapshot-snapshot.storage.k8s.io';
export * as volumesnapshotclass from './imports/volumesnapshotclass-snapshot.storage.k8s.io';
export * as helmrelease from './imports/helmrelease-helm.toolkit.fluxcd.io';
export * as helmrepository from './imports/helmrepository-source.toolkit.fluxcd.io';
export * as provider from './imports/provider-notification.toolkit.fluxcd.io';
export * as alert from './imports/alert-notification.toolkit.fluxcd.io';
