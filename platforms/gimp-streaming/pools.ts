import { GPU_RESOURCE, GpuSharing, InstanceType, NodePool, NodePools, Taint } from '../../lib';

// Seed: "Node Pool Strategy". Sessions choose the CPU or GPU pool; GPU, storage and edge nodes
// are tainted so only work placed there on purpose lands on them. No control-plane pool: EKS
// runs the control plane (config.ts), so there are no control-plane nodes to place on.
export const gimpStreamingPools = new NodePools([
  new NodePool({
    name: 'cpu',
    purpose: 'general application streaming, ~8-12 GIMP sessions a node',
    instanceType: InstanceType.AWS_C6G_4XLARGE,
    minNodes: 1,
    maxNodes: 50,
    labels: { 'node-pool': 'cpu' },
  }),
  new NodePool({
    name: 'gpu',
    purpose: 'GPU-accelerated image processing, time-sliced 4 users a GPU',
    instanceType: InstanceType.AWS_G4DN_XLARGE,
    minNodes: 0,
    maxNodes: 20,
    labels: { 'node-pool': 'gpu' },
    taints: [Taint.noSchedule(GPU_RESOURCE, 'present')],
    gpuSharing: GpuSharing.timeSlicing(4),
  }),
  new NodePool({
    name: 'storage',
    purpose: 'high-performance storage I/O: local NVMe for temporary files, 10 Gbps',
    instanceType: InstanceType.AWS_I3_4XLARGE,
    minNodes: 1,
    maxNodes: 10,
    labels: { 'node-pool': 'storage' },
    taints: [Taint.noSchedule('workload', 'storage')],
  }),
  new NodePool({
    name: 'edge',
    purpose: 'streaming relays close to users (geographic distribution)',
    instanceType: InstanceType.AWS_M6G_XLARGE,
    minNodes: 2,
    maxNodes: 10,
    labels: { 'node-pool': 'edge' },
    taints: [Taint.noSchedule('workload', 'edge')],
  }),
]);
