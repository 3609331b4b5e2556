/**
 * What a synth changes: the object diff, destructive changes, data-bearing objects and the change report.
 *
 * @packageDocumentation
 */
export * from './change-report';
export * from './data-bearing';
export * from './destructive-changes';
export * from './field-diff';
export * from './object-changes';
