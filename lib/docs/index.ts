/**
 * Generated docs of each build: object inventory, placement table and network flows.
 *
 * @packageDocumentation
 */
export * from './flow-diagram';
export * from './network-flows';
export * from './placement-table';
export * from './platform-docs';
export * from './port-spans';
