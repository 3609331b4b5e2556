/**
 * The only disk writer: the journaled, checked swap of dist/, kustomization/ and the report, the
 * synth lock, the shrink guard against the baseline, and the generated docs' publish.
 *
 * @packageDocumentation
 */
export * from './bootstrap-files';
export * from './committed-tree';
export * from './dist-record';
export * from './publish-error';
export * from './publish';
export * from './shrink-guard';
export * from './synth-lock';
