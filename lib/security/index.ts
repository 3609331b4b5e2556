/**
 * SecureNamespace, NetworkGraph, PodNetworkPolicy, RBAC and Azure Key Vault secrets.
 *
 * Public API of lib/security: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './azure-key-vault';
export * from './metadata-addresses';
export * from './namespace';
export * from './network-graph';
export * from './pod-network-policy';
export * from './port-rules';
export * from './rbac';
