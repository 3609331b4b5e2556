import { AddonNeed } from '../core/addon-needs';
import { KubernetesVersions } from '../core/kubernetes-version';
import { PodSecurityLevel } from '../core/pod-security';
import { AddonDefinition, AddonInputs } from './addon-definition';
import { ChartRelease } from './chart-release';

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

/**
 * The NVIDIA GPU operator releases the build may install: the last patch of a line, with the
 * Kubernetes versions NVIDIA validated it on (NVIDIA/cloud-native-docs gpu-operator/platform-support.rst,
 * "Supported Operating Systems and Kubernetes Platforms", at the docs commit of each release:
 * 24.9.1 (73575d6d) 1.24-1.31, 25.3.3 (7185608a) 1.29-1.33, 25.10.0 (3e11d275) 1.30-1.34,
 * 26.3.2 (de99f9d3) 1.32-1.36). The chart's `kubeVersion` is only a floor (">= 1.16.0-0",
 * deployments/gpu-operator/Chart.yaml); the values below have the same keys in each release.
 */
export const GPU_OPERATOR_RELEASES: readonly ChartRelease[] = [
  { version: 'v24.9.2', kubernetes: KubernetesVersions.between('1.24', '1.31') },
  { version: 'v25.3.4', kubernetes: KubernetesVersions.between('1.29', '1.33') },
  { version: 'v25.10.1', kubernetes: KubernetesVersions.between('1.30', '1.34') },
  { version: 'v26.3.3', kubernetes: KubernetesVersions.between('1.32', '1.36') },
];

/** The NVIDIA GPU operator, configured with the build's time-slicing ConfigMap. */
export const gpuOperator: AddonDefinition = {
  name: 'gpu-operator',
  summary:
    "NVIDIA GPU operator with the device plugin reading the build's time-slicing ConfigMap, namespace gpu-operator (privileged: its operands use host PID, IPC and paths)",
  chart: 'gpu-operator',
  releases: GPU_OPERATOR_RELEASES,
  kinds: ['nvidia.com/ClusterPolicy', 'nvidia.com/NVIDIADriver', 'nfd.k8s-sigs.io/NodeFeatureRule'],
  objects: ['RuntimeClass/nvidia'],
  install(installer, need: AddonNeed, inputs: AddonInputs, release) {
    if (need.addon !== 'gpu-operator') return;
    installer.namespace(need.namespace, PodSecurityLevel.PRIVILEGED, 'the NVIDIA GPU operator');
    const onNodes = inputs.gpuDriverOnNodes ?? false;
    installer.release<GpuOperatorValues>({
      name: 'gpu-operator',
      namespace: need.namespace,
      chart: { repository: { name: 'nvidia', url: 'https://helm.ngc.nvidia.com/nvidia' }, chart: 'gpu-operator', version: release.version },
      values: {
        devicePlugin: { config: { name: need.configMap, default: '', create: false } },
        driver: { enabled: !onNodes },
        toolkit: { enabled: !onNodes },
        nfd: { enabled: true },
      },
    });
  },
};
