import { clusterScopeCheck } from './cluster-scope-check';
import { defaultDenyCheck } from './default-deny-check';
import { imagePinCheck } from './image-pin-check';
import { PolicyCheck } from './policy-check';
import { podSecurityCheck } from './pod-security-check';
import { privilegedPodsGrantCheck } from './privileged-pods-grant-check';
import { probesCheck } from './probes-check';
import { roleBindingCheck } from './role-binding-check';
import { rbacCheck } from './rbac-check';
import { resourcesCheck } from './resources-check';
import { disruptionBudgetCheck, hpaReplicasCheck } from './scaling-checks';
import { secretValuesCheck } from './secret-values-check';
import { selectorCheck } from './selector-check';

/** Every rule the synth holds each platform to, in report order. */
export const POLICY_CHECKS: readonly PolicyCheck[] = [
  podSecurityCheck, defaultDenyCheck, rbacCheck, secretValuesCheck, imagePinCheck, resourcesCheck, probesCheck,
  disruptionBudgetCheck, hpaReplicasCheck, selectorCheck, clusterScopeCheck,
  roleBindingCheck, privilegedPodsGrantCheck,
];
