import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { NodePool } from './node-pool';
import { CheckedConstruct } from '../core/app-checks';

export interface NodePoolInventoryProps {
  readonly name: string;
  /** @default "kube-system", where cluster autoscaler settings live */
  readonly namespace?: string;
  readonly pools: readonly NodePool[];
}

/**
 * What the cloud side must create for a Fargate pool, in eksctl's `fargateProfiles` shape: the
 * profile runs the pods of these namespaces that carry the pool's labels.
 */
function fargateProfileOf(pool: NodePool): Record<string, unknown> | undefined {
  const profile = pool.capacity.fargateProfile;
  if (!profile) return undefined;
  return { name: profile.name, selectors: profile.namespaces.map((namespace) => ({ namespace, labels: { ...pool.labels } })) };
}

/**
 * The cluster's node pools as a ConfigMap, one key per pool: what the cloud side must provide
 * (instance type, size bounds, labels, taints) next to the workloads that rely on it. Pools are
 * created by the cloud (AKS, EKS, k3s join), not by Kubernetes; this is their record in git.
 */
export class NodePoolInventory extends CheckedConstruct {
  constructor(scope: Construct, id: string, props: NodePoolInventoryProps) {
    super(scope, freeId(scope, id));
    const data: Record<string, string> = {};
    for (const pool of props.pools) {
      data[`${pool.name}.yaml`] = stringify({
        purpose: pool.purpose,
        role: pool.system ? 'system' : 'user',
        capacity: pool.capacity.kind,
        instanceType: pool.instanceType.name,
        architecture: pool.instanceType.arch.label,
        vcpu: pool.instanceType.vcpu,
        memory: pool.instanceType.memory,
        gpus: pool.instanceType.gpus ? `${pool.instanceType.gpus.count}x ${pool.instanceType.gpus.model}` : undefined,
        gpuSharing: pool.gpuSharing ? `time-slicing, ${pool.gpuSharing.replicas} pods a GPU` : undefined,
        localDisks: pool.instanceType.localDisks,
        minNodes: pool.minNodes,
        maxNodes: pool.maxNodes,
        autoscaling: pool.autoscaling,
        labels: pool.labels,
        taints: pool.taints.length > 0 ? pool.taints.map((t) => t.toString()) : undefined,
        localImages: pool.localImages.length > 0 ? [...pool.localImages] : undefined,
        fargateProfile: fargateProfileOf(pool),
      });
    }
    new k8s.KubeConfigMap(this, 'config-map', {
      metadata: { name: props.name, namespace: props.namespace ?? 'kube-system' },
      data,
    });
  }
}
