import { checkListOfObjects } from '../core/shapes';
import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { PodFeature } from '../placement/capacity';
import { PodPlacement } from '../placement/node-pool';
import { PodSecurityLevel, requiredPodSecurityLevel } from '../core/pod-security';
import { buildContainer, checkExceptionReason, ContainerProps, PrivilegedException } from './container';
import { checkUserId, DEFAULT_RUN_AS_GROUP, DEFAULT_RUN_AS_USER } from './user-ids';
import { buildPodSettings, PodSettings } from './pod-settings';
import { Volume } from './volume';

export interface PodProps extends PodSettings {
  /**
   * Where the pod runs: a node pool (nodeSelector, tolerations, architecture) or a selection of
   * static nodes by label (StaticNodes.withLabels).
   */
  readonly pool: PodPlacement;
  readonly containers: readonly ContainerProps[];
  /** @default none */
  readonly initContainers?: readonly ContainerProps[];
  /** @default none */
  readonly volumes?: readonly Volume[];
  /**
   * Numeric user the pod's non-root containers run as. Always written: the kubelet refuses
   * `runAsNonRoot` for an image whose USER is a name. @default DEFAULT_RUN_AS_USER (65532)
   */
  readonly runAsUser?: number;
  /** Numeric primary group of the pod's non-root containers. @default DEFAULT_RUN_AS_GROUP (65532) */
  readonly runAsGroup?: number;
  /** Group that owns mounted volumes. @default none */
  readonly fsGroup?: number;
  /** Mount the service-account token; only for pods that call the Kubernetes API. @default false */
  readonly automountServiceAccountToken?: boolean;
  /**
   * Annotations of the pod template, for what reads them from the pod: a service mesh's sidecar
   * settings, a scraper's port, a tool's opt-out. Changing one rolls the pods. @default none
   */
  readonly podAnnotations?: Readonly<Record<string, string>>;
  /**
   * Share the node's network namespace (e.g. to reach etcd on 127.0.0.1). Needs a reason, like
   * privileged containers. @default the pod's own network
   */
  readonly hostNetwork?: PrivilegedException;
}

export interface BuiltPod {
  readonly spec: k8s.PodSpec;
  /** Labels the pod must carry for its placement (serverless profiles select by pod label). */
  readonly placementLabels: Record<string, string>;
  /**
   * Why the pod cannot pass Pod Security `restricted` (privileged containers, host paths, host
   * network), one line each; empty for a restricted pod. The owner declares them as an exception.
   */
  readonly podSecurityExceptions: readonly string[];
  /** The strictest Pod Security level that admits the pod. */
  readonly podSecurity: PodSecurityLevel;
}

/**
 * A pod spec that passes Pod Security `restricted` and is placed on its pool. `claimNames` are
 * volume names provided outside the pod spec (StatefulSet claim templates).
 */
export function buildPodSpec(
  site: Site,
  props: PodProps,
  serviceAccountName: string,
  claimNames: readonly string[] = [],
  namespace?: string,
): BuiltPod {
  checkListOfObjects(site.at('containers'), props.containers);
  checkListOfObjects(site.at('initContainers'), props.initContainers, false);
  checkListOfObjects(site.at('volumes'), props.volumes, false);
  if (props.containers.length === 0) {
    site.at('containers').fail([], 'must list at least one container', 'add the application container');
  }
  const containers = props.containers.map((c, i) => buildContainer(site.at('containers').at(i), c));
  const initContainers = (props.initContainers ?? []).map((c, i) => buildContainer(site.at('initContainers').at(i), c));
  const volumes = props.volumes ?? [];

  checkUnique(
    site.at('containers'),
    [...containers, ...initContainers].map((c) => c.container.name),
    'container name',
  );
  checkUnique(site.at('volumes'), [...volumes.map((v) => v.name), ...claimNames], 'volume name');
  checkUnique(
    site.at('containers'),
    containers.flatMap((c) => c.container.ports ?? []).map((p) => p.name!),
    'port name',
  );
  checkUniquePorts(
    site.at('containers'),
    containers.map((c) => c.container),
  );
  const runAsUser = props.runAsUser === undefined ? undefined : checkUserId(site.at('runAsUser'), props.runAsUser);
  const runAsGroup = props.runAsGroup === undefined ? undefined : checkUserId(site.at('runAsGroup'), props.runAsGroup);
  const fsGroup = props.fsGroup === undefined ? undefined : checkUserId(site.at('fsGroup'), props.fsGroup);
  // Pods whose every container runs as root get no default user: it would apply to none of them.
  const someNonRoot = [...containers, ...initContainers].some((c) => c.container.securityContext?.runAsNonRoot === true);
  const known = new Set([...volumes.map((v) => v.name), ...claimNames]);
  [...containers, ...initContainers].forEach(({ container }, i) => {
    (container.volumeMounts ?? []).forEach((mount, j) => {
      if (!known.has(mount.name)) {
        site
          .at('containers')
          .at(i)
          .at('volumeMounts')
          .at(j)
          .at('volume')
          .fail(mount.name, 'names no volume of the pod', `declare it in volumes, or mount one of: ${[...known].join(', ') || '(none declared)'}`);
      }
    });
  });

  // Effective pod request: the sum of the app containers, or the largest init container if bigger.
  const sum = (key: 'cpuMillicores' | 'memoryBytes' | 'gpus') =>
    Math.max(
      containers.reduce((total, c) => total + c.demand[key], 0),
      ...initContainers.map((c) => c.demand[key]),
    );
  const exceptions = [
    ...[...initContainers, ...containers].flatMap((c) => c.podSecurityExceptions),
    ...volumes.filter((v) => v.exceptionReason).map((v) => `volume ${v.name} is a host path: ${v.exceptionReason}`),
  ];
  const hostNetworkReason =
    props.hostNetwork === undefined
      ? undefined
      : checkExceptionReason(site.at('hostNetwork'), props.hostNetwork, 'write hostNetwork: { reason: "why the pod needs the node\'s network" }');
  const settings = buildPodSettings(site, props, hostNetworkReason !== undefined);
  if (hostNetworkReason) exceptions.push(`the pod uses the host network: ${hostNetworkReason}`);
  const features = new Set<PodFeature>();
  if (sum('gpus') > 0) features.add(PodFeature.GPU);
  if ([...containers, ...initContainers].some((c) => c.privileged)) features.add(PodFeature.PRIVILEGED);
  if (hostNetworkReason) features.add(PodFeature.HOST_NETWORK);
  if (settings.runtimeClassName) features.add(PodFeature.RUNTIME_CLASS);
  const neverPulledImages = [
    ...initContainers.map((c, i) => ({ field: `initContainers[${i}].image`, container: c.container })),
    ...containers.map((c, i) => ({ field: `containers[${i}].image`, container: c.container })),
  ]
    .filter(({ container }) => container.imagePullPolicy === 'Never')
    .map(({ field, container }) => ({ field, image: container.image! }));
  const images = [
    ...initContainers.map((c, i) => ({ field: `initContainers[${i}].image`, ref: c.container.image!, architectures: c.architectures })),
    ...containers.map((c, i) => ({ field: `containers[${i}].image`, ref: c.container.image!, architectures: c.architectures })),
  ];
  // A host-network pod takes every port it listens on from its node.
  const hostPorts = hostNetworkReason
    ? containers.flatMap((c) => c.container.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' }))
    : [];
  const demand = {
    cpuMillicores: sum('cpuMillicores'),
    memoryBytes: sum('memoryBytes'),
    gpus: sum('gpus'),
    features,
    namespace,
    neverPulledImages,
    images,
    hostPorts,
  };
  if (typeof props.pool?.place !== 'function') {
    site.at('pool').fail(props.pool, 'must be a node pool of this cluster', 'pass one of the cluster\'s pools, e.g. pools.get("general")');
  }
  const placement = props.pool.place(site, demand);

  const spec: k8s.PodSpec = {
    serviceAccountName,
    automountServiceAccountToken: props.automountServiceAccountToken ?? false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: runAsUser ?? (someNonRoot ? DEFAULT_RUN_AS_USER : undefined),
      runAsGroup: runAsGroup ?? (someNonRoot ? DEFAULT_RUN_AS_GROUP : undefined),
      fsGroup,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    hostNetwork: hostNetworkReason ? true : undefined,
    dnsPolicy: settings.dnsPolicy,
    priorityClassName: settings.priorityClassName,
    runtimeClassName: settings.runtimeClassName,
    nodeSelector: placement.nodeSelector,
    tolerations: placement.tolerations,
    topologySpreadConstraints: settings.topologySpreadConstraints,
    terminationGracePeriodSeconds: settings.terminationGracePeriodSeconds,
    imagePullSecrets: settings.imagePullSecrets,
    initContainers: initContainers.length > 0 ? initContainers.map((c) => c.container) : undefined,
    containers: containers.map((c) => c.container),
    volumes: volumes.length > 0 ? volumes.map((v) => v.spec) : undefined,
  };
  return { spec, placementLabels: placement.podLabels, podSecurityExceptions: exceptions, podSecurity: requiredPodSecurityLevel(spec) };
}

function checkUnique(site: Site, names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) site.fail(name, `repeats the ${what} "${name}"`, `give every ${what} in the pod its own name`);
    seen.add(name);
  }
}

/** Containers of a pod share one network namespace: two cannot listen on one port. */
function checkUniquePorts(site: Site, containers: readonly k8s.Container[]): void {
  const seen = new Map<string, string>();
  containers.forEach((c, i) =>
    (c.ports ?? []).forEach((p, j) => {
      const key = `${p.containerPort}/${p.protocol ?? 'TCP'}`;
      const first = seen.get(key);
      if (first) {
        site
          .at(i)
          .at('ports')
          .at(j)
          .at('port')
          .fail(
            p.containerPort,
            `repeats port ${key} of container ${first} (the containers of a pod share one network)`,
            'give each container its own port number',
          );
      }
      seen.set(key, c.name);
    }),
  );
}
