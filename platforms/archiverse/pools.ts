import { InstanceType, NodePool, NodePools, Taint } from '../../lib';

// Seed: "Node Pools Architecture". Every pool is Standard_B2ps_v2 (ARM); user pools are tainted
// `workload=<name>:NoSchedule` so only their own workloads land there.
export const archiversePools = new NodePools([
  new NodePool({
    name: 'system',
    purpose: 'system components (Flux, cert-manager, ...)',
    system: true,
    instanceType: InstanceType.AZURE_STANDARD_B2PS_V2,
    minNodes: 1,
    maxNodes: 1,
    labels: { nodepool: 'system-pool' },
  }),
  new NodePool({
    name: 'frontend',
    purpose: 'Next.js frontend',
    instanceType: InstanceType.AZURE_STANDARD_B2PS_V2,
    minNodes: 2,
    maxNodes: 5,
    labels: { nodepool: 'frontend-pool' },
    taints: [Taint.noSchedule('workload', 'frontend')],
  }),
  new NodePool({
    name: 'backend',
    purpose: 'FastAPI app service',
    instanceType: InstanceType.AZURE_STANDARD_B2PS_V2,
    minNodes: 2,
    maxNodes: 5,
    labels: { nodepool: 'backend-pool' },
    taints: [Taint.noSchedule('workload', 'appservice')],
  }),
  new NodePool({
    name: 'db',
    purpose: 'PostgreSQL database',
    instanceType: InstanceType.AZURE_STANDARD_B2PS_V2,
    minNodes: 1,
    maxNodes: 1,
    labels: { nodepool: 'db-pool' },
    taints: [Taint.noSchedule('workload', 'postgres')],
  }),
]);
