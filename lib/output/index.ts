/**
 * Objects to files: collecting a build's objects, the dist/ and kustomization/ layouts (the one
 * owner of the dist/ path format), the YAML writer, and reading a tree back as objects.
 *
 * @packageDocumentation
 */
export * from './cdk8s-output';
export * from './collect';
export * from './dist-objects';
export * from './dropped-fields';
export * from './entry-points';
export * from './file-tree';
export * from './findings-files';
export * from './layout';
