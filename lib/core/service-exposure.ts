import { IConstruct } from 'constructs';

/** A port a Service sends outside traffic to, on the pods' side. */
export interface ExposedPort {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
}

/**
 * A Service opened outside the cluster (LoadBalancer or NodePort) and who its clients are, as the
 * workload that made it records it. The platform build reads it back (exposuresIn): it refuses a
 * LoadBalancer the cluster cannot serve and writes the policy that admits the clients.
 */
export interface ServiceExposure {
  /** The construct path of the Service, for errors. */
  readonly path: string;
  readonly service: string;
  readonly namespace: string;
  readonly type: 'LoadBalancer' | 'NodePort';
  /** The labels of the pods behind it. */
  readonly selector: Readonly<Record<string, string>>;
  /** The container ports its ports send to, in the Service's order. */
  readonly ports: readonly ExposedPort[];
  readonly clients: {
    readonly name: string;
    readonly kind: string;
    readonly blocks: readonly { readonly cidr: string; readonly except: readonly string[] }[];
    readonly restricted: boolean;
  };
  /** The address it asks its load balancer for. @default any */
  readonly address?: string;
  /** The address pool it asks for. @default the implementation's choice */
  readonly addressPool?: string;
  /** The cloud controller its load balancer settings are for, if any. */
  readonly cloudController?: string;
}

const SERVICE_EXPOSURE = 'k8s-platforms/service-exposure';

/** Records that `scope` opened a Service outside the cluster. */
export function exposeService(scope: IConstruct, exposure: ServiceExposure): void {
  scope.node.addMetadata(SERVICE_EXPOSURE, exposure);
}

/** Every Service exposure recorded under `root`, with the construct that recorded it (where its policy goes). */
export function exposuresIn(root: IConstruct): { readonly scope: IConstruct; readonly exposure: ServiceExposure }[] {
  return root.node
    .findAll()
    .flatMap((scope) => scope.node.metadata.filter((m) => m.type === SERVICE_EXPOSURE).map((m) => ({ scope, exposure: m.data as ServiceExposure })));
}
