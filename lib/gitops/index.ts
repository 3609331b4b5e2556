/**
 * Platforms, layers and the synth pipeline: object collection, the dist/ layout, the checked
 * swap, Flux entry points, prune protection, the shrink guard, the change summary and diff, and
 * the generated platform docs (inventory, placement, network flows).
 *
 * Public API of lib/gitops: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './bootstrap-files';
export * from './cdk8s-output';
export * from './change-report';
export * from './closure';
export * from './collect';
export * from './committed-tree';
export * from './data-bearing';
export * from './destructive-changes';
export * from './dist-objects';
export * from './docs-publish';
export * from './entry-points';
export * from './field-diff';
export * from './flow-diagram';
export * from './flux-alerts';
export * from './flux-entry-point';
export * from './git-source';
export * from './layer';
export * from './layout';
export * from './network-flows';
export * from './object-changes';
export * from './placement-table';
export * from './platform';
export * from './platform-docs';
export * from './prune-protection';
export * from './publish';
export * from './publish-error';
export * from './run-synth';
export * from './shrink-guard';
export * from './synth';
export * from './synth-lock';
