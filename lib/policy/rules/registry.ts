import { clusterScopeCheck } from './cluster-scope-check';
import { defaultDenyCheck } from './default-deny-check';
import { metadataUnreachableCheck } from './metadata-unreachable-check';
import { openNetworkPolicyCheck } from './open-network-policy-check';
import { imagePinCheck } from './image-pin-check';
import { PolicyCheck } from '../policy-check';
import { podSecurityCheck } from './pod-security-check';
import { privilegedPodsGrantCheck } from './privileged-pods-grant-check';
import { probesCheck } from './probes-check';
import { roleBindingCheck } from './role-binding-check';
import { rbacCheck } from './rbac-check';
import { resourcesCheck } from './resources-check';
import { disruptionBudgetCheck } from './disruption-budget-check';
import { hpaReplicasCheck } from './hpa-replicas-check';
import { hpaTargetCheck } from './hpa-target-check';
import { secretValuesCheck } from './secret-values-check';
import { selectorCheck } from './selector-check';
import { numericUserCheck } from './numeric-user-check';
import { budgetEvictionCheck } from './budget-eviction-check';
import { probePortCheck } from './probe-port-check';
import { governingServiceCheck } from './governing-service-check';
import { externalServiceCheck } from './external-service-check';
import { policyPortsCheck } from './policy-ports-check';
import { claimTemplatesCheck } from './claim-templates-check';
import { allocatableCheck } from './allocatable-check';
import { namespaceOwnedCheck } from './namespace-owned-check';
import { poolCapacityCheck } from './pool-capacity-check';
import { untrustedCodeCheck } from './untrusted-code-check';

/** Every rule the synth holds each platform to, in report order. */
export const POLICY_CHECKS: readonly PolicyCheck[] = [
  podSecurityCheck,
  defaultDenyCheck,
  openNetworkPolicyCheck,
  metadataUnreachableCheck,
  rbacCheck,
  secretValuesCheck,
  imagePinCheck,
  resourcesCheck,
  probesCheck,
  disruptionBudgetCheck,
  hpaReplicasCheck,
  hpaTargetCheck,
  selectorCheck,
  clusterScopeCheck,
  numericUserCheck,
  budgetEvictionCheck,
  probePortCheck,
  governingServiceCheck,
  externalServiceCheck,
  policyPortsCheck,
  claimTemplatesCheck,
  allocatableCheck,
  roleBindingCheck,
  privilegedPodsGrantCheck,
  untrustedCodeCheck,
  namespaceOwnedCheck,
  poolCapacityCheck,
];
