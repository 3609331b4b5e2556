import { imageReferenceProblem } from '../core/image-reference';
import { checkListOfObjects, checkStrings } from '../core/shapes';
import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { isRealReason } from '../core/reasons';
import { checkDnsLabel, checkPort, checkPortName } from '../core/names';
import { checkBytes, checkCpu, GPU_RESOURCE } from '../core/quantity';
import { CpuArch } from '../placement/instance-types';
import { buildEnv, EnvVars } from './env';
import { expandPortRanges, PortRange } from './port-range';
import { checkProbePort, Probe } from './probe';
import { checkUserId } from './user-ids';
import { VolumeMount } from './volume';

export interface ContainerPort {
  /** IANA service name, at most 15 characters, e.g. "http". */
  readonly name: string;
  readonly port: number;
  /** @default "TCP" */
  readonly protocol?: 'TCP' | 'UDP';
}

/** Requests and limits; both are required so every pod has a known size. */
export interface Resources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
  /** Whole GPUs (`nvidia.com/gpu`, request equal to limit). @default 0 */
  readonly gpus?: number;
}

/**
 * Why a container needs the host's privileges. There is no plain `privileged: true`: the reason
 * is written next to the object as a policy exception, and the pod's namespace must enforce the
 * `privileged` Pod Security level.
 */
export interface PrivilegedException {
  readonly reason: string;
}

/** An image and the architectures its manifest list holds; placement checks them against the nodes. */
export interface ContainerImage {
  readonly ref: string;
  readonly architectures: readonly CpuArch[];
}

export interface ContainerProps {
  /** DNS label, unique in the pod. */
  readonly name: string;
  /** A reference (architectures not declared: single-arch placements only), or one with its architectures. */
  readonly image: string | ContainerImage;
  readonly resources: Resources;
  /** Ports and port ranges (written out one port each). @default none */
  readonly ports?: readonly (ContainerPort | PortRange)[];
  /** @default the image's entrypoint */
  readonly command?: readonly string[];
  /** @default the image's arguments */
  readonly args?: readonly string[];
  /** @default none */
  readonly env?: EnvVars;
  /** ConfigMaps whose keys all become environment variables. @default none */
  readonly envFromConfigMaps?: readonly string[];
  /** @default none */
  readonly volumeMounts?: readonly VolumeMount[];
  /** @default none */
  readonly readinessProbe?: Probe;
  /** @default none */
  readonly livenessProbe?: Probe;
  /** @default none */
  readonly startupProbe?: Probe;
  /** Give false only for images that must write outside their mounted volumes. @default true */
  readonly readOnlyRootFilesystem?: boolean;
  /** Numeric user id, when this container's differs from the pod's. @default the pod's */
  readonly runAsUser?: number;
  /** Numeric group id, when this container's differs from the pod's. @default the pod's */
  readonly runAsGroup?: number;
  /** @default "IfNotPresent" */
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /**
   * Run privileged, as root (FUSE mounts, host tools). Needs a reason; see PrivilegedException.
   * @default not privileged: the container passes Pod Security `restricted`
   */
  readonly privileged?: PrivilegedException;
  /**
   * Run as root without privileges (e.g. to read root-only host files); capabilities stay
   * dropped. Needs a reason. @default non-root
   */
  readonly runAsRoot?: PrivilegedException;
}

/** What a built container asks of its node, for placement. */
export interface ContainerDemand {
  readonly cpuMillicores: number;
  readonly memoryBytes: number;
  readonly gpus: number;
}

/**
 * A container that passes Pod Security `restricted` by construction: no privilege escalation, all
 * capabilities dropped, RuntimeDefault seccomp (set on the pod), read-only root filesystem unless
 * said otherwise, and requests and limits that are valid quantities with request <= limit.
 */
export interface BuiltContainer {
  readonly container: k8s.Container;
  readonly demand: ContainerDemand;
  readonly privileged: boolean;
  /** The image's architectures, when declared. */
  readonly architectures: readonly CpuArch[] | undefined;
  /** Why the container cannot pass Pod Security `restricted`, one line each (declared reasons). */
  readonly podSecurityExceptions: readonly string[];
}

/** A probe built with Probe.httpGet / tcpSocket / grpc / exec, as the API wants it for a container with these ports. */
function probeOf(site: Site, probe: Probe | undefined, ports: readonly { name?: string; containerPort: number }[]): k8s.Probe | undefined {
  if (probe === undefined) return undefined;
  if (!(probe instanceof Probe))
    site.fail(probe, 'must be a Probe', 'write Probe.httpGet("/healthz", "http"), Probe.tcpSocket("http"), Probe.grpc("grpc") or Probe.exec([...])');
  return probe.toK8s(site, ports);
}

/** A list prop as given; anything but an array (or nothing) is refused by name. */
export function listOf<T>(site: Site, value: readonly T[] | undefined): readonly T[] {
  if (value !== undefined && !Array.isArray(value)) site.fail(value, 'must be a list', 'write it as an array, e.g. [ ... ]');
  return value ?? [];
}

export function buildContainer(site: Site, props: ContainerProps): BuiltContainer {
  checkDnsLabel(site.at('name'), props.name);
  const image = typeof props.image === 'object' && props.image !== null ? props.image.ref : props.image;
  if (typeof image !== 'string' || image.trim() === '' || /\s/.test(image)) {
    site.at('image').fail(image, 'must be an image reference', 'write "registry/name:tag" or "name@sha256:..."');
  }
  const architectures = typeof props.image === 'object' ? props.image.architectures : undefined;
  if (architectures !== undefined && (architectures.length === 0 || architectures.some((a) => !(a instanceof CpuArch)))) {
    site
      .at('image.architectures')
      .fail(architectures, 'must list the architectures the image is built for', 'e.g. architectures: [CpuArch.AMD64, CpuArch.ARM64]');
  }
  const imageProblem = imageReferenceProblem(image);
  if (imageProblem)
    site
      .at('image')
      .fail(image, imageProblem, 'write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})');
  const resources = buildResources(site.at('resources'), props.resources);
  const privilegedReason = checkPrivileged(site.at('privileged'), props.privileged);
  const rootReason =
    props.runAsRoot === undefined
      ? undefined
      : checkExceptionReason(site.at('runAsRoot'), props.runAsRoot, 'write runAsRoot: { reason: "why the container must be uid 0" }');
  const ports = expandPortRanges<ContainerPort>(site.at('ports'), listOf(site.at('ports'), props.ports), (name, port, protocol) => ({
    name,
    port,
    protocol,
  })).map((port, i) => ({
    name: checkPortName(site.at('ports').at(i).at('name'), port.name),
    containerPort: checkPort(site.at('ports').at(i).at('port'), port.port),
    protocol: port.protocol ?? 'TCP',
  }));
  const runAsUser = props.runAsUser === undefined ? undefined : checkUserId(site.at('runAsUser'), props.runAsUser);
  const runAsGroup = props.runAsGroup === undefined ? undefined : checkUserId(site.at('runAsGroup'), props.runAsGroup);
  const probes = { readinessProbe: props.readinessProbe, livenessProbe: props.livenessProbe, startupProbe: props.startupProbe };
  for (const [field, probe] of Object.entries(probes)) {
    if (probe) checkProbePort(site.at(field).at('port'), probe, ports);
  }
  const container: k8s.Container = {
    name: props.name,
    image,
    imagePullPolicy: props.imagePullPolicy ?? 'IfNotPresent',
    command: props.command ? [...checkStrings(site.at('command'), props.command)] : undefined,
    args: props.args ? [...checkStrings(site.at('args'), props.args)] : undefined,
    ports: ports.length > 0 ? ports : undefined,
    env: buildEnv(site.at('env'), props.env),
    envFrom:
      checkStrings(site.at('envFromConfigMaps'), props.envFromConfigMaps, false).length === 0
        ? undefined
        : props.envFromConfigMaps?.map((name) => ({ configMapRef: { name } })),
    resources: resources.spec,
    volumeMounts:
      props.volumeMounts === undefined
        ? undefined
        : checkListOfObjects(site.at('volumeMounts'), props.volumeMounts).map((m, i) =>
            buildMount(site.at('volumeMounts').at(i), m, privilegedReason !== undefined),
          ),
    readinessProbe: probeOf(site.at('readinessProbe'), props.readinessProbe, ports),
    livenessProbe: probeOf(site.at('livenessProbe'), props.livenessProbe, ports),
    startupProbe: probeOf(site.at('startupProbe'), props.startupProbe, ports),
    securityContext:
      privilegedReason === undefined
        ? {
            allowPrivilegeEscalation: false,
            privileged: false,
            readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? true,
            runAsNonRoot: rootReason === undefined,
            runAsUser: rootReason === undefined ? runAsUser : 0,
            runAsGroup: rootReason === undefined ? runAsGroup : undefined,
            capabilities: { drop: ['ALL'] },
          }
        : {
            // The API refuses privileged together with allowPrivilegeEscalation: false, and a
            // privileged non-root process gets none of the capabilities it was made privileged for.
            allowPrivilegeEscalation: true,
            privileged: true,
            readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? true,
            runAsNonRoot: false,
            runAsUser: 0,
          },
  };
  const exceptions = [
    ...(privilegedReason ? [`container ${props.name} is privileged: ${privilegedReason}`] : []),
    ...(rootReason ? [`container ${props.name} runs as root: ${rootReason}`] : []),
  ];
  return { container, demand: resources.demand, privileged: privilegedReason !== undefined, architectures, podSecurityExceptions: exceptions };
}

function checkPrivileged(site: Site, privileged: PrivilegedException | undefined): string | undefined {
  if (privileged === undefined) return undefined;
  return checkExceptionReason(
    site,
    privileged,
    'write privileged: { reason: "why this container needs the host\'s privileges" } and run the pod in a namespace whose Pod Security level is privileged',
  );
}

/** The reason of a declared exception: at least a few words, never a bare `true`. */
export function checkExceptionReason(site: Site, exception: PrivilegedException, fix: string): string {
  const reason = typeof exception === 'object' && exception !== null ? exception.reason : undefined;
  if (!isRealReason(reason)) {
    return site.fail(exception, 'must be a declared exception with a reason, not a switch', fix);
  }
  return reason;
}

function buildMount(site: Site, mount: VolumeMount, privileged: boolean): k8s.VolumeMount {
  if (mount.propagation === 'Bidirectional' && !privileged) {
    site
      .at('propagation')
      .fail(
        mount.propagation,
        'is only allowed in a privileged container (the API refuses it otherwise)',
        'use "HostToContainer" to see mounts made by another container, or declare privileged: { reason } on this one',
      );
  }
  return { name: mount.volume, mountPath: mount.path, readOnly: mount.readOnly, subPath: mount.subPath, mountPropagation: mount.propagation };
}

function buildResources(site: Site, resources: Resources | undefined): { spec: k8s.ResourceRequirements; demand: ContainerDemand } {
  if (!resources?.requests || !resources?.limits) {
    site.fail(
      resources,
      'must give requests and limits for cpu and memory',
      'add resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } }',
    );
  }
  const cpuRequest = checkCpu(site.at('requests.cpu'), resources.requests.cpu);
  const cpuLimit = checkCpu(site.at('limits.cpu'), resources.limits.cpu);
  const memoryRequest = checkBytes(site.at('requests.memory'), resources.requests.memory);
  const memoryLimit = checkBytes(site.at('limits.memory'), resources.limits.memory);
  if (cpuRequest > cpuLimit) {
    site.at('requests.cpu').fail(resources.requests.cpu, `is more than limits.cpu "${resources.limits.cpu}"`, 'lower the request or raise the limit');
  }
  if (memoryRequest > memoryLimit) {
    site
      .at('requests.memory')
      .fail(resources.requests.memory, `is more than limits.memory "${resources.limits.memory}"`, 'lower the request or raise the limit');
  }
  const gpus = resources.gpus ?? 0;
  if (typeof gpus !== 'number' || !Number.isInteger(gpus) || gpus < 0) {
    site
      .at('gpus')
      .fail(
        gpus,
        `must be a whole number of GPUs: ${GPU_RESOURCE} is an extended resource, which cannot be split, and its request must equal its limit`,
        "request gpus: 1 on a pool with GPU time-slicing (GpuSharing.timeSlicing(4) makes each physical GPU 4 schedulable units, so 1 unit is a quarter of a GPU's time)",
      );
  }
  const requests: Record<string, k8s.Quantity> = {
    cpu: k8s.Quantity.fromString(resources.requests.cpu),
    memory: k8s.Quantity.fromString(resources.requests.memory),
  };
  const limits: Record<string, k8s.Quantity> = {
    cpu: k8s.Quantity.fromString(resources.limits.cpu),
    memory: k8s.Quantity.fromString(resources.limits.memory),
  };
  if (gpus > 0) {
    requests[GPU_RESOURCE] = k8s.Quantity.fromString(String(gpus));
    limits[GPU_RESOURCE] = k8s.Quantity.fromString(String(gpus));
  }
  return { spec: { requests, limits }, demand: { cpuMillicores: cpuRequest, memoryBytes: memoryRequest, gpus } };
}
