import { checkListOfObjects } from '../core/shapes';
import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import {
  GatewayV1Beta1,
  GatewayV1Beta1SpecServersTlsMode,
  VirtualServiceV1Beta1,
  VirtualServiceV1Beta1SpecHttp,
} from '../imports/istio-networking.istio.io';
import { checkDuration } from '../core/duration';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { NetworkGraph, Peer } from '../security/network-graph';
import { ServiceTarget } from '../workloads/service-target';
import { RouteBackends } from './route-backends';
import { needAddon } from '../core/addon-needs';
import { CheckedConstruct } from '../core/app-checks';

/** The Istio ingress gateway pods (installed with Istio, not by this project). */
export class IstioIngressGateway {
  /** The default `istio-ingressgateway` deployment in `istio-system`. */
  static default(): IstioIngressGateway {
    return new IstioIngressGateway('istio-system', { istio: 'ingressgateway' });
  }
  private constructor(
    readonly namespace: string,
    readonly podLabels: Readonly<Record<string, string>>,
  ) {}

  get peer(): Peer {
    return Peer.external(this.namespace, this.podLabels, 'istio-ingressgateway');
  }
}

export interface IstioHttpsGatewayProps {
  readonly name: string;
  readonly namespace: string;
  readonly ingressGateway: IstioIngressGateway;
  readonly hosts: readonly string[];
  /** TLS Secret for the hosts, in the ingress gateway's namespace (Istio reads it there). */
  readonly tlsSecret: string;
}

/** An Istio Gateway terminating HTTPS on 443 for some hosts (networking.istio.io/v1beta1). */
export class IstioHttpsGateway extends CheckedConstruct {
  readonly name: string;
  readonly hosts: readonly string[];
  readonly ingressGateway: IstioIngressGateway;

  constructor(scope: Construct, id: string, props: IstioHttpsGatewayProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    this.name = checkDnsLabel(site.at('name'), props.name);
    if (props.hosts.length === 0) site.at('hosts').fail([], 'must list at least one host', 'e.g. hosts: ["app.example.com"]');
    props.hosts.forEach((h, i) => checkDnsSubdomain(site.at('hosts').at(i), h));
    checkDnsSubdomain(site.at('tlsSecret'), props.tlsSecret);
    this.hosts = props.hosts;
    this.ingressGateway = props.ingressGateway;
    needAddon(this, { addon: 'istio' });
    new GatewayV1Beta1(this, 'gateway', {
      metadata: { name: this.name, namespace: checkDnsLabel(site.at('namespace'), props.namespace) },
      spec: {
        selector: { ...props.ingressGateway.podLabels },
        servers: [
          {
            port: { number: 443, name: 'https', protocol: 'HTTPS' },
            tls: { mode: GatewayV1Beta1SpecServersTlsMode.SIMPLE, credentialName: props.tlsSecret },
            hosts: [...props.hosts],
          },
        ],
      },
    });
  }
}

export interface IstioRoute {
  /** Match the path by prefix ("/session/") or by regular expression ("/streaming/.*"). */
  readonly match: { readonly prefix: string } | { readonly regex: string };
  /** Replace the matched prefix with this. @default no rewrite */
  readonly rewrite?: string;
  readonly backend: ServiceTarget;
  /** Service port name of the backend. */
  readonly port: string;
  /** Whole-request timeout, e.g. "30s"; long-lived streams need hours. */
  readonly timeout: string;
}

export interface IstioVirtualServiceProps {
  readonly name: string;
  readonly namespace: string;
  readonly gateway: IstioHttpsGateway;
  readonly routes: readonly IstioRoute[];
  /** The gateway pods -> backend paths are opened here. */
  readonly network: NetworkGraph;
}

/**
 * HTTP routes from a Gateway to workloads emitted here: the backends and their ports are
 * checked, and the gateway pods are allowed through the backends' default-deny policies.
 */
export class IstioVirtualService extends CheckedConstruct {
  constructor(scope: Construct, id: string, props: IstioVirtualServiceProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    const namespace = checkDnsLabel(site.at('namespace'), props.namespace);
    checkListOfObjects(site.at('routes'), props.routes);
    if (props.routes.length === 0) site.at('routes').fail([], 'must list at least one route', 'route a path to a workload');
    const backends = new RouteBackends('VirtualService', namespace);
    const http: VirtualServiceV1Beta1SpecHttp[] = props.routes.map((route, i) => {
      const at = site.at('routes').at(i);
      const destination = backends.resolve(at.at('backend'), route.backend, route.port);
      return {
        match: [{ uri: 'prefix' in route.match ? { prefix: route.match.prefix } : { regex: route.match.regex } }],
        rewrite: route.rewrite !== undefined ? { uri: route.rewrite } : undefined,
        route: [{ destination: { host: destination.serviceName, port: { number: destination.port } } }],
        timeout: checkDuration(at.at('timeout'), route.timeout),
      };
    });
    needAddon(this, { addon: 'istio' });
    new VirtualServiceV1Beta1(this, 'virtual-service', {
      metadata: { name: checkDnsLabel(site.at('name'), props.name), namespace },
      spec: { hosts: [...props.gateway.hosts], gateways: [props.gateway.name], http },
    });
    backends.openFrom(props.gateway.ingressGateway.peer, props.network);
  }
}
