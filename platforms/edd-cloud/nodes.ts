import { ClusterAddons, CpuArch, StaticNodes } from '../../lib';
import { eddCloudProduction } from './config';

// Seed "Cluster Overview": eight k3s nodes, placement by node labels (not cloud pools). The
// label sets overlap: core-services spans s0 and rp2, backend spans rp2-rp4. A new inventory per
// build, since it records the host ports placed on each node. What k3s runs comes from the
// cluster's provided add-ons (config.ts): ServiceLB on, Traefik off.
export function eddCloudNodes(provided: ClusterAddons = eddCloudProduction.cluster.provided ?? []): StaticNodes {
  return new StaticNodes(
    'edd-cloud',
    [
      {
        name: 's0',
        arch: CpuArch.AMD64,
        labels: { 'core-services': 'true', 'gfs-master': 'true' },
        purpose: 'database primary, GFS master, gateway',
      },
      { name: 'rp1', arch: CpuArch.ARM64, labels: { 'db-role': 'replica' }, purpose: 'database replica, HAProxy' },
      { name: 'rp2', arch: CpuArch.ARM64, labels: { backend: 'true', 'core-services': 'true' }, purpose: 'backend services' },
      { name: 'rp3', arch: CpuArch.ARM64, labels: { backend: 'true' }, purpose: 'backend services' },
      { name: 'rp4', arch: CpuArch.ARM64, labels: { backend: 'true' }, purpose: 'backend services' },
      { name: 's1', arch: CpuArch.AMD64, labels: { role: 'chunkserver' }, server: true, purpose: 'GFS chunkserver, control plane, etcd' },
      { name: 's2', arch: CpuArch.AMD64, labels: { role: 'chunkserver' }, server: true, purpose: 'GFS chunkserver, control plane, etcd' },
      { name: 's3', arch: CpuArch.AMD64, labels: { role: 'chunkserver' }, server: true, purpose: 'GFS chunkserver, control plane, etcd' },
    ],
    provided,
  );
}
