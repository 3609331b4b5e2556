import { ApiObject } from 'cdk8s';
import { NodeCapacity } from '../../lib/placement/capacity';
import { InstanceType } from '../../lib/placement/instance-types';
import { NodePool } from '../../lib/placement/node-pool';
import { WebService } from '../../lib/workloads/web-service';
import { computesdkEksPools } from '../../platforms/computesdk/pools';
import { webTerminalProduction } from '../../platforms/web-terminal/config';
import { webTerminalPools } from '../../platforms/web-terminal/pools';
import { container, rawPodSpec } from '../helpers';
import { Case, PROBED, rawDeployment, web } from './fixtures';

/** Refused inputs: Fargate and never-pulled images: what a pool can run. */
export const fargateAndLocalImages: Case[] = [
  [
    'gVisor RuntimeClass on a Fargate pod',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: ctx.pools.get('serverless'), runtimeClassName: 'gvisor' }, PROBED)),
    'test/apps/web: pool is fargate capacity, which cannot run a custom RuntimeClass (e.g. gVisor) (got "serverless"); fix: place this workload on a node-group pool, or drop the feature for this environment',
  ],
  [
    'DaemonSet on Fargate (hand-written)',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'raw', {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'raw', namespace: 'apps' },
        spec: {
          selector: { matchLabels: { app: 'raw' } },
          template: { metadata: { labels: { app: 'raw', compute: 'fargate' } }, spec: { ...rawPodSpec(), nodeSelector: undefined } },
        },
      }),
    'test/apps/raw: kind puts the pod on pool serverless, which is fargate capacity and cannot run DaemonSets (got "DaemonSet"); fix: place this workload on a node-group pool, or drop the feature for this environment',
  ],
  [
    'privileged container on Fargate',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, { pool: ctx.pools.get('serverless') }, { ...PROBED, privileged: { reason: 'mounts a FUSE file system for the user' } }),
      ),
    'test/apps/web: pool is fargate capacity, which cannot run privileged containers (got "serverless"); fix: place this workload on a node-group pool, or drop the feature for this environment',
  ],
  [
    'GPU on Fargate',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, { pool: ctx.pools.get('serverless') }, { ...PROBED, resources: { ...container().resources, gpus: 1 } }),
      ),
    'test/apps/web: pool is fargate capacity, which cannot run GPUs (got "serverless"); fix: place this workload on a node-group pool, or drop the feature for this environment',
  ],
  [
    'hostNetwork on Fargate (hand-written)',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'raw', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'raw', namespace: 'apps' },
        spec: {
          selector: { matchLabels: { app: 'raw' } },
          template: {
            metadata: { labels: { app: 'raw', compute: 'fargate' } },
            spec: { ...rawPodSpec(), nodeSelector: undefined, hostNetwork: true },
          },
        },
      }),
    'test/apps/raw: spec.template.spec.hostNetwork puts the pod on pool serverless, which is fargate capacity and cannot run hostNetwork (got true); fix: place this workload on a node-group pool, or drop the feature for this environment\ntest/apps/raw: spec.template.spec.hostNetwork must not be true (Pod Security restricted) [pod-security-restricted] (got true); fix: remove hostNetwork; or, if it cannot hold, declareException(obj, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason })',
  ],
  [
    "pod outside the Fargate profile's namespaces",
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: computesdkEksPools.get('compute') }, PROBED)),
    'test/apps/web: pool is fargate capacity whose profile computesdk-compute selects namespaces computesdk-workloads, so a pod in apps would stay Pending (got "compute"); fix: run the pod in one of: computesdk-workloads, or add its namespace to the profile',
  ],
  [
    'Fargate profile without namespaces',
    () =>
      new NodePool({
        name: 'compute',
        instanceType: InstanceType.AWS_FARGATE,
        capacity: NodeCapacity.fargate({ name: 'compute', namespaces: [] }),
        minNodes: 0,
        maxNodes: 10,
        labels: { compute: 'fargate' },
      }),
    'node pool compute: capacity.fargateProfile.namespaces must name at least one namespace (got []); fix: list the namespaces whose pods run on Fargate',
  ],
  [
    'never-pulled image on a pool that does not hold it',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(
          ctx,
          { pool: webTerminalPools(webTerminalProduction).get('gpu-t4') },
          { ...PROBED, image: 'claudecode-sandbox:1.0.0', imagePullPolicy: 'Never' },
        ),
      ),
    'test/apps/web: containers[0].image is never pulled (imagePullPolicy Never), but pool gpu-t4 does not hold it, so the pod would fail with ErrImageNeverPull (got "claudecode-sandbox:1.0.0"); fix: place the pod on a pool whose localImages list it (pool gpu-t4 lists none), or push it to a registry and use IfNotPresent',
  ],
  [
    'never-pulled image on a pool that does not hold it (hand-written)',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ imagePullPolicy: 'Never' })),
    'test/apps/raw: spec.template.spec.containers[0].image is never pulled (imagePullPolicy Never), but pool general does not hold it, so the pod would fail with ErrImageNeverPull (got "registry.example.com/app:1.0.0"); fix: select only pools whose localImages list it, or push it to a registry and use IfNotPresent',
  ],
  [
    'local image without a version tag',
    () =>
      new NodePool({
        name: 'node',
        instanceType: InstanceType.AWS_M6G_XLARGE,
        minNodes: 1,
        maxNodes: 1,
        labels: { node: 'one' },
        localImages: ['claudecode-sandbox'],
      }),
    'node pool node: localImages[0] must be an image reference with a version tag (a never-pulled image is matched by its full name) (got "claudecode-sandbox"); fix: e.g. "claudecode-sandbox:1.0.0"',
  ],
];
