/**
 * What Flux reconciles: platforms and their layers, the Flux entry point of each build (sources,
 * Kustomizations, alerts), and prune protection for data-bearing objects.
 *
 * @packageDocumentation
 */
export * from './flux-alerts';
export * from './flux-entry-point';
export * from './git-source';
export * from './layer';
export * from './platform';
export * from './service-clients-policy';
export * from './prune-protection';
