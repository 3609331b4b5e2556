/**
 * HorizontalPodAutoscaler, cluster-autoscaler settings and capacity planning.
 *
 * Public API of lib/scaling: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './capacity-plan';
export * from './cluster-autoscaler';
export * from './horizontal-autoscaler';
