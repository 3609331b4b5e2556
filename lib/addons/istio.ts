import { KubernetesVersions } from '../core/kubernetes-version';
import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition } from './addon-definition';
import { ChartRelease } from './chart-release';
import { DriftIgnore, webhookCaBundles } from './helm-release';

const ISTIO_CHARTS = { name: 'istio', url: 'https://istio-release.storage.googleapis.com/charts' };

/**
 * The Istio releases the build may install (its three charts at one version): the last patch of a
 * line, with the Kubernetes versions its announcement says it is officially supported on
 * (istio/istio.io content/en/news/releases/1.NN.x/announcing-1.NN/index.md: 1.24 "1.28 to 1.31",
 * 1.27 "1.29 to 1.33", 1.28 "1.29 to 1.34", 1.29 "1.31 to 1.35", 1.30 "1.32 to 1.36"); patch
 * versions from the tags of istio/api. 1.24 is the last line for Kubernetes 1.28. The values below
 * are flat since 1.24 (manifests/charts/istio-control/istio-discovery/values.yaml).
 */
export const ISTIO_RELEASES: readonly ChartRelease[] = [
  { version: '1.24.6', kubernetes: KubernetesVersions.between('1.28', '1.31') },
  { version: '1.27.9', kubernetes: KubernetesVersions.between('1.29', '1.33') },
  { version: '1.28.10', kubernetes: KubernetesVersions.between('1.29', '1.34') },
  { version: '1.29.6', kubernetes: KubernetesVersions.between('1.31', '1.35') },
  { version: '1.30.3', kubernetes: KubernetesVersions.between('1.32', '1.36') },
];

/** Values of the Istio `base` chart: the CRDs are its templates. */
export interface IstioBaseValues {
  readonly defaultRevision: string;
}
/** Values of `istiod` the build sets (flat since 1.24). */
export interface IstiodValues {
  readonly seccompProfile: { readonly type: 'RuntimeDefault' };
}
/** Values of the `gateway` chart: a LoadBalancer Service in front of the gateway pods. */
export interface IstioGatewayValues {
  readonly service: { readonly type: 'LoadBalancer' | 'NodePort' | 'ClusterIP' };
}

/**
 * What istiod rewrites in the objects of the base and istiod charts. Its validation controller
 * sets the CA bundle and the failurePolicy of every webhook of the validating configurations,
 * Ignore until its webhook answers and Fail after (istio/istio
 * pkg/webhooks/validation/controller/controller.go, updateValidatingWebhookConfiguration); its
 * webhook patcher writes the CA bundle into the sidecar injector's four webhooks
 * (pkg/webhooks/webhookpatch.go; manifests/charts/istio-control/istio-discovery
 * templates/mutatingwebhook.yaml).
 */
const ISTIO_VALIDATORS: DriftIgnore = {
  kind: 'ValidatingWebhookConfiguration',
  paths: ['/webhooks/0/clientConfig/caBundle', '/webhooks/0/failurePolicy'],
};
const ISTIO_INJECTOR: DriftIgnore = { kind: 'MutatingWebhookConfiguration', paths: webhookCaBundles(4) };

/**
 * Istio base (CRDs), istiod, and the ingress gateway released as `istio-ingressgateway` in
 * istio-system, so its pods carry `istio: ingressgateway` (what IstioIngressGateway.default() selects).
 */
export const istio: AddonDefinition = {
  name: 'istio',
  summary:
    'Istio: base, istiod and gateway istio-ingressgateway, namespace istio-system (baseline: the gateway sets an unprivileged-port sysctl and no seccomp profile)',
  chart: 'base, istiod and gateway',
  releases: ISTIO_RELEASES,
  kinds: [
    'networking.istio.io/Gateway',
    'networking.istio.io/VirtualService',
    'networking.istio.io/DestinationRule',
    'security.istio.io/PeerAuthentication',
    'security.istio.io/AuthorizationPolicy',
  ],
  install(installer, _need, _inputs, release) {
    installer.namespace('istio-system', PodSecurityLevel.BASELINE, 'Istio');
    const chart = (name: string) => ({ repository: ISTIO_CHARTS, chart: name, version: release.version });
    installer.release<IstioBaseValues>({
      name: 'istio-base',
      namespace: 'istio-system',
      chart: chart('base'),
      values: { defaultRevision: 'default' },
      driftIgnore: [ISTIO_VALIDATORS],
    });
    installer.release<IstiodValues>({
      name: 'istiod',
      namespace: 'istio-system',
      chart: chart('istiod'),
      values: { seccompProfile: { type: 'RuntimeDefault' } },
      dependsOn: ['istio-base'],
      driftIgnore: [ISTIO_VALIDATORS, ISTIO_INJECTOR],
    });
    // The gateway pods run the proxy istiod injects and configures.
    installer.release<IstioGatewayValues>({
      name: 'istio-ingressgateway',
      namespace: 'istio-system',
      chart: chart('gateway'),
      values: { service: { type: 'LoadBalancer' } },
      dependsOn: ['istiod'],
    });
  },
};
