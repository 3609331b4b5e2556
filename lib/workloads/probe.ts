import { k8s } from 'cdk8s-plus-28';

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

  toK8s(): k8s.Probe {
    return { ...this.spec };
  }
}

export function intOrString(value: number | string): k8s.IntOrString {
  return typeof value === 'number' ? k8s.IntOrString.fromNumber(value) : k8s.IntOrString.fromString(value);
}
