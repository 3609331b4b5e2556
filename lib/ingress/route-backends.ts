import { Site } from '../core/errors';
import { NetworkGraph, Peer } from '../security/network-graph';
import { ServiceTarget } from '../workloads/service-target';

/** A route's destination as an ingress object writes it: Service name and port number. */
export interface ResolvedBackend {
  readonly serviceName: string;
  readonly port: number;
}

/**
 * The backends of one routing object (Ingress, VirtualService). Each route's backend is checked
 * to be in the object's namespace (routes do not cross namespaces) and its port looked up by
 * name. The route names the Service port; `openFrom` lets the ingress pods reach every backend
 * on the container ports those Service ports send to, since a NetworkPolicy sees the traffic
 * after the Service has translated it.
 */
export class RouteBackends {
  private readonly routed: { backend: ServiceTarget; port: number }[] = [];

  /** `kind` names the routing object in errors ("Ingress", "VirtualService"). */
  constructor(
    private readonly kind: string,
    private readonly namespace: string,
  ) {}

  /** The destination of a route to `backend`'s port `portName`; `site` is the route's backend field. */
  resolve(site: Site, backend: ServiceTarget, portName: string): ResolvedBackend {
    if (backend.namespace !== this.namespace) {
      site.fail(
        `${backend.namespace}/${backend.serviceName}`,
        `is not in the ${this.kind} namespace "${this.namespace}"`,
        `routes only reach Services of their own namespace: move the ${this.kind} or the backend`,
      );
    }
    const port = backend.servicePort(portName);
    this.routed.push({ backend, port: backend.targetPort(portName) });
    return { serviceName: backend.serviceName, port };
  }

  /** Opens `from` (the ingress or gateway pods) to every backend resolved so far. */
  openFrom(from: Peer, network: NetworkGraph): void {
    network.allowToBackends(from, this.routed);
  }
}
