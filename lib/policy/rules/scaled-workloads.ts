import { Manifest } from '../../core/manifest';
import { PolicyContext } from '../policy-check';
import { manifestIndex } from '../manifest-index';

/** Kinds whose replica count a budget or an HPA is about. */
export const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** The HorizontalPodAutoscaler that scales this workload, if any. */
export function hpaOf(m: Manifest, { manifests }: PolicyContext): Manifest | undefined {
  return manifestIndex(manifests).hpaOf(m);
}
