import { isIP } from 'node:net';
import { isDns1035Label, isDnsSubdomain, isPortName, isPortNumber } from '../../core/names';
import { ApiFindings, listAt, mapAt } from './api-findings';

// The API server's rules for an Ingress: pkg/apis/networking/validation/validation.go
// (Kubernetes 1.28), ValidateIngressSpec, validateIngressRules, validateHTTPIngressPath,
// validateIngressBackend and validateIngressTLS.

const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

export function ingressFindings(f: ApiFindings, spec: Record<string, any>): void {
  const rules = listAt(spec.rules);
  if (rules.length === 0 && spec.defaultBackend === undefined)
    f.refuse('spec', spec, 'must give rules or a defaultBackend', 'route at least one path to a Service');
  if (spec.defaultBackend !== undefined) backendFindings(f, 'spec.defaultBackend', mapAt(spec.defaultBackend));
  rules.forEach((rule, i) => {
    const at = `spec.rules[${i}]`;
    if (rule?.host !== undefined) hostFindings(f, `${at}.host`, rule.host);
    if (rule?.http === undefined) return;
    const paths = listAt(rule.http.paths);
    if (paths.length === 0) f.refuse(`${at}.http.paths`, paths, 'must list at least one path', 'route a path, e.g. "/"');
    paths.forEach((path, j) => pathFindings(f, `${at}.http.paths[${j}]`, mapAt(path)));
  });
  listAt(spec.tls).forEach((tls, i) => listAt(tls?.hosts).forEach((host, j) => hostFindings(f, `spec.tls[${i}].hosts[${j}]`, host)));
}

/** A DNS name, with "*." only as its first label; never an IP address. */
function hostFindings(f: ApiFindings, at: string, host: unknown): void {
  if (typeof host === 'string' && isIP(host) !== 0) {
    f.refuse(at, host, 'must be a DNS name, not an IP address', 'leave host out to match every address, or give the DNS name');
  } else if (!isDnsSubdomain(typeof host === 'string' && host.startsWith('*.') ? host.slice(2) : host)) {
    f.refuse(at, host, 'must be a DNS name (a DNS-1123 subdomain, "*." allowed only as the first label)', 'write e.g. "app.example.com"');
  }
}

/** validateHTTPIngressPath */
function pathFindings(f: ApiFindings, at: string, path: Record<string, any>): void {
  const type = path.pathType;
  if (typeof type !== 'string') {
    // A path without a pathType is the schema check's to report.
  } else if (!PATH_TYPES.includes(type)) {
    f.refuse(
      `${at}.pathType`,
      type,
      `must be one of ${PATH_TYPES.join(', ')}`,
      'write "Prefix" (a regular expression is a controller annotation, not a path type)',
    );
  } else if (typeof path.path === 'string' && path.path !== '' && !path.path.startsWith('/')) {
    f.refuse(`${at}.path`, path.path, 'must be an absolute path (start with "/")', `write "/${path.path}"`);
  } else if (type !== 'ImplementationSpecific' && path.path === undefined) {
    f.refuse(`${at}.path`, path.path, `must be an absolute path with pathType ${type}`, 'write e.g. "/"');
  } else if (type !== 'ImplementationSpecific' && typeof path.path === 'string') {
    const bad = INVALID_PATH_SEQUENCES.find((s) => path.path.includes(s)) ?? INVALID_PATH_SUFFIXES.find((s) => path.path.endsWith(s));
    if (bad) f.refuse(`${at}.path`, path.path, `must not contain "${bad}" with pathType ${type}`, 'write the path without it');
  }
  backendFindings(f, `${at}.backend`, mapAt(path.backend));
}

/** validateIngressBackend: a Service (by DNS-1035 name, port by name or number) or a resource, not both. */
function backendFindings(f: ApiFindings, at: string, backend: Record<string, any>): void {
  if (backend.service !== undefined && backend.resource !== undefined) {
    f.refuse(at, backend, 'may not give both a service and a resource', 'keep one backend');
    return;
  }
  if (backend.service === undefined) {
    if (backend.resource === undefined) f.refuse(at, backend, 'must give a service or a resource', 'route to a Service');
    return;
  }
  const service = mapAt(backend.service);
  if (typeof service.name === 'string' && !isDns1035Label(service.name))
    f.refuse(`${at}.service.name`, service.name, 'must be a Service name (a DNS-1035 label)', 'name the Service the path routes to');
  const port = mapAt(service.port);
  if (port.name !== undefined && port.number !== undefined) f.refuse(`${at}.service.port`, port, 'may not give both a name and a number', 'keep one');
  else if (port.name !== undefined && !isPortName(port.name))
    f.refuse(`${at}.service.port.name`, port.name, 'must be a port name', 'name a port of the Service');
  else if (typeof port.number === 'number' && !isPortNumber(port.number))
    f.refuse(`${at}.service.port.number`, port.number, 'must be a port number from 1 to 65535', 'give a port of the Service');
  else if (port.name === undefined && port.number === undefined)
    f.refuse(`${at}.service.port`, service.port, 'must give a port name or number', 'name a port of the Service');
}
