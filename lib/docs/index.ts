/**
 * Generated docs of each build: object inventory, placement table, network flows, its Kubernetes
 * and Flux versions, and the upgrade report.
 *
 * @packageDocumentation
 */
export * from './flow-diagram';
export * from './network-flows';
export * from './placement-table';
export * from './platform-docs';
export * from './versions-section';
export * from './port-spans';
