import { App } from 'cdk8s';
import { parse } from 'yaml';
import { collectPlatforms, policyInputOf } from '../../lib/output/collect';
import { Manifest } from '../../lib/core/manifest';
import { layoutDist } from '../../lib/output/layout';
import { eddCloudProduction } from '../../platforms/edd-cloud/config';
import { eddCloud } from '../../platforms/edd-cloud/edd-cloud';
import { verifyPlatforms } from '../../lib/policy/verify-platforms';
import { completePlatforms, synthesize } from '../../lib/pipeline/synth';
import { ClusterContract } from '../../lib/addons/cluster-contract';
import { placementRows } from '../../lib/docs/placement-table';
import { eddCloudNodes } from '../../platforms/edd-cloud/nodes';

const app = new App();
eddCloud(app, eddCloudProduction);
completePlatforms(app); // its add-ons and Flux entry point, as the synth adds them
const platforms = collectPlatforms(app);
const all: Manifest[] = platforms.flatMap((p) => p.layers.flatMap((l) => l.manifests));
const get = (kind: string, name: string) => all.find((m) => m.kind === kind && m.name === name)!.object;
const podOf = (kind: string, name: string) => get(kind, name).spec.template.spec;
const portsOf = (name: string) => get('Service', name).spec.ports.map((p: any) => p.port);

describe('edd-cloud', () => {
  test('snapshot of every dist file (review the diff like code)', () => {
    expect(Object.fromEntries(layoutDist(platforms))).toMatchSnapshot();
  });

  test('passes the synth policies', () => {
    expect(verifyPlatforms(platforms.map(policyInputOf)).errors.map((e) => e.message)).toEqual([]);
  });

  test('the eight nodes with their architectures and labels are on record', () => {
    const data = get('ConfigMap', 'edd-cloud-nodes').data;
    const nodes = Object.fromEntries(Object.entries(data).map(([k, v]) => [k.replace('.yaml', ''), parse(v as string)]));
    expect(Object.keys(nodes).sort()).toEqual(['rp1', 'rp2', 'rp3', 'rp4', 's0', 's1', 's2', 's3']);
    expect(nodes.s0).toMatchObject({
      architecture: 'amd64',
      labels: { 'core-services': 'true', 'gfs-master': 'true', 'kubernetes.io/hostname': 's0' },
    });
    expect(nodes.rp2).toMatchObject({ architecture: 'arm64', labels: { backend: 'true', 'core-services': 'true' } });
    expect(nodes.rp1.labels['db-role']).toBe('replica');
    for (const s of ['s1', 's2', 's3']) expect(nodes[s]).toMatchObject({ architecture: 'amd64', role: 'system', labels: { role: 'chunkserver' } });
  });

  // Seed "Services", row by row: the Service, its type and its ports, nothing else.
  test.each([
    ['gateway', 'LoadBalancer', [80, 443, 2222, ...Array.from({ length: 1000 }, (_, i) => 8000 + i)]],
    ['auth-service', 'ClusterIP', [80]],
    ['simple-file-share-backend', 'ClusterIP', [80]],
    ['simple-file-share-frontend', 'ClusterIP', [80]],
    ['edd-compute', 'ClusterIP', [80]],
    ['cluster-monitor', 'ClusterIP', [80]],
    ['log-service', 'ClusterIP', [50051, 80]],
    ['notification-service', 'ClusterIP', [80]],
    ['edd-cloud-docs', 'ClusterIP', [80]],
    ['postgres', 'ClusterIP', [5432]],
    ['haproxy', 'ClusterIP', [5432]],
    ['gfs-master', 'ClusterIP', [9000]],
    ['nats', 'ClusterIP', [4222, 8222]],
  ])('Service %s is %s on %j', (name, type, ports) => {
    const service = get('Service', name);
    expect(service.spec.type).toBe(type);
    expect(service.spec.clusterIP).toBeUndefined();
    expect(portsOf(name)).toEqual(ports);
  });

  test('the only other Services are the headless governing Services of the StatefulSets', () => {
    const extra = all
      .filter((m) => m.kind === 'Service' && m.object.spec.clusterIP === 'None')
      .map((m) => m.name)
      .sort();
    expect(extra).toEqual(['gfs-chunkserver', 'postgres-primary', 'postgres-replica', 'postgres-replica-s0', 'postgres-replicas']);
    expect(all.filter((m) => m.kind === 'Service').length).toBe(13 + extra.length);
  });

  test('the 8000-8999 range is written out with unique names, same on the gateway container, one NetworkPolicy rule', () => {
    const ports = get('Service', 'gateway').spec.ports.filter((p: any) => p.port >= 8000);
    expect(new Set(ports.map((p: any) => p.name)).size).toBe(1000);
    expect(ports[0]).toEqual({ name: 'p8000', port: 8000, targetPort: 'p8000', protocol: 'TCP' });
    const container = podOf('Deployment', 'gateway').containers[0];
    expect(container.ports.filter((p: any) => p.containerPort >= 8000 && p.containerPort <= 8999)).toHaveLength(1000);
    expect(get('NetworkPolicy', 'gateway-from-clients').spec.ingress[0].ports).toContainEqual({ protocol: 'TCP', port: 8000, endPort: 8999 });
  });

  // Seed "Deployments": label, replica count, and two replicas never on one node.
  test.each([
    ['gateway', { 'core-services': 'true' }, 1],
    ['auth-service', { backend: 'true' }, 1],
    ['simple-file-share-backend', { backend: 'true' }, 2],
    ['simple-file-share-frontend', { backend: 'true' }, 2],
    ['edd-compute', { backend: 'true' }, 2],
    ['cluster-monitor', { backend: 'true' }, 2],
    ['log-service', { backend: 'true' }, 1],
    ['notification-service', { 'core-services': 'true' }, 1],
    ['nats', { backend: 'true' }, 1],
    ['edd-cloud-docs', { backend: 'true' }, 2],
    ['gfs-master', { 'gfs-master': 'true' }, 1],
    ['haproxy', { 'db-role': 'replica' }, 1],
  ])('Deployment %s on %j with %i replica(s)', (name, selector, replicas) => {
    const deployment = get('Deployment', name);
    expect(deployment.spec.replicas).toBe(replicas);
    expect(deployment.spec.template.spec.nodeSelector).toEqual(selector);
    const spread = deployment.spec.template.spec.topologySpreadConstraints;
    if (replicas > 1) {
      expect(spread).toEqual([
        {
          topologyKey: 'kubernetes.io/hostname',
          maxSkew: 1,
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: deployment.spec.selector.matchLabels },
        },
      ]);
    } else {
      expect(spread).toBeUndefined();
    }
  });

  test('chunkservers: a StatefulSet on s1-s3, one a node, host network, a 100Gi local-path claim each', () => {
    const chunkserver = get('StatefulSet', 'gfs-chunkserver');
    expect(all.filter((m) => m.kind === 'DaemonSet')).toEqual([]);
    expect(chunkserver.metadata.namespace).toBe('edd-cloud-gfs');
    expect(chunkserver.spec).toMatchObject({ replicas: 3, podManagementPolicy: 'Parallel', serviceName: 'gfs-chunkserver' });
    expect(chunkserver.spec.template.spec).toMatchObject({
      hostNetwork: true,
      dnsPolicy: 'ClusterFirstWithHostNet',
      nodeSelector: { role: 'chunkserver' },
    });
    expect(chunkserver.spec.template.spec.topologySpreadConstraints[0]).toMatchObject({
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'DoNotSchedule',
    });
    expect(chunkserver.spec.volumeClaimTemplates[0].spec).toMatchObject({
      storageClassName: 'local-path',
      resources: { requests: { storage: '100Gi' } },
    });
  });

  test("PostgreSQL: primary on s0 with the seed's postgres-data claim, replicas on s0, rp1 and each backend node", () => {
    const primary = get('StatefulSet', 'postgres-primary');
    expect(primary.spec.template.spec.nodeSelector).toEqual({ 'kubernetes.io/hostname': 's0' });
    expect(primary.spec.volumeClaimTemplates[0]).toMatchObject({
      metadata: { name: 'postgres-data' },
      spec: { storageClassName: 'local-path', resources: { requests: { storage: '5Gi' } } },
    });
    expect(get('StatefulSet', 'postgres-replica-s0').spec.template.spec.nodeSelector).toEqual({ 'kubernetes.io/hostname': 's0' });
    expect(get('StatefulSet', 'postgres-replica').spec.template.spec.nodeSelector).toEqual({ 'db-role': 'replica' });
    const spread = get('StatefulSet', 'postgres-replicas');
    expect(spread.spec.replicas).toBe(3);
    expect(spread.spec.template.spec.nodeSelector).toEqual({ backend: 'true' });
    for (const name of ['postgres-replica-s0', 'postgres-replica', 'postgres-replicas']) {
      expect(podOf('StatefulSet', name).initContainers[0].command.join(' ')).toContain(
        'pg_basebackup -h postgres.edd-cloud.svc.cluster.local -p 5432',
      );
    }
  });

  test('secrets are referenced by name only; regcred pulls every eddisonso image', () => {
    expect(all.filter((m) => m.kind === 'Secret')).toEqual([]);
    const text = JSON.stringify(all.map((m) => m.object));
    for (const name of ['postgres-credentials', 'edd-cloud-auth', 'eddisonso-wildcard-tls']) expect(text).toContain(`"${name}"`);
    for (const m of all.filter((x) => ['Deployment', 'StatefulSet'].includes(x.kind))) {
      const spec = m.object.spec.template.spec;
      const ours = spec.containers.some((c: any) => c.image.includes('/eddisonso/'));
      expect([m.name, spec.imagePullSecrets]).toEqual([m.name, ours ? [{ name: 'regcred' }] : undefined]);
    }
  });

  test("the docs' placement table names the nodes a label set selects, with their architectures", () => {
    const rows = placementRows(all, eddCloudNodes().pools);
    const row = (workload: string) => rows.find((r) => r.workload === workload)!;
    expect([row('Deployment edd-cloud/gateway').pool, row('Deployment edd-cloud/gateway').arch]).toEqual(['s0, rp2 (static nodes)', 'amd64, arm64']);
    expect([row('StatefulSet edd-cloud-gfs/gfs-chunkserver').pool, row('StatefulSet edd-cloud-gfs/gfs-chunkserver').arch]).toEqual([
      's1, s2, s3 (static nodes)',
      'amd64',
    ]);
    expect(row('StatefulSet edd-cloud/postgres-primary').pool).toBe('s0 (static nodes)');
  });

  test('closed only with the k3s built-ins (Traefik not among them) and the Secrets declared as prerequisites', () => {
    const errorsWith = (cluster: ClusterContract) => {
      const result = synthesize(
        (() => {
          const a = new App();
          eddCloud(a, { ...eddCloudProduction, cluster });
          return a;
        })(),
      );
      return result.ok ? [] : result.errors.map((e) => e.message);
    };
    const { provided, prerequisites } = eddCloudProduction.cluster;
    expect(provided!.map((p) => p.addon)).toEqual(['coredns', 'local-path-provisioner', 'metrics-server', 'servicelb']);
    expect(errorsWith(eddCloudProduction.cluster)).toEqual([]);
    expect(prerequisites!.map((p) => `${p.namespace}/${p.name}`)).toEqual([
      'edd-cloud/postgres-credentials',
      'edd-cloud/edd-cloud-auth',
      'edd-cloud/eddisonso-wildcard-tls',
      'edd-cloud/regcred',
      'edd-cloud-gfs/regcred',
    ]);
    const noTls = errorsWith({ provided, prerequisites: prerequisites!.filter((p) => p.name !== 'eddisonso-wildcard-tls') });
    expect(noTls).toEqual([
      'edd-cloud/apps/gateway/deployment: spec.template.spec.volumes[0].secret.secretName names a Secret in namespace edd-cloud that nothing creates: not the build, its add-ons, nor a declared prerequisite (got "eddisonso-wildcard-tls"); fix: create the Secret in the build, fix the name, or declare it in the platform\'s cluster.prerequisites with who creates it',
    ]);
  });

  test('k3s-provided add-ons (CoreDNS, metrics-server, local-path, ServiceLB; Traefik is disabled) are not installed', () => {
    expect(all.filter((m) => ['StorageClass', 'IngressClass', 'APIService'].includes(m.kind))).toEqual([]);
    expect(all.map((m) => m.name).filter((n) => /traefik|coredns|metrics-server|local-path/.test(n))).toEqual([]);
  });
});
