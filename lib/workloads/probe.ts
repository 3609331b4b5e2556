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

export interface HttpProbeOptions extends ProbeTiming {
  /** Request headers, e.g. a Host the server routes by. @default none */
  readonly headers?: Readonly<Record<string, string>>;
  /** @default "HTTP" */
  readonly scheme?: 'HTTP' | 'HTTPS';
}

export interface GrpcProbeOptions extends ProbeTiming {
  /** The service name sent in the gRPC health check request (grpc.health.v1). @default the server's overall health ("") */
  readonly service?: string;
}

/** A header name as the API server takes it (k8s.io/apimachinery/pkg/util/validation IsHTTPHeaderName). */
const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;

/** A readiness, liveness or startup probe. */
export class Probe {
  static httpGet(path: string, port: number | string, options: HttpProbeOptions = {}): Probe {
    const { headers, scheme, ...timing } = options;
    const httpHeaders = headers && Object.entries(headers).map(([name, value]) => ({ name, value }));
    return new Probe({ httpGet: { path, port: intOrString(port), scheme, httpHeaders }, ...timing }, port);
  }
  static tcpSocket(port: number | string, timing: ProbeTiming = {}): Probe {
    return new Probe({ tcpSocket: { port: intOrString(port) }, ...timing }, port);
  }
  /**
   * The gRPC health checking protocol (grpc.health.v1.Health/Check), which the kubelet speaks
   * itself: the image needs no grpc_health_probe binary. A port name is written as its number,
   * since the API takes only a number here.
   */
  static grpc(port: number | string, options: GrpcProbeOptions = {}): Probe {
    const { service, ...timing } = options;
    return new Probe({ grpc: { port: typeof port === 'number' ? port : 0, service }, ...timing }, port);
  }
  static exec(command: readonly string[], timing: ProbeTiming = {}): Probe {
    return new Probe({ exec: { command: [...command] }, ...timing }, undefined);
  }
  private constructor(
    private readonly spec: k8s.Probe,
    /** The port an httpGet, tcpSocket or gRPC probe connects to, as given. */
    readonly port: number | string | undefined,
  ) {}

  /**
   * The probe as the API wants it, for a container with these ports (a gRPC probe's port name
   * becomes its number). `site` is the probe's field, where bad headers are refused.
   */
  toK8s(site: Site, ports: readonly { name?: string; containerPort: number }[]): k8s.Probe {
    (this.spec.httpGet?.httpHeaders ?? []).forEach((header) => {
      if (!HTTP_HEADER_NAME.test(header.name)) {
        site.at('headers').fail(header.name, 'must be an HTTP header name (letters, digits and "-")', 'e.g. "Host" or "X-Health-Check"');
      }
    });
    if (this.spec.grpc && typeof this.port === 'string') {
      const port = ports.find((p) => p.name === this.port)!;
      return { ...this.spec, grpc: { ...this.spec.grpc, port: port.containerPort } };
    }
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
