import { Peer } from '../security/network-graph';

/** An ingress controller running in the cluster: its class and where its pods live. */
export class IngressController {
  /** ingress-nginx, installed in its own namespace. */
  static nginx(): IngressController {
    return new IngressController('nginx', 'ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' });
  }
  /** Traefik as k3s ships it, in kube-system. */
  static traefik(): IngressController {
    return new IngressController('traefik', 'kube-system', { 'app.kubernetes.io/name': 'traefik' });
  }
  private constructor(
    readonly className: string,
    readonly namespace: string,
    readonly podLabels: Readonly<Record<string, string>>,
  ) {}

  get peer(): Peer {
    return Peer.external(this.namespace, this.podLabels, `ingress-${this.className}`);
  }
}
