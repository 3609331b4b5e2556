import { AddonNeed } from '../core/addon-needs';
import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition, AddonInputs } from './addon-definition';

/** The values of the NVIDIA gpu-operator chart the build sets. */
export interface GpuOperatorValues {
  /**
   * The device plugin reads the time-slicing ConfigMap; with no default, each node uses the key its
   * `nvidia.com/device-plugin.config` label names.
   */
  readonly devicePlugin: { readonly config: { readonly name: string; readonly default: string; readonly create: boolean } };
  /** false when the node image ships the NVIDIA driver and container toolkit (EKS GPU AMIs). */
  readonly driver: { readonly enabled: boolean };
  readonly toolkit: { readonly enabled: boolean };
  readonly nfd: { readonly enabled: boolean };
}

/** The NVIDIA GPU operator v24.9 (Kubernetes 1.24-1.31), configured with the build's time-slicing ConfigMap. */
export const gpuOperator: AddonDefinition = {
  name: 'gpu-operator',
  summary:
    "NVIDIA GPU operator v24.9.2 with the device plugin reading the build's time-slicing ConfigMap (chart gpu-operator), namespace gpu-operator (privileged: its operands use host PID, IPC and paths)",
  kinds: ['nvidia.com/ClusterPolicy', 'nvidia.com/NVIDIADriver', 'nfd.k8s-sigs.io/NodeFeatureRule'],
  objects: ['RuntimeClass/nvidia'],
  install(installer, need: AddonNeed, inputs: AddonInputs) {
    if (need.addon !== 'gpu-operator') return;
    installer.namespace(need.namespace, PodSecurityLevel.PRIVILEGED, 'the NVIDIA GPU operator');
    const onNodes = inputs.gpuDriverOnNodes ?? false;
    installer.release<GpuOperatorValues>({
      name: 'gpu-operator',
      namespace: need.namespace,
      chart: { repository: { name: 'nvidia', url: 'https://helm.ngc.nvidia.com/nvidia' }, chart: 'gpu-operator', version: 'v24.9.2' },
      values: {
        devicePlugin: { config: { name: need.configMap, default: '', create: false } },
        driver: { enabled: !onNodes },
        toolkit: { enabled: !onNodes },
        nfd: { enabled: true },
      },
    });
  },
};
