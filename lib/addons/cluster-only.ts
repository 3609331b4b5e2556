import { AddonDefinition } from './addon-definition';
import { ProvidedAddon } from './cluster-contract';

/** Traefik as k3s ships it (kube-system): the cluster provides it, with its IngressRoute kinds. */
export const k3sTraefik: AddonDefinition = {
  name: 'traefik',
  summary: 'Traefik, shipped by k3s',
  kinds: ['traefik.io/IngressRoute', 'traefik.io/Middleware', 'traefik.io/TLSOption'],
  objects: ['IngressClass/traefik'],
};

/** AKS's Application Gateway Ingress Controller, an AKS add-on: the cluster provides it. */
export const azureApplicationGateway: AddonDefinition = {
  name: 'azure-application-gateway',
  summary: 'Application Gateway Ingress Controller, the AKS add-on ingress-appgw',
  kinds: ['appgw.ingress.k8s.io/AzureIngressProhibitedTarget'],
  objects: ['IngressClass/azure-application-gateway'],
};

/**
 * The AWS Load Balancer Controller: it turns `aws-load-balancer-type: external` Services into
 * NLBs (the in-tree controller ignores them, so without it they stay pending). It needs an IAM
 * role and the VPC, set up with the cluster, so the cluster provides it (EKS Auto Mode includes it).
 */
export const awsLoadBalancerController: AddonDefinition = {
  name: 'aws-load-balancer-controller',
  summary: 'AWS Load Balancer Controller, set up with the EKS cluster (IAM role, VPC)',
  kinds: ['elbv2.k8s.aws/TargetGroupBinding', 'elbv2.k8s.aws/IngressClassParams'],
};

/** What every k3s server runs in kube-system out of the box; a k3s platform declares it as its cluster's provided add-ons. */
export const K3S_BUILT_INS: readonly ProvidedAddon[] = [
  { addon: 'traefik', reason: 'k3s ships Traefik in kube-system (its packaged Helm chart)' },
  { addon: 'coredns', reason: 'k3s ships CoreDNS in kube-system' },
  {
    addon: 'local-path-provisioner',
    reason: 'k3s ships the local-path provisioner and its default StorageClass local-path',
    objects: ['StorageClass/local-path'],
  },
  { addon: 'metrics-server', reason: 'k3s ships metrics-server, which HorizontalPodAutoscalers read' },
  { addon: 'servicelb', reason: 'k3s ships ServiceLB (klipper-lb): a LoadBalancer Service takes its ports on every node' },
];

/**
 * K3S_BUILT_INS without the ones the k3s servers are started without (`--disable=traefik`):
 * the closure then refuses what needs them, and their host ports stay free.
 */
export function k3sBuiltInsWithout(...disabled: readonly string[]): readonly ProvidedAddon[] {
  return K3S_BUILT_INS.filter((p) => !disabled.includes(p.addon));
}
