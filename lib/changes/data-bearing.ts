import { DistObject } from '../output/dist-objects';

/**
 * Objects whose removal loses data: a claim (its volume goes with it), a StatefulSet with claim
 * templates (a replacement starts on new, empty claims), a CRD (its custom resources go with it),
 * and a namespace that holds either of the first two (deleting it deletes them).
 * `others` are the objects of the same tree, to see what a namespace holds.
 */
export function dataBearingReason(o: DistObject, others: Iterable<DistObject>): string | undefined {
  switch (o.kind) {
    case 'PersistentVolumeClaim':
      return 'a claim: its volume is deleted with it';
    case 'PersistentVolume':
      return 'a volume: it holds the data';
    case 'CustomResourceDefinition':
      return 'a CRD: every custom resource of its kind goes with it';
    case 'StatefulSet':
      return hasClaimTemplates(o) ? 'a StatefulSet with claim templates: a replacement starts on new, empty claims' : undefined;
    case 'Namespace': {
      const held = [...others].filter(
        (x) => x.platform === o.platform && x.namespace === o.name && (x.kind === 'PersistentVolumeClaim' || hasClaimTemplates(x)),
      );
      return held.length > 0 ? `a namespace holding ${held.map((x) => `${x.kind} ${x.name}`).join(', ')}: deleting it deletes their data` : undefined;
    }
    default:
      return undefined;
  }
}

function hasClaimTemplates(o: DistObject): boolean {
  return o.kind === 'StatefulSet' && Array.isArray(o.object.spec?.volumeClaimTemplates) && o.object.spec.volumeClaimTemplates.length > 0;
}
