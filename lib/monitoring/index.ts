/**
 * ServiceMonitor and PrometheusRule constructs.
 *
 * Public API of lib/monitoring: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './alert-rules';
export * from './service-monitor';
