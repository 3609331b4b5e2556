import { ControlPlane } from '../../lib/addons/control-plane';
import { Platform } from '../../lib/flux/platform';
import { CONTROL_PLANE_LABEL } from '../../lib/core/labels';
import { NodeCapacity } from '../../lib/placement/capacity';
import { CpuArch, InstanceType } from '../../lib/placement/instance-types';
import { NodePool, NodePools, Taint } from '../../lib/placement/node-pool';
import { SecureNamespace } from '../../lib/security/namespace';
import { EtcdSnapshotJob } from '../../lib/workloads/etcd-snapshot-job';
import { testPools } from '../helpers';
import { Case } from './fixtures';

const controlPlanePool = new NodePool({
  name: 'control-plane',
  capacity: NodeCapacity.controlPlane(),
  instanceType: InstanceType.custom({ name: 'm6i.large', vcpu: 2, memory: '8Gi', arch: CpuArch.AMD64 }),
  minNodes: 3,
  maxNodes: 3,
  labels: { [CONTROL_PLANE_LABEL]: '' },
  taints: [Taint.noSchedule(CONTROL_PLANE_LABEL, '')],
});

/** Refused inputs: what the cluster contract says the cluster cannot serve (a managed control plane, load balancers). */
export const clusterContract: Case[] = [
  [
    'a control-plane pool on a cluster whose control plane EKS manages',
    (ctx) =>
      new Platform(ctx.app, {
        name: 'eks',
        pools: new NodePools([...testPools().all, controlPlanePool]),
        cluster: { controlPlane: ControlPlane.eks() },
      }),
    'eks: pools.control-plane is control-plane capacity, but EKS manages this cluster\'s control plane: it has no control-plane nodes, so pods placed there stay Pending (got "control plane"); fix: remove the pool, and whatever runs on the control plane (etcd snapshots are the provider\'s: it backs etcd up)',
  ],
  [
    'a self-managed control plane named ""',
    (ctx) => new Platform(ctx.app, { name: 'k3s', pools: testPools(), cluster: { controlPlane: ControlPlane.selfManaged('') } }),
    'k3s: cluster.controlPlane must name who runs the control plane (got ""); fix: e.g. ControlPlane.selfManaged("k3s"), or leave the argument out',
  ],
  [
    'etcd snapshots on a cluster whose control plane AKS manages',
    (ctx) => {
      const platform = new Platform(ctx.app, { name: 'aks', pools: testPools(), cluster: { controlPlane: ControlPlane.aks() } });
      new SecureNamespace(platform.infrastructure, 'namespace', { name: 'backup' });
      new EtcdSnapshotJob(platform.apps, 'etcd', {
        namespace: 'backup',
        pool: platform.pools.get('general'),
        schedule: '@daily',
        etcdImage: 'registry.k8s.io/etcd:3.5.9-0',
        busyboxImage: 'busybox:1.36.1',
      });
    },
    'aks/apps/etcd: cluster.controlPlane is a managed control plane, but etcd snapshots (etcdctl against the etcd of a control-plane node) need a self-managed one (got "AKS"); fix: remove it: AKS runs the control plane and etcd, and backs etcd up',
  ],
];
