import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { checkBytes } from '../core/quantity';

export interface ClaimTemplateProps {
  /** Claim (and volume) name, DNS label. */
  readonly name: string;
  /** Requested size, e.g. "5Gi". */
  readonly size: string;
  readonly storageClass: string;
  /** @default ["ReadWriteOnce"] */
  readonly accessModes?: readonly ('ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod')[];
}

/** A PersistentVolumeClaim template, checked: name, size, storage class. */
export function buildClaimTemplate(site: Site, props: ClaimTemplateProps): k8s.KubePersistentVolumeClaimProps {
  checkDnsLabel(site.at('name'), props.name);
  checkBytes(site.at('size'), props.size);
  checkDnsSubdomain(site.at('storageClass'), props.storageClass);
  return {
    metadata: { name: props.name },
    spec: {
      accessModes: [...(props.accessModes ?? ['ReadWriteOnce'])],
      storageClassName: props.storageClass,
      resources: { requests: { storage: k8s.Quantity.fromString(props.size) } },
    },
  };
}
