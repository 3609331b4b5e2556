/**
 * Platforms, layers and the synth pipeline: object collection, the dist/ layout, the checked
 * swap, Flux entry points, prune protection and the shrink guard.
 *
 * Public API of lib/gitops: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './bootstrap-files';
export * from './closure';
export * from './collect';
export * from './entry-points';
export * from './flux-alerts';
export * from './flux-entry-point';
export * from './git-source';
export * from './layer';
export * from './layout';
export * from './platform';
export * from './prune-protection';
export * from './publish';
export * from './run-synth';
export * from './shrink-guard';
export * from './synth';
export * from './synth-lock';
