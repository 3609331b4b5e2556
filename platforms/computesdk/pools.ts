import { CpuArch, HOSTNAME_LABEL, InstanceType, NodeCapacity, NodePool, NodePools, Taint } from '../../lib';

/** The node label saying gVisor (runsc) is registered with the node's containerd. */
export const GVISOR_NODE_LABEL = 'runtime.computesdk.dev/gvisor';

/**
 * OrbStack: one VM (Apple silicon) runs everything. gVisor must be installed in it and the node
 * labelled, since the RuntimeClass schedules gVisor pods by this pool's labels.
 */
export const computesdkLocalPools = new NodePools([
  new NodePool({
    name: 'orbstack',
    purpose: `OrbStack's single node; install runsc, register it with containerd as handler runsc, then: kubectl label node orbstack ${GVISOR_NODE_LABEL}=true`,
    system: true,
    capacity: NodeCapacity.staticNodes(),
    instanceType: InstanceType.custom({ name: 'orbstack-vm', vcpu: 4, memory: '8Gi', arch: CpuArch.ARM64 }),
    minNodes: 1,
    maxNodes: 1,
    labels: { [HOSTNAME_LABEL]: 'orbstack', [GVISOR_NODE_LABEL]: 'true' },
  }),
]);

/**
 * Seed: "Node Strategy". Core services on Graviton managed node groups (m6g for gateway and API,
 * r6g for the stateful services, tainted so nothing else lands there), spread over zones; user
 * workloads on Fargate, which runs x86_64 pods only, selected by the profile's namespace and label.
 */
export const computesdkEksPools = new NodePools([
  new NodePool({
    name: 'system',
    purpose: 'gateway and API (managed node group, multi-AZ, autoscaled)',
    system: true,
    instanceType: InstanceType.AWS_M6G_XLARGE,
    minNodes: 3,
    maxNodes: 9,
    labels: { 'computesdk.dev/pool': 'system' },
  }),
  new NodePool({
    name: 'data',
    purpose: 'MySQL, Redis, SeaweedFS (managed node group, memory optimised)',
    instanceType: InstanceType.AWS_R6G_XLARGE,
    minNodes: 1,
    maxNodes: 3,
    labels: { 'computesdk.dev/pool': 'data' },
    taints: [Taint.noSchedule('computesdk.dev/pool', 'data')],
  }),
  new NodePool({
    name: 'compute',
    purpose: 'compute pods, one Fargate micro-VM each',
    capacity: NodeCapacity.fargate({ name: 'computesdk-compute', namespaces: ['computesdk-workloads'] }),
    instanceType: InstanceType.AWS_FARGATE,
    minNodes: 0,
    maxNodes: 500,
    labels: { 'computesdk.dev/compute': 'fargate' },
  }),
]);
