import { ApiObjectMetadata } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { needAddon } from '../core/addon-needs';
import { Site } from '../core/errors';
import { checkDnsLabel, checkPort, checkPortName } from '../core/names';
import { isIP } from 'node:net';
import { exposeService } from '../core/service-exposure';
import { CloudLoadBalancer } from './load-balancer';
import { ServiceClients } from './service-clients';
import { expandPortRanges, PortRange } from './port-range';
import { intOrString } from './probe';

/**
 * How a Service reaches its pods: `ClusterIP` (one virtual address), `Headless` (`clusterIP:
 * None`: DNS names each pod, what a StatefulSet's pods need for stable names), `NodePort`, or
 * `LoadBalancer` (reachable from outside the cluster).
 */
export type ServiceType = 'ClusterIP' | 'Headless' | 'NodePort' | 'LoadBalancer';

/** The range the API server assigns node ports from (kube-apiserver --service-node-port-range). */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

export interface ServicePort {
  /** Port name (IANA service name); routes and network rules refer to ports by it. */
  readonly name: string;
  readonly port: number;
  /** Container port name or number. @default the same name */
  readonly targetPort?: string | number;
  /** @default the target container port's protocol */
  readonly protocol?: 'TCP' | 'UDP';
  /** Only for NodePort and LoadBalancer Services, within 30000-32767. @default assigned by the cluster */
  readonly nodePort?: number;
}

export interface ServiceOptions {
  /** @default the workload's name; required for every Service after the first */
  readonly name?: string;
  /** @default "ClusterIP" for a Deployment, "Headless" for a StatefulSet */
  readonly type?: ServiceType;
  /** Ports and port ranges (written out one port each). @default one port per container port, same number and name */
  readonly ports?: readonly (ServicePort | PortRange)[];
  /** The cloud load balancer's settings (idle timeout, scheme); only with type "LoadBalancer". @default the cloud's defaults */
  readonly loadBalancer?: CloudLoadBalancer;
  /**
   * Who reaches a LoadBalancer or NodePort Service from outside the cluster; required for those
   * types. The policy in front of the pods admits them (and the address a load balancer that
   * rewrites the source gives them); a LoadBalancer lists them in loadBalancerSourceRanges; and
   * where only some may connect, externalTrafficPolicy Local keeps their address (kube-proxy
   * would otherwise replace it with a node's).
   */
  readonly clients?: ServiceClients;
  /**
   * The address a LoadBalancer asks for, e.g. "192.168.1.240" (MetalLB: metallb.io/loadBalancerIPs).
   * The cluster's LoadBalancer implementation must be able to give it. @default any
   */
  readonly address?: string;
  /** The MetalLB address pool a LoadBalancer's address comes from (metallb.io/address-pool). @default MetalLB's choice */
  readonly addressPool?: string;
}

/** A Service as the workload built it: the L1 object, its type and its resolved ports. */
export interface WorkloadService {
  readonly name: string;
  readonly type: ServiceType;
  readonly ports: readonly (Required<Pick<ServicePort, 'name' | 'port' | 'targetPort' | 'protocol'>> & { readonly containerPort: number })[];
  /** The emitted Service (escape hatch: annotations, exceptions). */
  readonly object: k8s.KubeService;
}

/** A container port as the pod spec declares it. */
export interface ContainerPortRef {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: string;
}

/**
 * The Services of a workload, each selecting its pods, ports mapped `port -> targetPort` by name.
 * `site` is the workload's; the first Service is at `service`, the others at `services[i]`.
 */
export function buildServices(
  owner: Construct,
  options: readonly { at: Site; service: ServiceOptions; /** Written by the user, not the default: it may not vanish. */ explicit: boolean }[],
  context: {
    readonly name: string;
    readonly defaultType: ServiceType;
    readonly namespace: string;
    readonly selector: Readonly<Record<string, string>>;
    readonly containerPorts: readonly ContainerPortRef[];
    readonly metadata: (extra: ApiObjectMetadata) => ApiObjectMetadata;
  },
): WorkloadService[] {
  const names = new Set<string>();
  return options.flatMap(({ at, service, explicit }, i) => {
    const name =
      service.name ??
      (i === 0
        ? context.name
        : at.at('name').fail(undefined, 'must be given for every Service after the first', 'name it, e.g. "<workload>-public"'));
    checkDnsLabel(at.at('name'), name);
    if (names.has(name)) at.at('name').fail(name, 'names a second Service of the same name', 'give every Service of the workload its own name');
    names.add(name);
    const type = service.type ?? context.defaultType;
    const ports = resolvePorts(at.at('ports'), service.ports, context.containerPorts, type);
    // The default Service follows the container ports: none without them. One the user asked for is
    // never dropped. A headless Service needs no ports (ValidateService requires them of every other
    // type): it still gives a StatefulSet's pods their DNS names.
    if (ports.length === 0 && type !== 'Headless') {
      if (!explicit) return [];
      at.at('ports').fail(
        service.ports ?? [],
        'resolve to no port (the containers declare none, or ports is empty), and a Service without ports cannot be written',
        "give the Service a port, declare the container ports, write type: 'Headless' for DNS names only, or write service: false for no Service",
      );
    }
    if (service.loadBalancer && type !== 'LoadBalancer') {
      at.at('loadBalancer').fail(
        service.loadBalancer.controller,
        `only applies to a Service of type LoadBalancer, not ${type}`,
        'set type: "LoadBalancer", or drop loadBalancer',
      );
    }
    const clients = checkClients(at, service, type);
    const requested = checkRequestedAddress(at, service, type);
    const annotations = {
      ...service.loadBalancer?.annotations(
        at.at('loadBalancer'),
        ports.map((p) => p.port),
        clients?.restricted ?? false,
      ),
      ...requested.annotations,
    };
    if (service.loadBalancer) needAddon(owner, service.loadBalancer.addon);
    const object = new k8s.KubeService(owner, i === 0 ? 'service' : `service-${name}`, {
      metadata: context.metadata({ name, annotations: Object.keys(annotations).length > 0 ? annotations : undefined }),
      spec: {
        type: type === 'Headless' ? 'ClusterIP' : type,
        clusterIp: type === 'Headless' ? 'None' : undefined,
        // Only some may connect: keep their address, so the policy in front of the pods can tell them apart.
        externalTrafficPolicy: clients?.restricted ? 'Local' : undefined,
        loadBalancerSourceRanges: type === 'LoadBalancer' && clients?.sourceRanges ? [...clients.sourceRanges] : undefined,
        selector: { ...context.selector },
        ports:
          ports.length === 0
            ? undefined
            : ports.map((p) => ({ name: p.name, port: p.port, targetPort: intOrString(p.targetPort), protocol: p.protocol, nodePort: p.nodePort })),
      },
    });
    if (clients && (type === 'LoadBalancer' || type === 'NodePort')) {
      exposeService(owner, {
        path: object.node.path,
        service: name,
        namespace: context.namespace,
        type,
        selector: { ...context.selector },
        ports: ports.map((p) => ({ port: p.containerPort, protocol: p.protocol })),
        clients: { name: clients.name, kind: clients.kind, blocks: clients.blocks, restricted: clients.restricted },
        address: service.address,
        addressPool: service.addressPool,
        cloudController: service.loadBalancer?.controller,
      });
    }
    return [
      {
        name,
        type,
        ports: ports.map(({ name: n, port, targetPort, protocol, containerPort }) => ({ name: n, port, targetPort, protocol, containerPort })),
        object,
      },
    ];
  });
}

function resolvePorts(
  site: Site,
  ports: readonly (ServicePort | PortRange)[] | undefined,
  containerPorts: readonly ContainerPortRef[],
  type: ServiceType,
) {
  const resolved: readonly ServicePort[] = ports
    ? expandPortRanges<ServicePort>(site, ports, (name, port, protocol) => ({ name, port, protocol }))
    : containerPorts.map((p) => ({ name: p.name!, port: p.containerPort }));
  const seenNames = new Set<string>();
  const seenPorts = new Set<string>();
  return resolved.map((p, i) => {
    const at = site.at(i);
    checkPortName(at.at('name'), p.name);
    checkPort(at.at('port'), p.port);
    const target = p.targetPort ?? p.name;
    const container = containerPorts.find((c) => c.name === target || c.containerPort === target);
    if (!container) {
      return at.at('targetPort').fail(target, 'names no container port', `use one of: ${containerPorts.map((c) => c.name).join(', ')}`);
    }
    const protocol = p.protocol ?? (container.protocol as 'TCP' | 'UDP' | undefined) ?? 'TCP';
    if (seenNames.has(p.name)) at.at('name').fail(p.name, 'repeats a port name of this Service', 'give every Service port its own name');
    const key = `${p.port}/${protocol}`;
    if (seenPorts.has(key))
      at.at('port').fail(
        p.port,
        `repeats port ${key} of this Service (the API server refuses it)`,
        'give every Service port its own number, or map both to one port',
      );
    seenNames.add(p.name);
    seenPorts.add(key);
    if (p.nodePort !== undefined) {
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        at.at('nodePort').fail(
          p.nodePort,
          'is only allowed on NodePort and LoadBalancer Services',
          'set the Service\'s type to "NodePort" or drop nodePort',
        );
      }
      if (!Number.isInteger(p.nodePort) || p.nodePort < NODE_PORT_RANGE.min || p.nodePort > NODE_PORT_RANGE.max) {
        at.at('nodePort').fail(
          p.nodePort,
          `must be a whole number from ${NODE_PORT_RANGE.min} to ${NODE_PORT_RANGE.max} (the cluster's node port range)`,
          `pick a port in that range, or leave nodePort out and let the cluster assign one`,
        );
      }
    }
    return { ...p, targetPort: target, protocol, containerPort: container.containerPort };
  });
}

/** A LoadBalancer or NodePort Service says who its clients are; no other type may. */
function checkClients(at: Site, service: ServiceOptions, type: ServiceType): ServiceClients | undefined {
  const outside = type === 'LoadBalancer' || type === 'NodePort';
  if (service.clients === undefined) {
    if (!outside) return undefined;
    return at
      .at('clients')
      .fail(
        undefined,
        `must say who reaches this ${type} Service from outside the cluster`,
        'give clients: ServiceClients.internet(), .localNetwork(), .cidrs(name, [...]) or .anywhere()',
      );
  }
  if (!(service.clients instanceof ServiceClients)) {
    at.at('clients').fail(
      service.clients,
      'must be ServiceClients',
      'write ServiceClients.internet(), .localNetwork(), .cidrs(name, [...]) or .anywhere()',
    );
  }
  if (!outside) {
    at.at('clients').fail(
      service.clients.kind,
      `only applies to a LoadBalancer or NodePort Service, not ${type}`,
      'set type: "LoadBalancer" or "NodePort", or drop clients',
    );
  }
  return service.clients.check(at.at('clients'));
}

/** The address and pool a LoadBalancer asks MetalLB for (metallb.io annotations, MetalLB 0.13 on); the build checks the cluster can give them. */
function checkRequestedAddress(at: Site, service: ServiceOptions, type: ServiceType): { annotations: Record<string, string> } {
  const annotations: Record<string, string> = {};
  for (const field of ['address', 'addressPool'] as const) {
    if (service[field] !== undefined && type !== 'LoadBalancer') {
      at.at(field).fail(service[field], `only applies to a Service of type LoadBalancer, not ${type}`, `set type: "LoadBalancer", or drop ${field}`);
    }
  }
  if (service.address !== undefined) {
    if (typeof service.address !== 'string' || isIP(service.address) === 0) {
      at.at('address').fail(service.address, 'must be an IP address', 'e.g. "192.168.1.240"');
    }
    annotations['metallb.io/loadBalancerIPs'] = service.address;
  }
  if (service.addressPool !== undefined) annotations['metallb.io/address-pool'] = checkDnsLabel(at.at('addressPool'), service.addressPool);
  return { annotations };
}
