import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { checkDnsSubdomain, checkLabelKey } from '../core/names';

/** Spread a workload's pods over nodes or zones. */
export interface TopologySpread {
  /** Node label that names the domain, e.g. "topology.kubernetes.io/zone" or "kubernetes.io/hostname". */
  readonly topologyKey: string;
  /** Largest allowed difference in pod count between two domains. @default 1 */
  readonly maxSkew?: number;
  /** @default "ScheduleAnyway" (a preference: a full zone does not stop a rollout) */
  readonly whenUnsatisfiable?: 'DoNotSchedule' | 'ScheduleAnyway';
}

/**
 * At most one pod a node more than on any other, counted over the nodes the placement selects
 * (nodeAffinityPolicy Honor, the default), never relaxed: N replicas on at least N nodes land
 * on N different nodes.
 */
export const ONE_PER_NODE: TopologySpread = { topologyKey: 'kubernetes.io/hostname', maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' };

/** Scheduling and lifecycle settings of a pod that need no privileges. */
export interface PodSettings {
  /** A PriorityClass by name (see `PriorityClass`). @default the cluster's default priority */
  readonly priorityClassName?: string;
  /** A RuntimeClass by name (see `RuntimeClass`), e.g. gVisor or Kata. @default the node's default runtime */
  readonly runtimeClassName?: string;
  /** Spread the pods over domains; the pod selector is the owner's. @default none */
  readonly topologySpread?: readonly TopologySpread[];
  /** @default 30 */
  readonly terminationGracePeriodSeconds?: number;
  /** @default "ClusterFirst", or "ClusterFirstWithHostNet" with hostNetwork (host-network pods still resolve cluster names) */
  readonly dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  /** Secrets (kubernetes.io/dockerconfigjson, by name) the kubelet pulls private images with. @default none */
  readonly imagePullSecrets?: readonly string[];
}

/** The checked pod-spec fields of `settings`; spread constraints get their label selector from the owner. */
export function buildPodSettings(
  site: Site,
  settings: PodSettings,
  hostNetwork: boolean,
): {
  priorityClassName?: string;
  runtimeClassName?: string;
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
  topologySpreadConstraints?: k8s.TopologySpreadConstraint[];
  imagePullSecrets?: k8s.LocalObjectReference[];
} {
  if (settings.priorityClassName !== undefined) checkDnsSubdomain(site.at('priorityClassName'), settings.priorityClassName);
  if (settings.runtimeClassName !== undefined) checkDnsSubdomain(site.at('runtimeClassName'), settings.runtimeClassName);
  const pullSecrets = (settings.imagePullSecrets ?? []).map((name, i) => ({ name: checkDnsSubdomain(site.at('imagePullSecrets').at(i), name) }));
  const grace = settings.terminationGracePeriodSeconds;
  if (grace !== undefined && (!Number.isInteger(grace) || grace < 0)) {
    site.at('terminationGracePeriodSeconds').fail(grace, 'must be a whole number of seconds of at least 0', 'e.g. 30');
  }
  if (settings.dnsPolicy === 'ClusterFirst' && hostNetwork) {
    site
      .at('dnsPolicy')
      .fail(
        settings.dnsPolicy,
        'makes a host-network pod resolve names through the node, not cluster DNS',
        'leave dnsPolicy out: host-network pods get ClusterFirstWithHostNet',
      );
  }
  const spread = (settings.topologySpread ?? []).map((t, i) => {
    checkLabelKey(site.at('topologySpread').at(i).at('topologyKey'), t.topologyKey);
    const skew = t.maxSkew ?? 1;
    if (!Number.isInteger(skew) || skew < 1)
      site.at('topologySpread').at(i).at('maxSkew').fail(skew, 'must be a whole number of at least 1', 'e.g. maxSkew: 1');
    return { topologyKey: t.topologyKey, maxSkew: skew, whenUnsatisfiable: t.whenUnsatisfiable ?? 'ScheduleAnyway' };
  });
  return {
    priorityClassName: settings.priorityClassName,
    runtimeClassName: settings.runtimeClassName,
    terminationGracePeriodSeconds: grace,
    dnsPolicy: settings.dnsPolicy ?? (hostNetwork ? 'ClusterFirstWithHostNet' : undefined),
    topologySpreadConstraints: spread.length > 0 ? spread : undefined,
    imagePullSecrets: pullSecrets.length > 0 ? pullSecrets : undefined,
  };
}
