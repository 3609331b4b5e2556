import { AddonDefinition } from './addon-definition';

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
