import { GpuTimeSlicingConfig } from '../../lib/placement/gpu-sharing';
import { PriorityClass } from '../../lib/placement/priority-class';
import { RuntimeClass } from '../../lib/placement/runtime-class';
import { calculateRequiredNodes } from '../../lib/scaling/capacity-plan';
import { ClusterAutoscalerSettings } from '../../lib/scaling/cluster-autoscaler';
import { StorageClass } from '../../lib/storage/storage-class';
import { SessionTemplates } from '../../lib/workloads/session-templates';
import { WebService } from '../../lib/workloads/web-service';
import { gimpStreamingPools } from '../../platforms/gimp-streaming/pools';
import { webTerminalProduction } from '../../platforms/web-terminal/config';
import { webTerminalPools } from '../../platforms/web-terminal/pools';
import { container, rawPodSpec } from '../helpers';
import { Case, PROBED, PROBES, rawDeployment, sessions, web } from './fixtures';

const SESSION_RESOURCES = { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } };

/** Refused inputs: resources and placement: requests, GPUs, node pools, what one node and one pool can hold. */
export const resourcesAndPlacement: Case[] = [
  [
    'cpu that is not a quantity',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { resources: { requests: { cpu: 'fast', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } } }),
      ),
    'test/apps/web: containers[0].resources.requests.cpu must be a CPU quantity (got "fast"); fix: write cores ("2", "0.5") or millicores ("500m")',
  ],
  [
    'memory in milli-bytes',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { resources: { requests: { cpu: '100m', memory: '512m' }, limits: { cpu: '1', memory: '1Gi' } } }),
      ),
    'test/apps/web: containers[0].resources.requests.memory is 0.512 bytes ("m" means milli) (got "512m"); fix: write "512Mi" for mebibytes',
  ],
  [
    'cpu request above its limit',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { resources: { requests: { cpu: '2', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } }),
      ),
    'test/apps/web: containers[0].resources.requests.cpu is more than limits.cpu "500m" (got "2"); fix: lower the request or raise the limit',
  ],
  [
    'memory request above its limit',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { resources: { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '1', memory: '512Mi' } } }),
      ),
    'test/apps/web: containers[0].resources.requests.memory is more than limits.memory "512Mi" (got "1Gi"); fix: lower the request or raise the limit',
  ],
  [
    'container without resources',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { resources: undefined as any })),
    'test/apps/web: containers[0].resources must give requests and limits for cpu and memory (got nothing); fix: add resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } }',
  ],
  [
    'unknown node pool',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: ctx.pools.get('huge') })),
    'node pools: pool is not a node pool of this cluster (got "huge"); fix: use one of: general, gpu, serverless',
  ],
  [
    'workload too big for one node of its pool',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { resources: { requests: { cpu: '1', memory: '12Gi' }, limits: { cpu: '2', memory: '16Gi' } } }),
      ),
    'test/apps/web: resources.requests do not fit one node of pool general (Standard_B2ps_v2: 2 vCPU, 8Gi) (got {"cpu":"1","memory":"12Gi"}); fix: lower the requests or choose a pool with larger nodes',
  ],
  [
    'placement that misses a toleration',
    (ctx) => {
      rawDeployment(ctx, {}, { ...rawPodSpec(), nodeSelector: { pool: 'gpu' } });
    },
    'test/apps/raw: spec.template.spec.tolerations miss the taint nvidia.com/gpu=present:NoSchedule of pool gpu, so the pod would never schedule (got []); fix: place the workload through its pool (pool: ...) so the tolerations come with it',
  ],
  [
    'fractional GPU',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(
          ctx,
          { pool: ctx.pools.get('gpu') },
          { resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' }, gpus: 0.25 } },
        ),
      ),
    "test/apps/web: containers[0].resources.gpus must be a whole number of GPUs: nvidia.com/gpu is an extended resource, which cannot be split, and its request must equal its limit (got 0.25); fix: request gpus: 1 on a pool with GPU time-slicing (GpuSharing.timeSlicing(4) makes each physical GPU 4 schedulable units, so 1 unit is a quarter of a GPU's time)",
  ],
  [
    'GPU on a pool without GPUs',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' }, gpus: 1 } }),
      ),
    'test/apps/web: pool has no GPUs (instance type Standard_B2ps_v2) but the pod requests 1 (got "general"); fix: place GPU work on a pool whose instance type has GPUs',
  ],
  [
    'session bigger than a CPU node',
    (ctx) => sessions(ctx, {}, { resources: { requests: { cpu: '17', memory: '2Gi' }, limits: { cpu: '17', memory: '4Gi' } } }),
    'test/apps/sessions: variants.main.resources.requests do not fit one node of pool cpu (c6g.4xlarge: 16 vCPU, 32Gi) (got {"cpu":"17","memory":"2Gi"}); fix: lower the requests or choose a pool with larger nodes',
  ],
  [
    'GPU session on a pool without GPUs',
    (ctx) => sessions(ctx, {}, { resources: { ...SESSION_RESOURCES, gpus: 1 } }),
    'test/apps/sessions: variants.main.pool has no GPUs (instance type c6g.4xlarge) but the pod requests 1 (got "cpu"); fix: place GPU work on a pool whose instance type has GPUs',
  ],
  [
    'two time-sliced GPU shares for one session',
    (ctx) => sessions(ctx, { pool: gimpStreamingPools.get('gpu') }, { resources: { ...SESSION_RESOURCES, gpus: 2 } }),
    'test/apps/sessions: variants.main.resources.gpus asks for more than one share of pool gpu, whose GPUs are time-sliced 4 ways: a second share adds no GPU time and the device plugin refuses it (got 2); fix: request gpus: 1, or use a pool without sharing for pods that need whole GPUs',
  ],
  [
    'fractional GPU as the seed writes it',
    (ctx) => sessions(ctx, { pool: gimpStreamingPools.get('gpu') }, { resources: { ...SESSION_RESOURCES, gpus: '0.25' as unknown as number } }),
    'test/apps/sessions: variants.main.containers[0].resources.gpus must be a whole number of GPUs: nvidia.com/gpu is an extended resource, which cannot be split, and its request must equal its limit (got "0.25"); fix: request gpus: 1 on a pool with GPU time-slicing (GpuSharing.timeSlicing(4) makes each physical GPU 4 schedulable units, so 1 unit is a quarter of a GPU\'s time)',
  ],
  [
    'GPU time-slicing config without a shared pool',
    (ctx) => new GpuTimeSlicingConfig(ctx.platform.infrastructure, 'gpu-sharing', { pools: ctx.pools.all }),
    'test/infrastructure/gpu-sharing: pools has no pool with GPU sharing (got ["general","gpu","serverless"]); fix: give a GPU pool gpuSharing: GpuSharing.timeSlicing(4), or drop this config',
  ],
  [
    'capacity plan with more GPU sessions than sessions',
    () => calculateRequiredNodes(5, 8, { cpuSessionsPerNode: 10, gpuSessionsPerGpu: 4, gpusPerNode: 1, buffer: 1.2 }),
    'calculateRequiredNodes: gpuSessions is more than activeSessions (5); GPU sessions are part of the active ones (got 8); fix: pass all active sessions, GPU ones included, as activeSessions',
  ],
  [
    'cluster autoscaler total below the pools',
    (ctx) =>
      new ClusterAutoscalerSettings(ctx.platform.infrastructure, 'ca', {
        maxNodesTotal: 50,
        minNodesTotal: 3,
        scaleDownUtilizationThreshold: 0.5,
        scaleDownUnneededTime: '10m',
        scaleDownDelayAfterAdd: '10m',
        pools: gimpStreamingPools.all,
      }),
    "test/infrastructure/ca: maxNodesTotal is below the sum of the autoscaled pools' maximums (90: cpu 1-50, gpu 0-20, storage 1-10, edge 2-10), so the autoscaler would stop before a pool reaches its maximum (got 50); fix: raise maxNodesTotal to at least 90 or lower a pool's maxNodes",
  ],
  [
    'RuntimeClass on a serverless pool',
    (ctx) => new RuntimeClass(ctx.platform.infrastructure, 'gvisor', { name: 'gvisor', handler: 'runsc', pool: ctx.pools.get('serverless') }),
    'test/infrastructure/gvisor: pool is fargate capacity, which cannot run a custom RuntimeClass (got "serverless"); fix: choose a node-group pool whose nodes have the handler installed',
  ],
  [
    'PriorityClass above the user range',
    (ctx) => new PriorityClass(ctx.platform.infrastructure, 'urgent', { name: 'urgent', value: 2_000_000_000 }),
    'test/infrastructure/urgent: value must be a whole number from -1000000000 to 1000000000 (higher is reserved for system classes) (got 2000000000); fix: e.g. value: 100000',
  ],
  [
    'pod that asks for a whole node',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ resources: { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } } })),
    'test/apps/raw: spec.template.spec.containers ask for a whole node of pool general (Standard_B2ps_v2: 2 vCPU), more than its allocatable after system reservations, so the pod never schedules [fits-allocatable] (got {"cpu":"2","memory":"1Gi"}); fix: request less than a node (leave room for the kubelet and system daemons), or choose a pool with larger nodes',
  ],
  [
    'replicas far beyond what the pool can hold',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 500 }, PROBES)),
    "test/apps/web/deployment: spec.replicas asks for more pods than pool general can ever hold: at most 60 (3 nodes of Standard_B2ps_v2, 2 vCPU and 8Gi each, pods requesting 100m CPU and 128Mi) [fits-pool] (got 500); fix: ask for at most 60, or raise the pool's maxNodes, or use a pool with larger nodes",
  ],
  [
    'an HPA maxReplicas of a million',
    (ctx) =>
      new WebService(ctx.platform.apps, 'web', web(ctx, { autoscaling: { minReplicas: 2, maxReplicas: 1000000, cpuUtilization: 70 } }, PROBES)),
    "test/apps/web/autoscaler/hpa: spec.maxReplicas asks for more pods than pool general can ever hold: at most 60 (3 nodes of Standard_B2ps_v2, 2 vCPU and 8Gi each, pods requesting 100m CPU and 128Mi) [fits-pool] (got 1000000); fix: ask for at most 60, or raise the pool's maxNodes, or use a pool with larger nodes",
  ],
  [
    'sandbox too large for the single k3s node',
    (ctx) =>
      new SessionTemplates(ctx.platform.apps, 'sandbox', {
        name: 'sandbox',
        namespace: 'apps',
        podLabels: { app: 'sandbox' },
        variants: {
          shell: {
            pool: webTerminalPools(webTerminalProduction).get('k8s-node'),
            containers: [container({ ...PROBED, resources: { requests: { cpu: '10', memory: '16Gi' }, limits: { cpu: '10', memory: '16Gi' } } })],
          },
        },
      }),
    'test/apps/sandbox: variants.shell.resources.requests do not fit one node of pool k8s-node (k8s-node: 8 vCPU, 240G) (got {"cpu":"10","memory":"16Gi"}); fix: lower the requests or choose a pool with larger nodes',
  ],
  [
    'fixed replicas on an autoscaled workload',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 5, cpuUtilization: 70 } })),
    'test/apps/web: replicas must not be set together with autoscaling: the controller and the HorizontalPodAutoscaler would fight over it (got 3); fix: drop replicas and give autoscaling.minReplicas',
  ],
  [
    'autoscaler without a metric',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { autoscaling: { minReplicas: 2, maxReplicas: 5 } })),
    'test/apps/web/autoscaler: autoscaling must scale on at least one metric (got {}); fix: set cpuUtilization and/or memoryUtilization (percent of the request)',
  ],
  [
    'gp3 throughput above what its IOPS allow',
    (ctx) => StorageClass.awsEbsGp3(ctx.platform.infrastructure, 'ssd', { name: 'ssd', iops: 3000, throughputMiBps: 1000 }),
    'test/infrastructure/ssd: throughputMiBps is more than gp3 allows for 3000 IOPS (0.25 MiB/s per IOPS) (got 1000); fix: raise iops to at least 4000 or lower the throughput',
  ],
];
