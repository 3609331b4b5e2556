import { isDnsLabel, isPortName, isPortNumber } from '../../core/names';
import { ApiFindings, listAt, mapAt, QUANTITY_FIX, quantityValue, repeats } from './api-findings';

// The API server's rules for one container, as pkg/apis/core/validation/validation.go (Kubernetes
// 1.28) writes them: validateContainerCommon and what it calls, validateContainers,
// validateInitContainers, the probe validators. Each rule names the upstream function.

/** The container lists of a pod spec, in the order the API server validates them. */
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
/** validation.IsEnvVarName (1.28): a C identifier, with "-" and "." allowed. */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** validation.IsHTTPHeaderName: an RFC 7230 token. */
const HTTP_HEADER_NAME = /^[-!#$%&'*+.^_`|~0-9A-Za-z]+$/;
const MAX_ID = 2 ** 31 - 1;

/** Every container of a pod spec with its list, index and field. */
export function containerEntries(
  spec: Record<string, any>,
  field: string,
): { list: ContainerList; index: number; at: string; c: Record<string, any> }[] {
  return CONTAINER_LISTS.flatMap((list) => listAt(spec[list]).map((c, index) => ({ list, index, at: `${field}.${list}[${index}]`, c: mapAt(c) })));
}

/**
 * The rules of one container. `volumes` are the names a mount may use (the pod's volumes, and a
 * StatefulSet's claim templates); `hostNetwork` makes every host port equal its container port.
 */
export function containerFindings(
  f: ApiFindings,
  at: string,
  list: ContainerList,
  c: Record<string, any>,
  volumes: ReadonlySet<string>,
  hostNetwork: boolean,
): void {
  // validateContainerCommon: a DNS-1123 label name and an image.
  if (typeof c.name === 'string' && !isDnsLabel(c.name)) {
    f.refuse(`${at}.name`, c.name, 'must be a DNS-1123 label (1-63 lower-case letters, digits and "-")', 'name the container, e.g. "app"');
  }
  if (list !== 'ephemeralContainers' && (typeof c.image !== 'string' || c.image.trim() === '')) {
    f.refuse(`${at}.image`, c.image, 'must name an image', 'give the image, e.g. "registry.example.com/app:1.0.0"');
  }
  // validatePullPolicy
  if (typeof c.imagePullPolicy === 'string' && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    f.refuse(`${at}.imagePullPolicy`, c.imagePullPolicy, `must be one of ${PULL_POLICIES.join(', ')}`, 'write e.g. "IfNotPresent"');
  }
  portFindings(f, at, listAt(c.ports), hostNetwork);
  envFindings(f, at, c);
  mountFindings(f, at, listAt(c.volumeMounts), volumes);
  resourceFindings(f, `${at}.resources`, mapAt(c.resources));
  probeFindings(f, at, list, c);
  securityContextFindings(f, `${at}.securityContext`, c.securityContext);
}

/** validateContainerPorts; validatePodHostNetworkDeps for host-network pods. */
function portFindings(f: ApiFindings, at: string, ports: any[], hostNetwork: boolean): void {
  ports.forEach((p, i) => {
    const field = `${at}.ports[${i}]`;
    // Numbers are judged here; a value of another type is the schema check's to report.
    if (typeof p?.containerPort === 'number' && !isPortNumber(p.containerPort)) {
      f.refuse(
        `${field}.containerPort`,
        p?.containerPort,
        'must be a port number from 1 to 65535',
        'give the port the process listens on, e.g. 8080',
      );
    }
    if (typeof p?.hostPort === 'number' && p.hostPort !== 0 && !isPortNumber(p.hostPort)) {
      f.refuse(
        `${field}.hostPort`,
        p.hostPort,
        'must be a port number from 1 to 65535 (or 0 for none)',
        'drop hostPort and expose the port through a Service',
      );
    }
    if (hostNetwork && p?.hostPort !== undefined && p.hostPort !== 0 && p.hostPort !== p.containerPort) {
      f.refuse(
        `${field}.hostPort`,
        p.hostPort,
        `must equal containerPort ${p.containerPort} in a host-network pod (it listens on the node's port itself)`,
        'drop hostPort, or give it the containerPort',
      );
    }
    if (typeof p?.protocol === 'string' && !PROTOCOLS.includes(p.protocol)) {
      f.refuse(`${field}.protocol`, p.protocol, `must be one of ${PROTOCOLS.join(', ')} (upper case)`, 'write e.g. "TCP"');
    }
    if (typeof p?.name === 'string' && !isPortName(p.name)) {
      f.refuse(
        `${field}.name`,
        p.name,
        'must be an IANA service name (1-15 lower-case letters, digits and single "-", with at least one letter)',
        'write it in lower case, e.g. "http"',
      );
    }
  });
  for (const { index, first } of repeats(ports.map((p) => p?.name).map((n, i) => n ?? `\u0000${i}`))) {
    f.refuse(
      `${at}.ports[${index}].name`,
      ports[index].name,
      `must be unique in the container (ports[${first}] has it)`,
      'give each port its own name',
    );
  }
}

/** ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom. */
function envFindings(f: ApiFindings, at: string, c: Record<string, any>): void {
  listAt(c.env).forEach((e, i) => {
    const field = `${at}.env[${i}]`;
    if (typeof e?.name === 'string' && !ENV_VAR_NAME.test(e.name)) {
      f.refuse(
        `${field}.name`,
        e?.name,
        'must be a variable name (letters, digits, "_", "-" and ".", not starting with a digit)',
        'write e.g. "LOG_LEVEL"',
      );
    }
    if (e?.valueFrom === undefined) return;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((s) => e.valueFrom?.[s] !== undefined);
    if (sources.length !== 1) {
      f.refuse(
        `${field}.valueFrom`,
        e.valueFrom,
        'must give exactly one of fieldRef, resourceFieldRef, configMapKeyRef and secretKeyRef',
        'keep the one source the value comes from',
      );
    } else if (typeof e.value === 'string' && e.value !== '') {
      f.refuse(`${field}.valueFrom`, sources[0], 'may not be given together with a value', 'keep value or valueFrom, not both');
    }
  });
  listAt(c.envFrom).forEach((e, i) => {
    const sources = ['configMapRef', 'secretRef'].filter((s) => e?.[s] !== undefined);
    if (sources.length !== 1) {
      f.refuse(`${at}.envFrom[${i}]`, e, 'must give exactly one of configMapRef and secretRef', 'split it into one entry per source');
    }
    if (e?.prefix !== undefined && (typeof e.prefix !== 'string' || !ENV_VAR_NAME.test(e.prefix))) {
      f.refuse(`${at}.envFrom[${i}].prefix`, e.prefix, 'must be a variable name prefix (letters, digits, "_", "-" and ".")', 'write e.g. "APP_"');
    }
  });
}

/** ValidateVolumeMounts: every mount names a volume, at a path of its own. */
function mountFindings(f: ApiFindings, at: string, mounts: any[], volumes: ReadonlySet<string>): void {
  mounts.forEach((mount, i) => {
    const field = `${at}.volumeMounts[${i}]`;
    if (!volumes.has(mount?.name)) {
      f.refuse(
        `${field}.name`,
        mount?.name,
        `must name a volume of the pod (${[...volumes].join(', ') || 'it declares none'})`,
        'declare the volume in the pod spec, or mount one it declares',
      );
    }
    if (typeof mount?.mountPath !== 'string' || mount.mountPath === '') {
      f.refuse(`${field}.mountPath`, mount?.mountPath, 'must be set', 'give the path inside the container, e.g. "/data"');
    }
    if (mount?.subPath !== undefined && mount?.subPathExpr !== undefined) {
      f.refuse(`${field}.subPathExpr`, mount.subPathExpr, 'may not be given together with subPath', 'keep one of subPath and subPathExpr');
    }
  });
  for (const { index, first } of repeats(mounts.map((m) => m?.mountPath))) {
    f.refuse(
      `${at}.volumeMounts[${index}].mountPath`,
      mounts[index].mountPath,
      `must be unique in the container (volumeMounts[${first}] mounts there)`,
      'mount each volume at its own path',
    );
  }
}

/**
 * validateResourceRequirements and ValidateResourceQuantityValue: quantities that decode and are
 * not negative, requests at most limits, and resources that cannot be overcommitted (extended
 * resources such as nvidia.com/gpu, hugepages) requested exactly at their limit, in whole units.
 */
function resourceFindings(f: ApiFindings, at: string, resources: Record<string, any>): void {
  const limits = mapAt(resources.limits);
  const requests = mapAt(resources.requests);
  for (const [bound, values] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const [name, raw] of Object.entries(values)) {
      const field = `${at}.${bound}.${name}`;
      const value = quantityValue(raw);
      if (value === undefined) f.refuse(field, raw, 'must be a quantity', QUANTITY_FIX);
      else if (value < 0) f.refuse(field, raw, 'must not be negative', 'give the amount, e.g. "256Mi" or "100m"');
      else if (!overcommitAllowed(name) && !Number.isInteger(value))
        f.refuse(field, raw, `must be a whole number (${name} cannot be split)`, 'give whole units, e.g. 1');
    }
  }
  for (const [name, raw] of Object.entries(requests)) {
    const request = quantityValue(raw);
    const limit = quantityValue(limits[name]);
    if (request === undefined) continue;
    if (!overcommitAllowed(name)) {
      if (limits[name] === undefined)
        f.refuse(`${at}.limits.${name}`, undefined, `must be set (${name} cannot be overcommitted)`, `set limits.${name} equal to the request`);
      else if (limit !== undefined && limit !== request)
        f.refuse(
          `${at}.requests.${name}`,
          raw,
          `must equal its limit ${String(limits[name])} (${name} cannot be overcommitted)`,
          'request what you limit',
        );
    } else if (limit !== undefined && request > limit) {
      f.refuse(`${at}.requests.${name}`, raw, `must be at most its limit ${String(limits[name])}`, 'raise the limit or lower the request');
    }
  }
}

/** helper.IsOvercommitAllowed: the native resources (cpu, memory, ephemeral-storage) may be overcommitted; extended ones and hugepages may not. */
function overcommitAllowed(name: string): boolean {
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  return native && !name.startsWith('hugepages-');
}

/**
 * validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateHandler: one
 * handler, a command for exec, a port by number or name, successThreshold 1 where only one
 * success can count; init containers that are not sidecars take no probes.
 */
function probeFindings(f: ApiFindings, at: string, list: ContainerList, c: Record<string, any>): void {
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = c[kind];
    if (probe === undefined) continue;
    const field = `${at}.${kind}`;
    if (list !== 'containers' && c.restartPolicy !== 'Always') {
      f.refuse(
        field,
        kind,
        `may not be set on ${list === 'initContainers' ? 'an init container' : 'an ephemeral container'} (it runs to completion)`,
        `drop ${kind}`,
      );
      continue;
    }
    const handlers = PROBE_HANDLERS.filter((h) => mapAt(probe)[h] !== undefined);
    if (handlers.length !== 1) {
      f.refuse(
        field,
        handlers,
        handlers.length === 0 ? 'must give a handler (exec, httpGet, tcpSocket or grpc)' : 'may give only one handler',
        'write Probe.httpGet(...), Probe.tcpSocket(...) or Probe.exec([...])',
      );
    }
    if (probe.exec !== undefined && (!Array.isArray(probe.exec.command) || probe.exec.command.length === 0)) {
      f.refuse(
        `${field}.exec.command`,
        probe.exec.command,
        'must list the command to run',
        'give the command and its arguments, e.g. ["pg_isready"]',
      );
    }
    for (const handler of ['httpGet', 'tcpSocket'] as const) {
      const port = probe[handler]?.port;
      if (probe[handler] !== undefined && !(isPortNumber(port) || isPortName(port))) {
        f.refuse(
          `${field}.${handler}.port`,
          port,
          'must be a port number from 1 to 65535 or a port name',
          'probe a port the container declares, e.g. "http"',
        );
      }
    }
    if (typeof probe.grpc?.port === 'number' && !isPortNumber(probe.grpc.port)) {
      f.refuse(`${field}.grpc.port`, probe.grpc.port, 'must be a port number from 1 to 65535', 'probe the gRPC port by number');
    }
    if (typeof probe.httpGet?.scheme === 'string' && !['HTTP', 'HTTPS'].includes(probe.httpGet.scheme)) {
      f.refuse(`${field}.httpGet.scheme`, probe.httpGet.scheme, 'must be HTTP or HTTPS', 'write "HTTP" or "HTTPS"');
    }
    listAt(probe.httpGet?.httpHeaders).forEach((h, i) => {
      if (typeof h?.name === 'string' && !HTTP_HEADER_NAME.test(h.name)) {
        f.refuse(`${field}.httpGet.httpHeaders[${i}].name`, h?.name, 'must be an HTTP header name', 'write e.g. "X-Probe"');
      }
    });
    if (kind !== 'readinessProbe' && typeof probe.successThreshold === 'number' && probe.successThreshold !== 1) {
      f.refuse(`${field}.successThreshold`, probe.successThreshold, `must be 1 on a ${kind} (one success ends it)`, 'drop successThreshold');
    }
    if (kind === 'readinessProbe' && probe.terminationGracePeriodSeconds !== undefined) {
      f.refuse(`${field}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'may not be set on a readiness probe', 'drop it');
    }
  }
}

/** ValidateSecurityContext: user and group ids in range; privileged and no privilege escalation contradict. */
export function securityContextFindings(f: ApiFindings, at: string, context: unknown): void {
  const sc = mapAt(context);
  for (const id of ['runAsUser', 'runAsGroup', 'fsGroup'] as const) {
    const value = sc[id];
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0 && value <= MAX_ID)) {
      f.refuse(`${at}.${id}`, value, `must be a whole number from 0 to ${MAX_ID}`, 'give the numeric id, e.g. 65532');
    }
  }
  listAt(sc.supplementalGroups).forEach((gid, i) => {
    if (typeof gid === 'number' && !(Number.isInteger(gid) && gid >= 0 && gid <= MAX_ID)) {
      f.refuse(`${at}.supplementalGroups[${i}]`, gid, `must be a whole number from 0 to ${MAX_ID}`, 'give the numeric group id');
    }
  });
  if (sc.privileged === true && sc.allowPrivilegeEscalation === false) {
    f.refuse(
      `${at}.allowPrivilegeEscalation`,
      false,
      'may not be false in a privileged container',
      'drop privileged, or drop allowPrivilegeEscalation',
    );
  }
}
