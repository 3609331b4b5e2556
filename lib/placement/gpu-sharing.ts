import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { Site } from '../core/errors';
import type { NodePool } from './node-pool';
import { needAddon } from '../core/addon-needs';
import { GPU_RESOURCE } from '../core/quantity';
import { CheckedConstruct } from '../core/app-checks';

/** Node label the NVIDIA device plugin reads to pick its configuration for a node. */
export const DEVICE_PLUGIN_CONFIG_LABEL = 'nvidia.com/device-plugin.config';

/**
 * How a pool's GPUs are shared. Kubernetes cannot split an extended resource: `nvidia.com/gpu`
 * is counted in whole units, with request equal to limit. Time-slicing makes the NVIDIA device
 * plugin advertise each physical GPU as `replicas` units, so a pod asking for 1 unit gets a
 * 1/replicas share of the GPU's time (not of its memory: there is no isolation between them).
 */
export class GpuSharing {
  static timeSlicing(replicas: number): GpuSharing {
    if (!Number.isInteger(replicas) || replicas < 2 || replicas > 48) {
      new Site('GpuSharing.timeSlicing')
        .at('replicas')
        .fail(replicas, 'must be a whole number from 2 to 48', 'give the users a GPU is shared by, e.g. 4');
    }
    return new GpuSharing(replicas);
  }
  private constructor(readonly replicas: number) {}

  /** The device plugin's configuration file (nvidia-device-plugin config version v1). */
  devicePluginConfig(): string {
    return stringify({
      version: 'v1',
      flags: { migStrategy: 'none' },
      sharing: {
        timeSlicing: {
          renameByDefault: false,
          // A second unit gives a pod no more GPU time, so asking for it is refused.
          failRequestsGreaterThanOne: true,
          resources: [{ name: GPU_RESOURCE, replicas: this.replicas }],
        },
      },
    });
  }
}

export interface GpuTimeSlicingConfigProps {
  /** @default "time-slicing-config" */
  readonly name?: string;
  /** Where the NVIDIA GPU Operator (or device plugin) runs. @default "gpu-operator" */
  readonly namespace?: string;
  /** Pools with GpuSharing; each gets a key named after it, which its nodes select by label. */
  readonly pools: readonly NodePool[];
}

/**
 * The NVIDIA device plugin's time-slicing configuration, one key per shared pool. Point the GPU
 * Operator at it (ClusterPolicy `devicePlugin.config.name`); each pool's nodes carry
 * `nvidia.com/device-plugin.config: <pool>` so they pick their own key.
 */
export class GpuTimeSlicingConfig extends CheckedConstruct {
  constructor(scope: Construct, id: string, props: GpuTimeSlicingConfigProps) {
    super(scope, freeId(scope, id));
    const shared = props.pools.filter((p) => p.gpuSharing !== undefined);
    if (shared.length === 0) {
      new Site(this.node.path).at('pools').fail(
        props.pools.map((p) => p.name),
        'has no pool with GPU sharing',
        'give a GPU pool gpuSharing: GpuSharing.timeSlicing(4), or drop this config',
      );
    }
    const name = props.name ?? 'time-slicing-config';
    const namespace = props.namespace ?? 'gpu-operator';
    // The GPU operator's device plugin reads this ConfigMap, in its own namespace.
    needAddon(this, { addon: 'gpu-operator', configMap: name, namespace });
    new k8s.KubeConfigMap(this, 'config-map', {
      metadata: { name, namespace },
      data: Object.fromEntries(shared.map((p) => [p.name, p.gpuSharing!.devicePluginConfig()])),
    });
  }
}
