import { CloudIdentity } from './cloud-identity';
import { Volume } from './volume';

/** A set of pods that other objects select: Services, NetworkPolicies, disruption budgets. */
export interface PodGroup {
  readonly name: string;
  readonly namespace: string;
  /** Labels that select exactly these pods. */
  readonly selector: Readonly<Record<string, string>>;
}

/** Secrets mounted from an external store (Azure Key Vault, AWS Secrets Manager, ...). */
export interface SecretStoreAccess {
  /** Volume name to mount. */
  readonly volumeName: string;
  readonly volumeSpec: Volume;
  readonly mountPath: string;
  /** The identity the pods read the store as (e.g. Azure workload identity). */
  readonly identity: CloudIdentity;
}
