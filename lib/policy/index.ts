/**
 * The checks every synthesized object passes (schema, placement, one file per policy rule) and
 * their report.
 *
 * Public API of lib/policy: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './checks';
export * from './cluster-scope-check';
export * from './default-deny-check';
export * from './image-pin-check';
export * from './placement-check';
export * from './pool-capability-check';
export * from './pod-security-check';
export * from './pod-specs';
export * from './policy-check';
export * from './privileged-pods-grant-check';
export * from './probes-check';
export * from './rbac-check';
export * from './report';
export * from './resources-check';
export * from './role-binding-check';
export * from './scaling-checks';
export * from './secret-scanner';
export * from './secret-values-check';
export * from './selector-check';
export * from './verify';
export * from './verify-platforms';
export * from './numeric-user-check';
export * from './budget-eviction-check';
export * from './probe-port-check';
export * from './governing-service-check';
export * from './external-service-check';
export * from './policy-ports-check';
export * from './claim-templates-check';
export * from './allocatable-check';
export * from './object-values';
export * from './namespace-owned-check';
export * from './pool-capacity-check';
export * from './schema/validate-schemas';
