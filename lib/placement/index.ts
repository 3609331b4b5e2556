/**
 * Node pools (instance type, capacity kind, labels, taints, size bounds, GPU time-slicing) and
 * where pods land on them.
 *
 * Public API of lib/placement: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './capacity';
export * from './gpu-sharing';
export * from './image-architectures';
export * from './instance-types';
export * from './node-reservations';
export * from './node-pool';
export * from './node-pool-inventory';
export * from './static-nodes';
export * from './priority-class';
export * from './runtime-class';
