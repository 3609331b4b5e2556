import { Site } from '../../lib/core/errors';
import { CpuArch, InstanceType } from '../../lib/placement/instance-types';
import { NodePool } from '../../lib/placement/node-pool';
import { ClusterAddons, StaticNodes } from '../../lib/placement/static-nodes';
import { K3S_BUILT_INS, k3sBuiltInsWithout } from '../../lib/addons/cluster-only';
import { eddCloudNodes } from '../../platforms/edd-cloud/nodes';

const site = new Site('test/apps/web');
const demand = (images = [] as any[], hostPorts = [] as any[]) => ({
  cpuMillicores: 100,
  memoryBytes: 1 << 20,
  gpus: 0,
  features: new Set<any>(),
  images,
  hostPorts,
});
const names = (labels: Record<string, string>) =>
  eddCloudNodes()
    .withLabels(labels)
    .nodes.map((n) => n.name);

describe('StaticNodes', () => {
  test('overlapping label sets select the nodes that carry every label', () => {
    expect(names({ 'core-services': 'true' })).toEqual(['s0', 'rp2']);
    expect(names({ backend: 'true' })).toEqual(['rp2', 'rp3', 'rp4']);
    expect(names({ backend: 'true', 'core-services': 'true' })).toEqual(['rp2']);
    expect(eddCloudNodes().named('s0').selector).toEqual({ 'kubernetes.io/hostname': 's0' });
  });

  test('onArch narrows the selection and puts the arch label in the nodeSelector', () => {
    const arm = eddCloudNodes().withLabels({ 'core-services': 'true' }).onArch(CpuArch.ARM64);
    expect(arm.nodes.map((n) => n.name)).toEqual(['rp2']);
    expect(arm.place(site, demand())).toEqual({ nodeSelector: { 'core-services': 'true', 'kubernetes.io/arch': 'arm64' }, podLabels: {} });
  });

  test('a multi-arch image may go on a mixed set; an undeclared image only on a single-arch one', () => {
    const nodes = eddCloudNodes();
    const multi = [{ field: 'containers[0].image', ref: 'x:1.0', architectures: [CpuArch.AMD64, CpuArch.ARM64] }];
    expect(nodes.withLabels({ 'core-services': 'true' }).place(site, demand(multi)).nodeSelector).toEqual({ 'core-services': 'true' });
    expect(nodes.withLabels({ backend: 'true' }).place(site, demand([{ field: 'containers[0].image', ref: 'x:1.0' }])).nodeSelector).toEqual({
      backend: 'true',
    });
  });

  test('host ports: the same port on disjoint nodes is fine, and the policy view has one pool a node', () => {
    const nodes = eddCloudNodes();
    nodes.withLabels({ role: 'chunkserver' }).place(site, demand([], [{ port: 9080, protocol: 'TCP' }]));
    expect(() =>
      nodes.withLabels({ 'db-role': 'replica' }).place(new Site('test/apps/other'), demand([], [{ port: 9080, protocol: 'TCP' }])),
    ).not.toThrow();
    expect(() => nodes.named('s3').place(new Site('test/apps/third'), demand([], [{ port: 9080, protocol: 'UDP' }]))).not.toThrow();
    const pools = nodes.pools;
    expect(pools.all.map((p) => p.name)).toEqual(['s0', 'rp1', 'rp2', 'rp3', 'rp4', 's1', 's2', 's3']);
    expect(pools.get('rp2').matchesNodeSelector({ backend: 'true' })).toBe(true);
    expect(pools.get('rp2').matchesNodeSelector({ backend: 'true', 'kubernetes.io/arch': 'amd64' })).toBe(false);
    expect(pools.get('s0').matchesNodeSelector({})).toBe(false);
  });

  test('a node pool refuses an image built for another architecture', () => {
    const pool = new NodePool({ name: 'arm', instanceType: InstanceType.AWS_M6G_LARGE, minNodes: 1, maxNodes: 2, labels: { pool: 'arm' } });
    expect(() => pool.place(site, demand([{ field: 'containers[0].image', ref: 'x:1.0', architectures: [CpuArch.AMD64] }]))).toThrow(
      'test/apps/web: containers[0].image runs on amd64 only, but the placement pool arm could choose pool arm (arm64) (got "x:1.0"); fix: build and push it for arm64 too (docker buildx --platform linux/amd64,linux/arm64) and declare it, or place it on amd64 nodes only (.onArch(CpuArch.AMD64))',
    );
  });
});

describe('StaticNodes and k3s packaged components', () => {
  const lab = (provided: string[]) =>
    new StaticNodes(
      'lab',
      [{ name: 'n1', arch: CpuArch.AMD64, labels: { role: 'edge' } }],
      provided.map((addon) => ({ addon })),
    );
  test('without ServiceLB provided a LoadBalancer takes no host ports, and Traefik holds none', () => {
    const nodes = lab(['traefik']);
    nodes.withLabels({ role: 'edge' }).claimLoadBalancerPorts(site, 'lb', [{ port: 80, protocol: 'TCP' }]);
    expect(() => nodes.withLabels({ role: 'edge' }).place(site, demand([], [{ port: 80, protocol: 'TCP' }]))).not.toThrow();
  });
  test('with ServiceLB provided and Traefik not, the first LoadBalancer on 80 is fine and a second one clashes', () => {
    const nodes = lab(['servicelb', 'coredns']);
    nodes.withLabels({ role: 'edge' }).claimLoadBalancerPorts(site, 'gateway', [{ port: 80, protocol: 'TCP' }]);
    expect(() =>
      nodes
        .withLabels({ role: 'edge' })
        .claimLoadBalancerPorts(new Site('test/apps/other', 'service.type'), 'other', [{ port: 80, protocol: 'TCP' }]),
    ).toThrow(
      'test/apps/other: service.type claims host port 80/TCP on n1, which gateway (a LoadBalancer, through k3s ServiceLB) also claims on n1 (got 80)',
    );
  });
  test('with K3S_BUILT_INS as provided, Traefik holds 80 and 443 on every node; k3sBuiltInsWithout("traefik") frees them', () => {
    const make = (provided: ClusterAddons) => new StaticNodes('lab', [{ name: 'n1', arch: CpuArch.AMD64, labels: { role: 'edge' } }], provided);
    expect(() =>
      make(K3S_BUILT_INS)
        .withLabels({ role: 'edge' })
        .claimLoadBalancerPorts(site, 'gateway', [{ port: 443, protocol: 'TCP' }]),
    ).toThrow("claims host port 443/TCP on n1, which k3s's packaged Traefik through ServiceLB");
    expect(() =>
      make(k3sBuiltInsWithout('traefik'))
        .withLabels({ role: 'edge' })
        .claimLoadBalancerPorts(site, 'gateway', [{ port: 443, protocol: 'TCP' }]),
    ).not.toThrow();
  });
});
