/**
 * k8s-platforms: typed cdk8s constructs that turn a platform description into checked,
 * deterministic YAML for Flux. Everything is exported from the package root, layer by layer
 * (docs/using-the-library.md, "What the package holds"); the generated CRD classes sit under the
 * `imports` namespace. This repository's own platforms (platforms/) are its application, not part
 * of the package.
 *
 * @packageDocumentation
 */
export * from './core';
export * from './placement';
export * from './storage';
export * from './scaling';
export * from './crds';
export * from './workloads';
export * from './security';
export * from './ingress';
export * from './monitoring';
export * from './addons';
export * from './policy';
export * from './flux';
export * from './output';
export * from './docs';
export * from './changes';
export * from './publish';
export * from './pipeline';
export * from './cli';
export * as imports from './crd-imports';
