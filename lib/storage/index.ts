/**
 * Storage classes, snapshot classes and claim templates.
 *
 * Public API of lib/storage: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './claim-template';
export * from './snapshot-class';
export * from './storage-class';
