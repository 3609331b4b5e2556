import { CloudIdentity } from './cloud-identity';
import { Volume } from './volume';

/** A port the pods of a group listen on, as their containers declare it. */
export interface PodPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
}

/** A set of pods that other objects select: Services, NetworkPolicies, disruption budgets. */
export interface PodGroup {
  readonly name: string;
  readonly namespace: string;
  /** Labels that select exactly these pods. */
  readonly selector: Readonly<Record<string, string>>;
  /**
   * The named ports the pods' containers declare: what a NetworkPolicy of these pods opens when a
   * rule names a port (`network.allow(a, Peer.pods(b), ['http'])`). @default the pods declare none
   */
  readonly ports?: readonly PodPort[];
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
