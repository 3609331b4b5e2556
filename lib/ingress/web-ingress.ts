import { checkListOfObjects } from '../core/shapes';
import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { NetworkGraph, Peer } from '../security/network-graph';
import { ServiceTarget } from '../workloads/service-target';
import { AcmeClusterIssuer, HTTP01_SOLVER } from './acme-issuer';
import { IngressController } from './ingress-controller';
import { RouteBackends } from './route-backends';
import { needAddon } from '../core/addon-needs';
import { CheckedConstruct } from '../core/app-checks';

export interface IngressRoute {
  /** URL path prefix, e.g. "/api". */
  readonly path: string;
  readonly backend: ServiceTarget;
  /** Name of the backend's Service port. */
  readonly port: string;
}

export interface WebIngressProps {
  readonly name: string;
  readonly namespace: string;
  readonly host: string;
  readonly controller: IngressController;
  /** Routes; the longest matching prefix wins. */
  readonly routes: readonly IngressRoute[];
  /** TLS certificate from this issuer, stored in `tlsSecretName`. @default no TLS */
  readonly tls?: { readonly issuer: AcmeClusterIssuer; readonly secretName: string };
  /** The graph the controller's access to each backend (and ACME solver) is added to. */
  readonly network: NetworkGraph;
}

/**
 * An Ingress for one host. It also opens the network path from the ingress controller to each
 * backend (and to cert-manager's HTTP-01 solver when TLS comes from an ACME issuer), so routing
 * and NetworkPolicies cannot drift apart.
 */
export class WebIngress extends CheckedConstruct {
  constructor(scope: Construct, id: string, props: WebIngressProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    const name = checkDnsSubdomain(site.at('name'), props.name);
    const namespace = checkDnsLabel(site.at('namespace'), props.namespace);
    // A wildcard host ("*.example.com") is valid in an Ingress rule: the label after "*." must be a name.
    const wildcard = typeof props.host === 'string' && props.host.startsWith('*.');
    checkDnsSubdomain(site.at(wildcard ? 'host (after "*.")' : 'host'), wildcard ? props.host.slice(2) : props.host);
    checkListOfObjects(site.at('routes'), props.routes);
    if (props.routes.length === 0) site.at('routes').fail([], 'must list at least one route', 'route "/" to the front-end service');

    const backends = new RouteBackends('Ingress', namespace);
    const paths = props.routes.map((route, i) => {
      const routeSite = site.at('routes').at(i);
      if (!route.path.startsWith('/')) routeSite.at('path').fail(route.path, 'must start with "/"', `write "/${route.path}"`);
      const destination = backends.resolve(routeSite.at('backend'), route.backend, route.port);
      return { path: route.path, pathType: 'Prefix', backend: { service: { name: destination.serviceName, port: { number: destination.port } } } };
    });

    needAddon(this, props.controller.addon);
    new k8s.KubeIngress(this, 'ingress', {
      metadata: {
        name,
        namespace,
        annotations: props.tls ? { 'cert-manager.io/cluster-issuer': props.tls.issuer.name } : undefined,
      },
      spec: {
        ingressClassName: props.controller.className,
        tls: props.tls ? [{ hosts: [props.host], secretName: props.tls.secretName }] : undefined,
        rules: [{ host: props.host, http: { paths } }],
      },
    });

    backends.openFrom(props.controller.peer, props.network);
    if (props.tls) {
      const solver = { name: 'acme-http01-solver', namespace, selector: HTTP01_SOLVER.podLabels };
      props.network.allow(props.controller.peer, Peer.runtimePods(solver, 'cert-manager (HTTP-01 solver, during certificate issuance)'), [
        HTTP01_SOLVER.port,
      ]);
    }
  }
}
