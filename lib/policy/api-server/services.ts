import { isDnsLabel, isDnsSubdomain, isPortName, isPortNumber } from '../../core/names';
import { cidrProblem } from '../../core/cidr';
import { ApiFindings, listAt, repeats } from './api-findings';

// The API server's rules for a Service: pkg/apis/core/validation/validation.go (Kubernetes 1.28),
// ValidateService, validateServicePort and validateServiceExternalTrafficPolicy.

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
/** core.MaxClientIPServiceAffinitySeconds */
const MAX_AFFINITY_SECONDS = 86400;

export function serviceFindings(f: ApiFindings, spec: Record<string, any>): void {
  const type = spec.type ?? 'ClusterIP';
  const headless = spec.clusterIP === 'None';
  const ports = listAt(spec.ports);
  if (typeof type === 'string' && !TYPES.includes(type))
    f.refuse('spec.type', spec.type, `must be one of ${TYPES.join(', ')}`, 'write e.g. "ClusterIP"');
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    f.refuse(
      'spec.ports',
      spec.ports,
      'must list at least one port (only a headless or ExternalName Service may have none)',
      'give the port clients connect to',
    );
  }
  if (type === 'ExternalName') {
    const cname = typeof spec.externalName === 'string' ? spec.externalName.replace(/\.$/, '') : spec.externalName;
    if (cname === undefined || cname === '')
      f.refuse(
        'spec.externalName',
        spec.externalName,
        'must be set on an ExternalName Service',
        'give the DNS name it aliases, e.g. "db.example.com"',
      );
    else if (!isDnsSubdomain(cname))
      f.refuse(
        'spec.externalName',
        spec.externalName,
        'must be a DNS name (a DNS-1123 subdomain)',
        'give the DNS name it aliases, e.g. "db.example.com"',
      );
    if (spec.clusterIP !== undefined) f.refuse('spec.clusterIP', spec.clusterIP, 'may not be set on an ExternalName Service', 'drop clusterIP');
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    f.refuse('spec.clusterIP', 'None', `may not be None on a ${type} Service`, 'drop clusterIP, or make it a ClusterIP Service');
  }
  ports.forEach((p, i) => portFindings(f, `spec.ports[${i}]`, p, ports.length > 1, type));
  for (const { index, first } of repeats(ports.map((p) => `${p?.port}/${p?.protocol ?? 'TCP'}`))) {
    f.refuse(
      `spec.ports[${index}]`,
      `${ports[index]?.port}/${ports[index]?.protocol ?? 'TCP'}`,
      `must not repeat the port and protocol of spec.ports[${first}]`,
      'give each port once',
    );
  }
  const nodePorts = ports.map((p, i) => ({ p, i })).filter(({ p }) => p?.nodePort);
  for (const { index, first } of repeats(nodePorts.map(({ p }) => `${p.nodePort}/${p.protocol ?? 'TCP'}`))) {
    f.refuse(
      `spec.ports[${nodePorts[index].i}].nodePort`,
      nodePorts[index].p.nodePort,
      `must not repeat the nodePort of spec.ports[${nodePorts[first].i}]`,
      'give each port its own nodePort',
    );
  }
  if (typeof spec.sessionAffinity === 'string' && !['None', 'ClientIP'].includes(spec.sessionAffinity)) {
    f.refuse('spec.sessionAffinity', spec.sessionAffinity, 'must be None or ClientIP', 'drop sessionAffinity, or write "ClientIP"');
  }
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (typeof timeout === 'number' && !(Number.isInteger(timeout) && timeout > 0 && timeout <= MAX_AFFINITY_SECONDS)) {
    f.refuse(
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
      timeout,
      `must be a whole number of seconds from 1 to ${MAX_AFFINITY_SECONDS}`,
      'give e.g. 10800',
    );
  }
  const external = type === 'NodePort' || type === 'LoadBalancer' || listAt(spec.externalIPs).length > 0;
  if (spec.externalTrafficPolicy !== undefined && !external) {
    f.refuse(
      'spec.externalTrafficPolicy',
      spec.externalTrafficPolicy,
      'may only be set on a Service reachable from outside (NodePort, LoadBalancer)',
      'drop externalTrafficPolicy',
    );
  } else if (typeof spec.externalTrafficPolicy === 'string' && !['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
    f.refuse('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'must be Cluster or Local', 'write "Local" to keep client addresses');
  }
  if (typeof spec.internalTrafficPolicy === 'string' && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    f.refuse('spec.internalTrafficPolicy', spec.internalTrafficPolicy, 'must be Cluster or Local', 'drop internalTrafficPolicy');
  }
  for (const field of ['loadBalancerSourceRanges', 'loadBalancerClass', 'allocateLoadBalancerNodePorts'] as const) {
    if (spec[field] !== undefined && type !== 'LoadBalancer')
      f.refuse(`spec.${field}`, spec[field], 'may only be set on a LoadBalancer Service', `drop ${field}`);
  }
  listAt(spec.loadBalancerSourceRanges).forEach((range, i) => {
    const problem = cidrProblem(String(range).trim());
    if (problem) f.refuse(`spec.loadBalancerSourceRanges[${i}]`, range, problem.problem, problem.fix);
  });
}

/** validateServicePort; a nodePort only on a Service reachable on the nodes. */
function portFindings(f: ApiFindings, at: string, p: Record<string, any>, several: boolean, type: string): void {
  if (several && (p?.name === undefined || p.name === '')) {
    f.refuse(`${at}.name`, p?.name, 'must be set when a Service has several ports', 'name every port, e.g. "http"');
  } else if (typeof p?.name === 'string' && !isDnsLabel(p.name)) {
    f.refuse(`${at}.name`, p.name, 'must be a DNS-1123 label (lower-case letters, digits and "-")', 'write it in lower case, e.g. "http"');
  }
  if (typeof p?.port === 'number' && !isPortNumber(p.port))
    f.refuse(`${at}.port`, p?.port, 'must be a port number from 1 to 65535', 'give the port clients connect to, e.g. 80');
  if (typeof p?.protocol === 'string' && !PROTOCOLS.includes(p.protocol))
    f.refuse(`${at}.protocol`, p.protocol, `must be one of ${PROTOCOLS.join(', ')} (upper case)`, 'write e.g. "TCP"');
  if (p?.targetPort !== undefined && !(isPortNumber(p.targetPort) || isPortName(p.targetPort))) {
    f.refuse(
      `${at}.targetPort`,
      p.targetPort,
      'must be a port number from 1 to 65535 or a container port name',
      'aim at the port the pods declare, e.g. "http"',
    );
  }
  if (typeof p?.nodePort === 'number' && p.nodePort !== 0) {
    if (type === 'ClusterIP')
      f.refuse(
        `${at}.nodePort`,
        p.nodePort,
        'may not be set on a ClusterIP Service',
        'make the Service a NodePort or LoadBalancer, or drop nodePort',
      );
    else if (!isPortNumber(p.nodePort))
      f.refuse(`${at}.nodePort`, p.nodePort, 'must be a port number', 'pick one from 30000-32767, or leave it to the cluster');
  }
}
