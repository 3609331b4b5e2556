import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition } from './addon-definition';
import { DriftIgnore, webhookCaBundles } from './helm-release';

const ISTIO_CHARTS = { name: 'istio', url: 'https://istio-release.storage.googleapis.com/charts' };
/** Istio 1.24: the last line that supports Kubernetes 1.28. */
const ISTIO_VERSION = '1.24.6';

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
  summary: `Istio ${ISTIO_VERSION}: base, istiod and gateway istio-ingressgateway (charts base, istiod, gateway), namespace istio-system (baseline: the gateway sets an unprivileged-port sysctl and no seccomp profile)`,
  kinds: [
    'networking.istio.io/Gateway',
    'networking.istio.io/VirtualService',
    'networking.istio.io/DestinationRule',
    'security.istio.io/PeerAuthentication',
    'security.istio.io/AuthorizationPolicy',
  ],
  install(installer) {
    installer.namespace('istio-system', PodSecurityLevel.BASELINE, 'Istio');
    const chart = (name: string) => ({ repository: ISTIO_CHARTS, chart: name, version: ISTIO_VERSION });
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
