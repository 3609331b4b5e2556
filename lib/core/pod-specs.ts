import { Manifest } from './manifest';

/** A pod spec found inside an object, with the field path that leads to it. */
export interface FoundPodSpec {
  readonly field: string;
  readonly spec: Record<string, any>;
  /** Labels of the pods it makes. */
  readonly labels: Readonly<Record<string, string>>;
  /** Annotations of the pods it makes (AppArmor profiles live there in 1.28). */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Where each kind keeps its pod template; Pod Security Admission only sees the Pods these create. */
const TEMPLATE_PATHS: Record<string, readonly string[]> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Kinds whose pods run to completion: no probes expected. */
export const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);

export function podSpecOf(m: Manifest): FoundPodSpec | undefined {
  const path = TEMPLATE_PATHS[m.kind];
  if (!path) return undefined;
  const template = path.reduce<any>((node, key) => node?.[key], m.object);
  if (!template?.spec) return undefined;
  return {
    field: [...path, 'spec'].join('.'),
    spec: template.spec,
    labels: template.metadata?.labels ?? {},
    annotations: template.metadata?.annotations ?? {},
  };
}

/** Every container of a pod spec with the field that names it. */
export function containersOf(
  found: FoundPodSpec,
  groups: readonly string[] = ['initContainers', 'containers'],
): { field: string; container: Record<string, any> }[] {
  return groups.flatMap((group) =>
    (found.spec[group] ?? []).map((container: Record<string, any>, i: number) => ({ field: `${found.field}.${group}[${i}]`, container })),
  );
}

/** Does a label selector (matchLabels / matchExpressions, or a plain map) select these labels? */
export function selects(selector: Record<string, any> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false;
  const matchLabels: Record<string, string> = selector.matchLabels ?? (selector.matchExpressions ? {} : selector);
  const byLabels = Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e: { key: string; operator: string; values?: string[] }) => {
    const has = e.key in labels;
    switch (e.operator) {
      case 'In':
        return has && (e.values ?? []).includes(labels[e.key]);
      case 'NotIn':
        return !has || !(e.values ?? []).includes(labels[e.key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
  return byLabels && byExpressions;
}
