import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { checkDnsLabel, checkPort, checkPortName } from '../core/names';
import { checkBytes, checkCpu } from '../core/quantity';
import { buildEnv, EnvVars } from './env';
import { Probe } from './probe';
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

export interface ContainerProps {
  /** DNS label, unique in the pod. */
  readonly name: string;
  readonly image: string;
  readonly resources: Resources;
  /** @default none */
  readonly ports?: readonly ContainerPort[];
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
  /** @default the pod's (or the image's) user */
  readonly runAsUser?: number;
  /** @default "IfNotPresent" */
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
}

/** What a built container asks of its node, for placement. */
export interface ContainerDemand {
  readonly cpuMillicores: number;
  readonly memoryBytes: number;
  readonly gpus: number;
}

export const GPU_RESOURCE = 'nvidia.com/gpu';

/**
 * A container that passes Pod Security `restricted` by construction: no privilege escalation, all
 * capabilities dropped, RuntimeDefault seccomp (set on the pod), read-only root filesystem unless
 * said otherwise, and requests and limits that are valid quantities with request <= limit.
 */
export function buildContainer(site: Site, props: ContainerProps): { container: k8s.Container; demand: ContainerDemand } {
  checkDnsLabel(site.at('name'), props.name);
  if (typeof props.image !== 'string' || props.image.trim() === '' || /\s/.test(props.image)) {
    site.at('image').fail(props.image, 'must be an image reference', 'write "registry/name:tag" or "name@sha256:..."');
  }
  const resources = buildResources(site.at('resources'), props.resources);
  const ports = (props.ports ?? []).map((port, i) => ({
    name: checkPortName(site.at('ports').at(i).at('name'), port.name),
    containerPort: checkPort(site.at('ports').at(i).at('port'), port.port),
    protocol: port.protocol ?? 'TCP',
  }));
  const container: k8s.Container = {
    name: props.name,
    image: props.image,
    imagePullPolicy: props.imagePullPolicy ?? 'IfNotPresent',
    command: props.command ? [...props.command] : undefined,
    args: props.args ? [...props.args] : undefined,
    ports: ports.length > 0 ? ports : undefined,
    env: buildEnv(site.at('env'), props.env),
    envFrom: props.envFromConfigMaps?.map((name) => ({ configMapRef: { name } })),
    resources: resources.spec,
    volumeMounts: props.volumeMounts?.map((m) => ({ name: m.volume, mountPath: m.path, readOnly: m.readOnly, subPath: m.subPath })),
    readinessProbe: props.readinessProbe?.toK8s(),
    livenessProbe: props.livenessProbe?.toK8s(),
    startupProbe: props.startupProbe?.toK8s(),
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? true,
      runAsNonRoot: true,
      runAsUser: props.runAsUser,
      capabilities: { drop: ['ALL'] },
    },
  };
  return { container, demand: resources.demand };
}

function buildResources(site: Site, resources: Resources | undefined): { spec: k8s.ResourceRequirements; demand: ContainerDemand } {
  if (!resources?.requests || !resources?.limits) {
    site.fail(resources, 'must give requests and limits for cpu and memory',
      'add resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } }');
  }
  const cpuRequest = checkCpu(site.at('requests.cpu'), resources.requests.cpu);
  const cpuLimit = checkCpu(site.at('limits.cpu'), resources.limits.cpu);
  const memoryRequest = checkBytes(site.at('requests.memory'), resources.requests.memory);
  const memoryLimit = checkBytes(site.at('limits.memory'), resources.limits.memory);
  if (cpuRequest > cpuLimit) {
    site.at('requests.cpu').fail(resources.requests.cpu, `is more than limits.cpu "${resources.limits.cpu}"`, 'lower the request or raise the limit');
  }
  if (memoryRequest > memoryLimit) {
    site.at('requests.memory').fail(resources.requests.memory, `is more than limits.memory "${resources.limits.memory}"`, 'lower the request or raise the limit');
  }
  const gpus = resources.gpus ?? 0;
  if (!Number.isInteger(gpus) || gpus < 0) {
    site.at('gpus').fail(gpus, 'must be a whole number of GPUs (extended resources cannot be split)',
      'request 1 and share GPUs by NVIDIA time-slicing on the pool instead of fractions');
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
    requests[GPU_RESOURCE] = k8s.Quantity.fromNumber(gpus);
    limits[GPU_RESOURCE] = k8s.Quantity.fromNumber(gpus);
  }
  return { spec: { requests, limits }, demand: { cpuMillicores: cpuRequest, memoryBytes: memoryRequest, gpus } };
}
