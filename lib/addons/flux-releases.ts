import { KubernetesVersions } from '../core/kubernetes-version';

/** One minor release of Flux and the Kubernetes versions it serves. */
export interface FluxRelease {
  /** "2.4". */
  readonly version: string;
  readonly kubernetes: KubernetesVersions;
}

/**
 * The Flux releases a build may ask for, oldest first. Each serves Kubernetes from the minimum its
 * `flux check --pre` enforces (fluxcd/flux2 cmd/flux/check.go, kubernetesConstraints, at the
 * release's tag) to the newest minor its conformance tests ran on (.github/workflows/conformance.yaml,
 * KUBERNETES_VERSION, at the tag): 2.3 (v2.3.0, 2024-05-13) 1.28-1.30; 2.4 (v2.4.0) 1.28-1.31,
 * the last for 1.28; 2.5 (v2.5.0) 1.30-1.32; 2.6 (v2.6.0) 1.31-1.33; 2.7 (v2.7.0) 1.32-1.34;
 * 2.8 (v2.8.0) 1.33-1.35; 2.9 (v2.9.0, 2026-06-30) 1.33-1.36. 2.9 is the newest recorded: its
 * CRDs are those in ../shared/crds, which the build is validated against. The table starts at 2.3,
 * the first release serving helm.toolkit.fluxcd.io/v2 and source.toolkit.fluxcd.io/v1 HelmRepository.
 */
export const FLUX_RELEASES: readonly FluxRelease[] = [
  { version: '2.3', kubernetes: KubernetesVersions.between('1.28', '1.30') },
  { version: '2.4', kubernetes: KubernetesVersions.between('1.28', '1.31') },
  { version: '2.5', kubernetes: KubernetesVersions.between('1.30', '1.32') },
  { version: '2.6', kubernetes: KubernetesVersions.between('1.31', '1.33') },
  { version: '2.7', kubernetes: KubernetesVersions.between('1.32', '1.34') },
  { version: '2.8', kubernetes: KubernetesVersions.between('1.33', '1.35') },
  { version: '2.9', kubernetes: KubernetesVersions.between('1.33', '1.36') },
];

/**
 * The Flux APIs a build may write, by `<group>/<version>/<kind>`, with the first recorded release
 * serving each. Found in the CRDs of the controllers each Flux release pins
 * (manifests/bases/<controller>/kustomization.yaml of fluxcd/flux2 at the tag; the controller's
 * config/crd/bases at that version): every one below is served from its first release to 2.9.
 */
export const FLUX_APIS: Readonly<Record<string, string>> = {
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': '2.3',
  'helm.toolkit.fluxcd.io/v2/HelmRelease': '2.3',
  'source.toolkit.fluxcd.io/v1/HelmRepository': '2.3',
  'source.toolkit.fluxcd.io/v1/GitRepository': '2.3',
  'source.toolkit.fluxcd.io/v1/OCIRepository': '2.6',
  'notification.toolkit.fluxcd.io/v1beta3/Provider': '2.3',
  'notification.toolkit.fluxcd.io/v1beta3/Alert': '2.3',
};

/**
 * Fields of those APIs a later release added, with the first release that has each (from the same
 * CRDs, compared release by release; no field of them was removed up to 2.9). A field below one of
 * these is as new as it.
 */
export const FLUX_FIELDS: readonly { readonly api: string; readonly field: string; readonly since: string }[] = [
  ...fields('source.toolkit.fluxcd.io/v1/GitRepository', { 'spec.provider': '2.4', 'spec.sparseCheckout': '2.6', 'spec.serviceAccountName': '2.7' }),
  ...fields('helm.toolkit.fluxcd.io/v2/HelmRelease', {
    'spec.install.disableSchemaValidation': '2.4',
    'spec.upgrade.disableSchemaValidation': '2.4',
    'spec.install.disableTakeOwnership': '2.5',
    'spec.upgrade.disableTakeOwnership': '2.5',
    'spec.commonMetadata': '2.7',
    'spec.dependsOn[].readyExpr': '2.7',
    'spec.install.strategy': '2.7',
    'spec.upgrade.strategy': '2.7',
    'spec.kubeConfig.configMapRef': '2.7',
    'spec.healthCheckExprs': '2.8',
    'spec.install.serverSideApply': '2.8',
    'spec.rollback.serverSideApply': '2.8',
    'spec.upgrade.serverSideApply': '2.8',
    'spec.waitStrategy': '2.8',
    'spec.postRenderStrategy': '2.9',
    'spec.upgrade.chartNameChangeStrategy': '2.9',
    'spec.valuesFrom[].literal': '2.9',
  }),
  ...fields('kustomize.toolkit.fluxcd.io/v1/Kustomization', {
    'spec.deletionPolicy': '2.5',
    'spec.healthCheckExprs': '2.5',
    'spec.decryption.serviceAccountName': '2.6',
    'spec.dependsOn[].readyExpr': '2.7',
    'spec.ignoreMissingComponents': '2.7',
    'spec.kubeConfig.configMapRef': '2.7',
    'spec.buildMetadata': '2.9',
    'spec.ignore': '2.9',
    'spec.postBuild.substituteStrategy': '2.9',
  }),
  ...fields('source.toolkit.fluxcd.io/v1/OCIRepository', { 'spec.verify.trustedRootSecretRef': '2.9' }),
  ...fields('notification.toolkit.fluxcd.io/v1beta3/Provider', {
    'spec.commitStatusExpr': '2.6',
    'spec.serviceAccountName': '2.6',
    'spec.proxySecretRef': '2.7',
  }),
];

function fields(api: string, since: Record<string, string>) {
  return Object.entries(since).map(([field, version]) => ({ api, field, since: version }));
}

/** Orders "2.4" before "2.10". */
export function compareFluxVersions(a: string, b: string): number {
  return Number(a.split('.')[1]) - Number(b.split('.')[1]);
}
