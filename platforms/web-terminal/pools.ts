import { CpuArch, GPU_RESOURCE, HOSTNAME_LABEL, InstanceType, NodeCapacity, NodePool, NodePools, Taint } from '../../lib';
import { WebTerminalConfig } from './config';

/** The label GPU workers join with (`k3s agent --node-label`); GPU workloads select it. */
export const GPU_MODEL_LABEL = 'gpu.claudecode.dev/model';

/**
 * Seed: "Current Configuration: Single Node" and "Future Expansion Plan: 3-Node Cluster". The k3s
 * node (master + worker) holds the locally built images; the GPU workers join later with the
 * label and taint below, so a pod lands on them only if it selects and tolerates them, and no
 * manifest changes when they join.
 */
export function webTerminalPools(config: WebTerminalConfig): NodePools {
  const gpuWorker = (model: 't4' | 'a2', server: string, gpu: string) =>
    new NodePool({
      name: `gpu-${model}`,
      purpose: `future GPU worker ${server}, ${gpu} x4 (joins with: k3s agent --node-label ${GPU_MODEL_LABEL}=${model} --node-taint nvidia.com/gpu=present:NoSchedule)`,
      capacity: NodeCapacity.staticNodes(),
      // CPU and memory of the workers are not in the seed: placeholders until they are measured.
      instanceType: InstanceType.custom({ name: server, vcpu: 16, memory: '64Gi', arch: CpuArch.AMD64, gpus: { count: 4, model: gpu } }),
      minNodes: 0,
      maxNodes: 1,
      labels: { [GPU_MODEL_LABEL]: model },
      taints: [Taint.noSchedule(GPU_RESOURCE, 'present')],
    });
  return new NodePools([
    new NodePool({
      name: 'k8s-node',
      purpose: 'the single k3s node (master + worker): web terminal, sandboxes, k3s system components',
      system: true,
      capacity: NodeCapacity.staticNodes(),
      // The seed's "240GB", in decimal units as written.
      instanceType: InstanceType.custom({ name: 'k8s-node', vcpu: 8, memory: '240G', arch: CpuArch.AMD64, localDisks: '1 TB' }),
      minNodes: 1,
      maxNodes: 1,
      labels: { [HOSTNAME_LABEL]: 'k8s-node' },
      localImages: [config.images.webTerminal, config.images.sandbox],
    }),
    gpuWorker('t4', 'Dell T640', 'NVIDIA T4'),
    gpuWorker('a2', 'Dell T550', 'NVIDIA A2'),
  ]);
}
