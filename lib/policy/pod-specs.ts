import { Manifest } from '../gitops/collect';

/** A pod spec found inside an object, with the field path that leads to it. */
export interface FoundPodSpec {
  readonly field: string;
  readonly spec: Record<string, any>;
}

/** Where each kind keeps its pod spec; Pod Security Admission only sees the Pods these create. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function podSpecOf(m: Manifest): FoundPodSpec | undefined {
  const path = POD_SPEC_PATHS[m.kind];
  if (!path) return undefined;
  const spec = path.reduce<any>((node, key) => node?.[key], m.object);
  return spec ? { field: path.join('.'), spec } : undefined;
}
