import { PodGroup } from './pod-group';

/**
 * The DNS domain of the cluster's Services (kubelet --cluster-domain). Every distribution the
 * platforms run on (EKS, AKS, k3s, OrbStack) keeps the Kubernetes default.
 */
export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * Anything a route, a monitor or a network rule points at: pods this project emits, behind a
 * Service with named ports. Workloads (WebService, StatefulStore) and the constructs built on
 * them (PostgresDatabase) are service targets. A target knows both ends of each port: the
 * Service side (what Ingresses, VirtualServices, ServiceMonitors and clients address) and the pod
 * side (what NetworkPolicies open, since they see traffic after the Service has sent it on).
 */
export interface ServiceTarget extends PodGroup {
  /** The Service's name: what routes and clients in the same namespace address. */
  readonly serviceName: string;
  /** The Service's in-cluster DNS name, `<service>.<namespace>.svc.cluster.local`, valid from any namespace. */
  readonly dnsName: string;
  /** The names of the Service's ports. */
  readonly servicePortNames: readonly string[];
  /** The number of the Service port with this name (Service side); fails with the target's port names. */
  servicePort(name: string): number;
  /** The container port the Service port with this name sends to (pod side, for network rules); fails with the target's port names. */
  targetPort(name: string): number;
  /** `<dnsName>:<port>` of the named Service port, for clients that take a host and port. */
  address(portName: string): string;
  /** `<scheme>://<dnsName>:<port>` of the named Service port. @default scheme "http" */
  url(portName: string, scheme?: string): string;
}

/** The in-cluster DNS name of Service `service` in `namespace`. */
export function serviceDnsName(service: string, namespace: string): string {
  return `${service}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** One port of a Service as both ends see it. */
export interface TargetPort {
  readonly name: string;
  /** The Service port. */
  readonly port: number;
  /** The container port it sends to. */
  readonly containerPort: number;
  readonly protocol: 'TCP' | 'UDP';
}

/**
 * The ServiceTarget of one Service over `pods`: its name and resolved ports. `site` names the
 * Service's `ports` field, where a port name no port has is refused.
 */
export function serviceTargetOf(
  pods: PodGroup,
  service: { readonly name: string; readonly ports: readonly TargetPort[] },
  site: { fail(value: unknown, problem: string, fix: string): never },
): ServiceTarget {
  const port = (name: string): TargetPort =>
    service.ports.find((p) => p.name === name) ??
    site.fail(name, `names no port of Service ${service.name}`, `use one of: ${service.ports.map((p) => p.name).join(', ') || '(no ports)'}`);
  const dnsName = serviceDnsName(service.name, pods.namespace);
  return {
    name: pods.name,
    namespace: pods.namespace,
    selector: pods.selector,
    ports: pods.ports,
    serviceName: service.name,
    dnsName,
    servicePortNames: service.ports.map((p) => p.name),
    servicePort: (name) => port(name).port,
    targetPort: (name) => port(name).containerPort,
    address: (name) => `${dnsName}:${port(name).port}`,
    url: (name, scheme = 'http') => `${scheme}://${dnsName}:${port(name).port}`,
  };
}
