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
  /** Labels the pod needs, e.g. for workload identity. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Annotations the service account needs, e.g. the identity's client id. */
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
}
