/**
 * Ingress controllers, the cert-manager ACME issuer, WebIngress and Istio routing.
 *
 * Public API of lib/ingress: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './acme-issuer';
export * from './ingress-controller';
export * from './istio';
export * from './route-backends';
export * from './web-ingress';
