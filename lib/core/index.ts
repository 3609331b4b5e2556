/**
 * The shared vocabulary of every layer: the one error type, name and quantity checks, the
 * Manifest type, label keys, the policy-exception annotation, Pod Security levels, environments,
 * Kubernetes versions.
 *
 * Public API of lib/core: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './duration';
export * from './environment';
export * from './construct-id';
export * from './errors';
export * from './exceptions';
export * from './image-reference';
export * from './promql';
export * from './kinds';
export * from './kubernetes-version';
export * from './labels';
export * from './manifest';
export * from './names';
export * from './not-secret';
export * from './pod-security';
export * from './quantity';
export * from './reasons';
export * from './replacement';
export * from './secrets';
export * from './addon-needs';
export * from './control-plane-needs';
export * from './service-exposure';
export * from './shapes';
export * from './pod-specs';
export * from './untrusted-code';
export * from './app-checks';
export * from './cidr';
