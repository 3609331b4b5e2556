import { HOSTNAME_LABEL } from '../../lib/core/labels';
import { CpuArch } from '../../lib/placement/instance-types';
import { StaticNodes } from '../../lib/placement/static-nodes';
import { loadImageCatalog } from '../../lib/workloads/image-catalog';
import { NodeDaemon } from '../../lib/workloads/node-daemon';
import { PortRange } from '../../lib/workloads/port-range';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { WebService } from '../../lib/workloads/web-service';
import { eddCloudNodes } from '../../platforms/edd-cloud/nodes';
import { Case, web } from './fixtures';

/** Refused inputs: static nodes (k3s): labels, architectures, port ranges, host ports, the image catalog. */
export const staticNodes: Case[] = [
  [
    'arm64-only image on a label set with an amd64 node',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(
          ctx,
          { pool: eddCloudNodes().withLabels({ 'core-services': 'true' }) },
          { image: { ref: 'eddisonso/ecloud-auth:abc1234', architectures: [CpuArch.ARM64] } },
        ),
      ),
    'test/apps/web: containers[0].image runs on arm64 only, but the placement core-services=true could choose s0 (amd64) (got "eddisonso/ecloud-auth:abc1234"); fix: build and push it for amd64 too (docker buildx --platform linux/arm64,linux/amd64) and declare it, or place it on arm64 nodes only (.onArch(CpuArch.ARM64))',
  ],
  [
    'image without architectures on a mixed label set',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: eddCloudNodes().withLabels({ 'core-services': 'true' }) })),
    'test/apps/web: containers[0].image must declare the architectures it runs on, because the placement core-services=true selects nodes of more than one (s0 amd64, rp2 arm64) (got "registry.example.com/app:1.0.0"); fix: declare the platforms its manifest list holds (e.g. architectures: [CpuArch.AMD64, CpuArch.ARM64]), or narrow the placement with .onArch(...)',
  ],
  [
    'label no node carries',
    () => eddCloudNodes().withLabels({ role: 'backend' }),
    'static nodes edd-cloud: labels select no node of this cluster (got {"role":"backend"}); fix: select with labels a node carries: backend=true (rp2, rp3, rp4), core-services=true (s0, rp2), db-role=replica (rp1), gfs-master=true (s0), role=chunkserver (s1, s2, s3), or a node by name (named("s0"))',
  ],
  [
    'architecture no node of the label has',
    () => eddCloudNodes().withLabels({ 'gfs-master': 'true' }).onArch(CpuArch.ARM64),
    'static nodes edd-cloud: labels select no node of this cluster (got {"gfs-master":"true","kubernetes.io/arch":"arm64"}); fix: select with labels a node carries: backend=true (rp2, rp3, rp4), core-services=true (s0, rp2), db-role=replica (rp1), gfs-master=true (s0), role=chunkserver (s1, s2, s3), or a node by name (named("s0"))',
  ],
  [
    'two static nodes with one name',
    () =>
      new StaticNodes('lab', [
        { name: 'n1', arch: CpuArch.AMD64, labels: { a: 'b' } },
        { name: 'n1', arch: CpuArch.ARM64, labels: {} },
      ]),
    'static nodes lab: nodes[1].name is used by two nodes (got "n1"); fix: give every node its own name',
  ],
  [
    'DaemonSet with claim templates',
    (ctx) =>
      new NodeDaemon(ctx.platform.apps, 'chunkserver', {
        ...web(ctx, {}, { volumeMounts: [{ volume: 'data', path: '/data' }] }),
        volumeClaims: [{ name: 'data', size: '100Gi', storageClass: 'local-path' }],
      }),
    'test/apps/chunkserver: volumeClaims cannot be given to a DaemonSet: only a StatefulSet makes a claim per pod from templates (apps/v1 DaemonSetSpec has no volumeClaimTemplates) (got ["data"]); fix: use a StatefulStore with replicas = the nodes, topologySpread: [ONE_PER_NODE] and the same placement (one pod a node, each with its own node-bound local-path claim)',
  ],
  [
    'port range beyond the limit',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [PortRange.of(8000, 9999, 'p')] } })),
    'test/apps/web: service.ports[0] expands to 2000 ports, more than the 1000 one range may give (got "8000-9999"); fix: narrow the range or split it over several Services; a Service cannot declare a range, so each port is written out',
  ],
  [
    'port range written backwards',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ports: [PortRange.of(9000, 8000, 'p')] })),
    'test/apps/web: containers[0].ports[0] must run from a lower to a higher port (got "9000-8000"); fix: write PortRange.of(8000, 9000, "p")',
  ],
  [
    'port name repeated by a range',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(
          ctx,
          { service: { ports: [{ name: 'p8000', port: 80, targetPort: 'http' }, PortRange.of(8000, 8001, 'p')] } },
          { ports: [{ name: 'http', port: 7080 }, PortRange.of(8000, 8001, 'p')] },
        ),
      ),
    'test/apps/web: service.ports[1].name repeats a port name of this Service (got "p8000"); fix: give every Service port its own name',
  ],
  [
    'host-network port clash on a shared node',
    (ctx) => {
      const nodes = eddCloudNodes();
      const daemon = (id: string, labels: Record<string, string>) =>
        new WebService(
          ctx.platform.apps,
          id,
          web(
            ctx,
            { name: id, pool: nodes.withLabels(labels), hostNetwork: { reason: 'serves on the node address' } },
            { ports: [{ name: 'gfs', port: 9080 }] },
          ),
        );
      daemon('chunkserver', { role: 'chunkserver' });
      daemon('other', { [HOSTNAME_LABEL]: 's2' });
    },
    'test/apps/other: hostNetwork claims host port 9080/TCP on s2, which test/apps/chunkserver also claims on s2 (got 9080); fix: give one of them another port, or place them on nodes that do not overlap',
  ],
  [
    'host-network port k3s holds',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(
          ctx,
          { pool: eddCloudNodes().named('s1'), hostNetwork: { reason: 'serves on the node address' } },
          { ports: [{ name: 'api', port: 6443 }] },
        ),
      ),
    'test/apps/web: hostNetwork claims host port 6443/TCP on s1, which k3s itself (kubelet, flannel, API server, etcd) also claims on s1 (got 6443); fix: give one of them another port, or place them on nodes that do not overlap',
  ],
  [
    "LoadBalancer on 80 with k3s's packaged Traefik left on",
    (ctx) => {
      const nodes = new StaticNodes('lab', [{ name: 'n1', arch: CpuArch.AMD64, labels: { role: 'edge' } }]);
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {
          pool: nodes.withLabels({ role: 'edge' }),
          service: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 'http' }], clients: ServiceClients.anywhere() },
        }),
      );
    },
    "test/apps/web: service.type claims host port 80/TCP on n1, which k3s's packaged Traefik through ServiceLB (start the k3s servers with --disable=traefik and leave traefik out of cluster.provided to free it) also claims on n1 (got 80); fix: give one of them another port, or place them on nodes that do not overlap",
  ],
  [
    "host-network port inside a LoadBalancer's ServiceLB ports",
    (ctx) => {
      const nodes = eddCloudNodes();
      new WebService(
        ctx.platform.apps,
        'gateway',
        web(
          ctx,
          {
            name: 'gateway',
            pool: nodes.withLabels({ backend: 'true' }),
            service: { type: 'LoadBalancer', ports: [PortRange.of(8000, 8002, 'p')], clients: ServiceClients.anywhere() },
          },
          { ports: [PortRange.of(8000, 8002, 'p')] },
        ),
      );
      new WebService(
        ctx.platform.apps,
        'agent',
        web(
          ctx,
          { name: 'agent', pool: nodes.withLabels({ role: 'chunkserver' }), hostNetwork: { reason: 'serves on the node address' } },
          { ports: [{ name: 'http', port: 8001 }] },
        ),
      );
    },
    'test/apps/agent: hostNetwork claims host port 8001/TCP on s1, s2, s3, which test/apps/gateway/service (a LoadBalancer, through k3s ServiceLB) also claims on s1, s2, s3 (got 8001); fix: give one of them another port, or place them on nodes that do not overlap',
  ],
  [
    'image tag that moves',
    () => loadImageCatalog('images.json', { gateway: { repository: 'docker.io/eddisonso/ecloud-gateway', tag: 'latest', architectures: ['amd64'] } }),
    'images.json: gateway.tag must be a commit (7-40 hex digits) or a version tag (got "latest"); fix: run: node scripts/set-image.mjs images.json gateway <commit sha>',
  ],
];
