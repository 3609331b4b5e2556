import { AddonDefinition } from './addon-definition';
import { awsEbsCsiDriver } from './aws-ebs-csi-driver';
import { certManager } from './cert-manager';
import { clusterAutoscaler } from './cluster-autoscaler';
import { awsLoadBalancerController, azureApplicationGateway, k3sTraefik } from './cluster-only';
import { gpuOperator } from './gpu-operator';
import { ingressNginx } from './ingress-nginx';
import { istio } from './istio';
import { metricsServer } from './metrics-server';
import { prometheusOperator } from './prometheus-operator';
import { secretsStoreCsiAzure } from './secrets-store-csi-azure';
import { snapshotController } from './snapshot-controller';

/**
 * Every add-on a construct can need, in install order (the snapshot controller before the EBS
 * driver, whose snapshotter sidecar needs the snapshot API).
 */
export const ADDONS: readonly AddonDefinition[] = [
  certManager,
  secretsStoreCsiAzure,
  ingressNginx,
  istio,
  prometheusOperator,
  snapshotController,
  awsEbsCsiDriver,
  gpuOperator,
  clusterAutoscaler,
  metricsServer,
  k3sTraefik,
  azureApplicationGateway,
  awsLoadBalancerController,
];

export function addonDefinition(name: string): AddonDefinition | undefined {
  return ADDONS.find((a) => a.name === name);
}

/**
 * Flux itself, installed by `flux bootstrap` (or `flux install`): its namespace and kinds are
 * there before the build is applied.
 */
export const FLUX_KINDS: readonly string[] = [
  'source.toolkit.fluxcd.io/GitRepository',
  'source.toolkit.fluxcd.io/HelmRepository',
  'source.toolkit.fluxcd.io/OCIRepository',
  'kustomize.toolkit.fluxcd.io/Kustomization',
  'helm.toolkit.fluxcd.io/HelmRelease',
  'notification.toolkit.fluxcd.io/Provider',
  'notification.toolkit.fluxcd.io/Alert',
];
