import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';

export interface ProbeTiming {
  /** @default 0 */
  readonly initialDelaySeconds?: number;
  /** @default 10 */
  readonly periodSeconds?: number;
  /** @default 1 */
  readonly timeoutSeconds?: number;
  /** @default 3 */
  readonly failureThreshold?: number;
}

/** A readiness, liveness or startup probe. */
export class Probe {
  static httpGet(path: string, port: number | string, timing: ProbeTiming = {}): Probe {
    return new Probe({ httpGet: { path, port: intOrString(port) }, ...timing });
  }
  static tcpSocket(port: number | string, timing: ProbeTiming = {}): Probe {
    return new Probe({ tcpSocket: { port: intOrString(port) }, ...timing });
  }
  static exec(command: readonly string[], timing: ProbeTiming = {}): Probe {
    return new Probe({ exec: { command: [...command] }, ...timing });
  }
  private constructor(private readonly spec: k8s.Probe) {}

  /** The port an httpGet or tcpSocket probe connects to, as given; undefined for exec. */
  get port(): number | string | undefined {
    return (this.spec.httpGet ?? this.spec.tcpSocket)?.port?.value;
  }

  toK8s(): k8s.Probe {
    return { ...this.spec };
  }
}

export function intOrString(value: number | string): k8s.IntOrString {
  return typeof value === 'number' ? k8s.IntOrString.fromNumber(value) : k8s.IntOrString.fromString(value);
}

/**
 * A probe connects to a port its container declares, by name or number: anything else fails
 * forever (never ready, or restarted in a loop). `site` is the probe's `port` field.
 */
export function checkProbePort(site: Site, probe: Probe, ports: readonly { name?: string; containerPort: number }[]): void {
  const port = probe.port;
  if (port === undefined) return;
  if (ports.some((p) => p.name === port || p.containerPort === port)) return;
  const declared = ports.map((p) => `"${p.name}" (${p.containerPort})`).join(', ');
  site.fail(port, 'is no port the container declares', declared ? `probe one of: ${declared}` : "declare the port in the container's ports first");
}
