import { PodGroup } from './pod-group';

/**
 * Anything a route, a monitor or a network rule points at: pods this project emits, behind a
 * Service with named ports. Workloads (WebService, StatefulStore) and the constructs built on
 * them (PostgresDatabase) are service targets.
 */
export interface ServiceTarget extends PodGroup {
  /** The Service's name: what routes and clients address (`http://<serviceName>:<port>`). */
  readonly serviceName: string;
  /** The number of the Service port with this name; fails with the target's port names. */
  servicePort(name: string): number;
}
