import { CpuArch } from '../../placement/instance-types';
import { StaticNodes } from '../../placement/static-nodes';

// Seed "Cluster Overview": eight k3s nodes, placement by node labels (not cloud pools). The
// label sets overlap: core-services spans s0 and rp2, backend spans rp2-rp4. A new inventory per
// build, since it records the host ports placed on each node. k3s's packaged Traefik is off
// (servers started with --disable=traefik): the seed's gateway is the LoadBalancer on 80 and 443.
export function eddCloudNodes(): StaticNodes {
  return new StaticNodes('edd-cloud', [
    { name: 's0', arch: CpuArch.AMD64, labels: { 'core-services': 'true', 'gfs-master': 'true' }, purpose: 'database primary, GFS master, gateway' },
    { name: 'rp1', arch: CpuArch.ARM64, labels: { 'db-role': 'replica' }, purpose: 'database replica, HAProxy' },
    { name: 'rp2', arch: CpuArch.ARM64, labels: { 'backend': 'true', 'core-services': 'true' }, purpose: 'backend services' },
    { name: 'rp3', arch: CpuArch.ARM64, labels: { backend: 'true' }, purpose: 'backend services' },
    { name: 'rp4', arch: CpuArch.ARM64, labels: { backend: 'true' }, purpose: 'backend services' },
    { name: 's1', arch: CpuArch.AMD64, labels: { role: 'chunkserver' }, server: true, purpose: 'GFS chunkserver, control plane, etcd' },
    { name: 's2', arch: CpuArch.AMD64, labels: { role: 'chunkserver' }, server: true, purpose: 'GFS chunkserver, control plane, etcd' },
    { name: 's3', arch: CpuArch.AMD64, labels: { role: 'chunkserver' }, server: true, purpose: 'GFS chunkserver, control plane, etcd' },
  ], { serviceLb: true, traefik: false });
}
