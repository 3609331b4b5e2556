import { AddonNeed } from '../core/addon-needs';
import { Site } from '../core/errors';

/** NLB TCP listener idle timeout bounds, in seconds (AWS ListenerAttribute tcp.idle_timeout.seconds). */
const NLB_IDLE_TIMEOUT = { min: 60, max: 6000 } as const;

export interface AwsNlbOptions {
  /**
   * Idle timeout of each TCP listener: how long a quiet connection (a WebSocket between
   * keystrokes) stays open. TLS is then ended in the pods: a TLS listener's timeout is fixed at 350 s.
   */
  readonly idleTimeoutSeconds: number;
  /** @default "internet-facing" */
  readonly scheme?: 'internet-facing' | 'internal';
}

/**
 * The cloud load balancer in front of a Service of type LoadBalancer, as the annotations its
 * controller reads. `awsNlb` is for the AWS Load Balancer Controller (an EKS add-on): a Network
 * Load Balancer sending to pod IPs, with one idle-timeout attribute per listener port.
 */
export class CloudLoadBalancer {
  static awsNlb(options: AwsNlbOptions): CloudLoadBalancer {
    return new CloudLoadBalancer('AWS Load Balancer Controller', { addon: 'aws-load-balancer-controller' }, (site, ports, keepClientAddress) => {
      const timeout = options.idleTimeoutSeconds;
      if (!Number.isInteger(timeout) || timeout < NLB_IDLE_TIMEOUT.min || timeout > NLB_IDLE_TIMEOUT.max) {
        site
          .at('idleTimeoutSeconds')
          .fail(
            timeout,
            `must be a whole number of seconds from ${NLB_IDLE_TIMEOUT.min} to ${NLB_IDLE_TIMEOUT.max} (an NLB TCP listener's idle timeout)`,
            'e.g. 3600 for long-lived WebSockets',
          );
      }
      const annotations: Record<string, string> = {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': options.scheme ?? 'internet-facing',
      };
      for (const port of ports) {
        annotations[`service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-${port}`] = `tcp.idle_timeout.seconds=${timeout}`;
      }
      // An NLB sending to pod IPs hides the client behind its own address unless told otherwise
      // (target group attribute preserve_client_ip.enabled, off by default for IP targets).
      if (keepClientAddress) annotations['service.beta.kubernetes.io/aws-load-balancer-target-group-attributes'] = 'preserve_client_ip.enabled=true';
      return annotations;
    });
  }

  private constructor(
    /** What reads the annotations; the cluster must run it. */
    readonly controller: string,
    /** The add-on that controller is, which the build installs or the cluster declares provided. */
    readonly addon: AddonNeed,
    private readonly build: (site: Site, ports: readonly number[], keepClientAddress: boolean) => Record<string, string>,
  ) {}

  /**
   * The Service annotations for these listener ports; `site` is the Service's `loadBalancer`
   * field. `keepClientAddress`: only some clients may connect, so the pods must see their address.
   */
  annotations(site: Site, ports: readonly number[], keepClientAddress: boolean = false): Record<string, string> {
    return this.build(site, ports, keepClientAddress);
  }
}
