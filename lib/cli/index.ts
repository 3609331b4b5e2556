/**
 * The package's command line and its entry points into a cdk8s app: PlatformApp (whose
 * `app.synth()` runs the pipeline), the `k8s-platforms` command (bin.ts), the commands it runs,
 * and the cdk8s validation plugin (PlatformChecks).
 *
 * @packageDocumentation
 */
export * from './cdk8s-handoff';
export * from './chart-diff';
export * from './chart-render';
export * from './chart-sources';
export * from './charts-command';
export * from './command-request';
export * from './helm-binary';
export * from './helm-releases';
export * from './kubernetes-version';
export * from './platform-app';
export * from './project';
export * from './run-command';
export * from './under-cdk8s-cli';
export * from './validation-plugin';
