/**
 * The checks every synthesized object passes (schema, placement, one file per policy rule) and
 * their report.
 *
 * Public API of lib/policy: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './rules/registry';
export * from './rules/cluster-scope-check';
export * from './rules/default-deny-check';
export * from './rules/metadata-unreachable-check';
export * from './rules/untrusted-code-check';
export * from './rules/open-network-policy-check';
export * from './rules/image-pin-check';
export * from './build/placement-check';
export * from './build/pool-capability-check';
export * from './rules/pod-security-check';
export * from './policy-check';
export * from './rules/privileged-pods-grant-check';
export * from './rules/probes-check';
export * from './rules/rbac-check';
export * from './report';
export * from './rules/resources-check';
export * from './rules/role-binding-check';
export * from './rules/scaled-workloads';
export * from './rules/spread-capacity';
export * from './rules/disruption-budget-check';
export * from './rules/hpa-replicas-check';
export * from './rules/hpa-target-check';
export * from './powerful-grants';
export * from './secret-scan-memory';
export * from './secret-scanner';
export * from './secret-content';
export * from './structured-secrets';
export * from './written-files-check';
export * from './rules/secret-values-check';
export * from './rules/selector-check';
export * from './verify';
export * from './verify-platforms';
export * from './rules/numeric-user-check';
export * from './rules/budget-eviction-check';
export * from './rules/probe-port-check';
export * from './rules/governing-service-check';
export * from './rules/external-service-check';
export * from './rules/policy-ports-check';
export * from './rules/claim-templates-check';
export * from './rules/allocatable-check';
export * from './build/closure';
export * from './build/flux-range';
export * from './build/object-values';
export * from './api-server/api-server-checks';
export * from './api-server/cluster-ports';
export * from './rules/namespace-owned-check';
export * from './rules/pool-capacity-check';
export * from './schema/validate-schemas';
export * from './upgrade/upgrade-report';
export * from './upgrade/field-findings';
