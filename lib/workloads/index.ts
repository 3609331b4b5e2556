/**
 * Secure-by-default containers and pods, and the workloads built from them: WebService,
 * StatefulStore, ScheduledJob, SessionTemplates, PostgresDatabase.
 *
 * Public API of lib/workloads: every file here is listed, except the internal ones named in
 * test/package/exports.test.ts.
 *
 * @packageDocumentation
 */
export * from './cloud-identity';
export * from './config-map';
export * from './container';
export * from './cron-schedule';
export * from './env';
export * from './etcd-snapshot-job';
export * from './image-catalog';
export * from './node-daemon';
export * from './pod';
export * from './pod-group';
export * from './pod-identity';
export * from './postgres';
export * from './probe';
export * from './scheduled-job';
export * from './service-clients';
export * from './service-target';
export * from './session-grant';
export * from './session-templates';
export * from './stateful-store';
export * from './volume';
export * from './web-service';
export * from './workload';
export * from './workload-services';
export * from './disruption-budget';
export * from './pod-settings';
export * from './port-range';
export * from './user-ids';
export * from './load-balancer';
