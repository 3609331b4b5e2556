import { k8s } from 'cdk8s-plus-28';

/**
 * Pod volumes of the kinds Pod Security `restricted` allows. Host paths and other node-bound
 * volumes are deliberately absent: they need a declared exception.
 */
export class Volume {
  static emptyDir(name: string, options: { sizeLimit?: string; memory?: boolean } = {}): Volume {
    return new Volume({
      name,
      emptyDir: {
        medium: options.memory ? 'Memory' : undefined,
        sizeLimit: options.sizeLimit ? k8s.Quantity.fromString(options.sizeLimit) : undefined,
      },
    });
  }
  static configMap(name: string, configMapName: string): Volume {
    return new Volume({ name, configMap: { name: configMapName } });
  }
  static secret(name: string, secretName: string): Volume {
    return new Volume({ name, secret: { secretName } });
  }
  static persistentVolumeClaim(name: string, claimName: string): Volume {
    return new Volume({ name, persistentVolumeClaim: { claimName } });
  }
  /** A read-only CSI volume, e.g. the Secrets Store CSI driver. */
  static csi(name: string, driver: string, volumeAttributes: Record<string, string>): Volume {
    return new Volume({ name, csi: { driver, readOnly: true, volumeAttributes } });
  }
  /**
   * A directory of the node. Pod Security `restricted` and `baseline` refuse it, so it needs a
   * reason, recorded as a policy exception on the object that uses it.
   */
  static hostPath(name: string, path: string, options: { type?: 'Directory' | 'DirectoryOrCreate' | 'File'; reason: string }): Volume {
    return new Volume({ name, hostPath: { path, type: options.type ?? 'Directory' } }, options.reason);
  }
  private constructor(
    readonly spec: k8s.Volume,
    readonly exceptionReason?: string,
  ) {}

  get name(): string {
    return this.spec.name;
  }
}

/** How mounts made after start-up travel between the host and the container. */
export type MountPropagation = 'None' | 'HostToContainer' | 'Bidirectional';

export interface VolumeMount {
  /** Name of a volume of the pod (or a claim template of a StatefulSet). */
  readonly volume: string;
  readonly path: string;
  /** @default false */
  readonly readOnly?: boolean;
  /** @default the whole volume */
  readonly subPath?: string;
  /** "Bidirectional" needs a privileged container. @default "None" */
  readonly propagation?: MountPropagation;
}
