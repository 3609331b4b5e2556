/**
 * CustomResourceDefinitions written in TypeScript.
 *
 * Public API of lib/crds: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './custom-resource-definition';
export * from './crd-version-checks';
