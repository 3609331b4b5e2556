import { AddonNeed } from '../core/addon-needs';
import { Site } from '../core/errors';
import { Peer } from '../security/network-graph';

/**
 * The ingress controller of a cluster, a platform input: its IngressClass, the add-on that runs
 * it (installed by the build or provided by the cluster), and where ingress traffic comes from,
 * which the ACME HTTP-01 solver and the NetworkPolicies admitting ingress traffic follow.
 */
export class IngressController {
  /** ingress-nginx, installed by the build into its own namespace. */
  static nginx(): IngressController {
    return new IngressController(
      'nginx',
      { addon: 'ingress-nginx' },
      Peer.external('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }, 'ingress-nginx'),
    );
  }
  /** Traefik as k3s ships it, in kube-system: provided by the cluster. */
  static traefik(): IngressController {
    return new IngressController(
      'traefik',
      { addon: 'traefik' },
      Peer.external('kube-system', { 'app.kubernetes.io/name': 'traefik' }, 'ingress-traefik'),
    );
  }
  /** Istio's ingress gateway (`istio-ingressgateway` in istio-system), serving the IngressClass `istio`; installed with Istio. */
  static istio(): IngressController {
    return new IngressController('istio', { addon: 'istio' }, Peer.external('istio-system', { istio: 'ingressgateway' }, 'ingress-istio'));
  }
  /**
   * AKS's Application Gateway Ingress Controller, provided by the cluster (the AKS add-on). The
   * gateway sends traffic straight to pod IPs from its own subnet, so that subnet is what the
   * NetworkPolicies admit.
   */
  static azureApplicationGateway(subnetCidr: string): IngressController {
    if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(subnetCidr)) {
      new Site('IngressController.azureApplicationGateway')
        .at('subnetCidr')
        .fail(subnetCidr, 'must be an IPv4 CIDR', 'give the Application Gateway subnet, e.g. "10.225.0.0/16"');
    }
    return new IngressController('azure-application-gateway', { addon: 'azure-application-gateway' }, Peer.cidr(subnetCidr, 'application-gateway'));
  }
  private constructor(
    readonly className: string,
    /** The add-on that runs the controller. */
    readonly addon: AddonNeed,
    /** Where ingress traffic (and the ACME HTTP-01 challenge) comes from. */
    readonly peer: Peer,
  ) {}
}
