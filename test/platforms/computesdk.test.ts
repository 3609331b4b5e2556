import { App } from 'cdk8s';
import { parse } from 'yaml';
import { collectPlatforms, policyInputOf } from '../../lib/output/collect';
import { Manifest } from '../../lib/core/manifest';
import { layoutDist } from '../../lib/output/layout';
import { computesdk } from '../../platforms/computesdk/computesdk';
import { ComputesdkConfig, computesdkEks, computesdkLocal } from '../../platforms/computesdk/config';
import { completePlatforms } from '../../lib/pipeline/synth';
import { verifyPlatforms } from '../../lib/policy/verify-platforms';
import { findIn } from '../pipeline-helpers';

function build(config: ComputesdkConfig) {
  const app = new App();
  computesdk(app, config);
  completePlatforms(app); // its add-ons and Flux entry point, as the synth adds them
  const platforms = collectPlatforms(app);
  const all: Manifest[] = platforms.flatMap((p) => p.layers.flatMap((l) => l.manifests));
  return { platforms, all, get: (kind: string, name: string) => findIn(all, kind, name) };
}

describe.each([
  ['local', computesdkLocal],
  ['eks', computesdkEks],
] as const)('computesdk-%s', (env, config) => {
  const { platforms, all, get } = build(config);

  test('snapshot of every dist file (review the diff like code)', () => {
    expect(Object.fromEntries(layoutDist(platforms))).toMatchSnapshot();
  });
  test('passes the synth policies', () => {
    expect(verifyPlatforms(platforms.map(policyInputOf)).errors.map((e) => e.message)).toEqual([]);
  });
  test(`is written to dist/computesdk-${env}/`, () => {
    expect(platforms.map((p) => p.platform.folder)).toEqual([`computesdk-${env}`]);
  });
  test('installs the add-ons its constructs need that the cluster does not provide', () => {
    const app = new App();
    const platform = computesdk(app, config);
    const plan = platform.buildAddons();
    expect(plan.installed.map((a) => a.name)).toEqual(env === 'eks' ? ['aws-ebs-csi-driver'] : []);
    expect(plan.provided.map((p) => p.addon)).toEqual(config.cluster.provided!.map((p) => p.addon));
  });
  test('two restricted, closed namespaces', () => {
    for (const name of ['computesdk-system', 'computesdk-workloads']) {
      expect(get('Namespace', name).metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
      expect(all.some((m) => m.kind === 'NetworkPolicy' && m.namespace === name && m.name === 'default-deny-all')).toBe(true);
    }
  });
  test('the gateway: a LoadBalancer, RBAC on pods in computesdk-workloads only, no exec or port-forward', () => {
    expect(get('Service', 'compute-gateway').spec.type).toBe('LoadBalancer');
    const roles = all.filter((m) => m.kind === 'Role');
    expect(roles.map((r) => `${r.namespace}/${r.name}`)).toEqual(['computesdk-workloads/compute-instantiate-compute-gateway']);
    expect(roles[0].object.rules).toEqual([
      { apiGroups: [''], resources: ['podtemplates'], resourceNames: ['compute-session'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['create', 'get', 'list', 'watch', 'delete'] },
    ]);
    expect(get('RoleBinding', 'compute-instantiate-compute-gateway').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'compute-gateway', namespace: 'computesdk-system' },
    ]);
    expect(get('Deployment', 'compute-gateway').spec.template.spec.automountServiceAccountToken).toBe(true);
  });
  test('the API: several replicas behind a ClusterIP Service, an HPA and a PDB', () => {
    expect(get('Service', 'computesdk-api').spec.type).toBe('ClusterIP');
    const hpa = get('HorizontalPodAutoscaler', 'computesdk-api');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(get('PodDisruptionBudget', 'computesdk-api').spec).toMatchObject({ maxUnavailable: 1 });
    expect(get('Deployment', 'computesdk-api').spec.replicas).toBeUndefined();
  });
  test('the compute pod template: one pod a session in computesdk-workloads, reachable only from the gateway', () => {
    const template = get('PodTemplate', 'compute-session');
    expect(template.metadata.namespace).toBe('computesdk-workloads');
    expect(template.template.spec.automountServiceAccountToken).toBe(false);
    const ingress = all.filter(
      (m) =>
        m.kind === 'NetworkPolicy' &&
        m.namespace === 'computesdk-workloads' &&
        m.object.spec.policyTypes.includes('Ingress') &&
        m.name !== 'default-deny-all',
    );
    expect(ingress.map((m) => m.name)).toEqual(['compute-from-compute-gateway']);
    const egress = get('NetworkPolicy', 'compute-to-internet').spec.egress[0].to[0].ipBlock;
    expect(egress).toEqual({ cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'] });
  });
  test('MySQL, Redis (AOF on) and SeaweedFS master, volume, filer: each with a claim and a ClusterIP Service', () => {
    for (const name of ['mysql', 'redis', 'seaweedfs-master', 'seaweedfs-volume', 'seaweedfs-filer']) {
      expect(get('StatefulSet', name).spec.volumeClaimTemplates).toHaveLength(1);
      expect(get('Service', name).spec.type).toBe('ClusterIP');
      expect(get('Service', `${name}-headless`).spec.clusterIP).toBe('None');
    }
    expect(get('StatefulSet', 'redis').spec.template.spec.containers[0].args).toEqual(['--appendonly', 'yes', '--dir', '/data']);
    expect(get('Service', 'seaweedfs-filer').spec.ports.map((p: { name: string; port: number }) => `${p.name}:${p.port}`)).toEqual([
      'http:8888',
      'grpc:18888',
      's3:8333',
    ]);
  });
  test('seaweedfs-s3-config holds no key: the filer gets them from a referenced Secret', () => {
    const config = get('ConfigMap', 'seaweedfs-s3-config');
    const identities = JSON.parse(config.data['s3.json.template']).identities;
    expect(identities[0].credentials).toEqual([{ accessKey: '__S3_ACCESS_KEY__', secretKey: '__S3_SECRET_KEY__' }]);
    const init = get('StatefulSet', 'seaweedfs-filer').spec.template.spec.initContainers[0];
    expect(init.env).toEqual([
      { name: 'S3_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'seaweedfs-s3-credentials', key: 'access-key' } } },
      { name: 'S3_SECRET_KEY', valueFrom: { secretKeyRef: { name: 'seaweedfs-s3-credentials', key: 'secret-key' } } },
    ]);
    expect(all.filter((m) => m.kind === 'Secret')).toEqual([]);
  });
});

describe('computesdk: what differs between environments', () => {
  const local = build(computesdkLocal);
  const eks = build(computesdkEks);
  const images = (b: ReturnType<typeof build>) => b.all.flatMap((m) => JSON.stringify(m.object).match(/"image":"[^"]+"/g) ?? []);

  test('local: gVisor through a RuntimeClass (handler runsc) whose scheduling keeps pods on the labelled node', () => {
    expect(local.get('RuntimeClass', 'gvisor')).toMatchObject({
      handler: 'runsc',
      scheduling: { nodeSelector: { 'runtime.computesdk.dev/gvisor': 'true' } },
    });
    expect(local.get('PodTemplate', 'compute-session').template.spec.runtimeClassName).toBe('gvisor');
  });
  test('eks: no RuntimeClass; compute pods carry the Fargate profile label and no nodeSelector', () => {
    expect(eks.all.filter((m) => m.kind === 'RuntimeClass')).toEqual([]);
    const template = eks.get('PodTemplate', 'compute-session').template;
    expect(template.spec.runtimeClassName).toBeUndefined();
    expect(template.spec.nodeSelector).toBeUndefined();
    expect(template.metadata.labels['computesdk.dev/compute']).toBe('fargate');
  });
  test('eks: the Fargate profile the cluster must have is written in the node pool inventory', () => {
    const compute = parse(eks.get('ConfigMap', 'computesdk-node-pools').data['compute.yaml']);
    expect(compute.fargateProfile).toEqual({
      name: 'computesdk-compute',
      selectors: [{ namespace: 'computesdk-workloads', labels: { 'computesdk.dev/compute': 'fargate' } }],
    });
  });
  test('eks: system services on arm64 node groups, the data stores on their tainted pool', () => {
    expect(eks.get('Deployment', 'compute-gateway').spec.template.spec.nodeSelector).toEqual({
      'computesdk.dev/pool': 'system',
      'kubernetes.io/arch': 'arm64',
    });
    expect(eks.get('StatefulSet', 'mysql').spec.template.spec.tolerations).toEqual([
      { key: 'computesdk.dev/pool', operator: 'Equal', value: 'data', effect: 'NoSchedule' },
    ]);
  });
  test('eks: an NLB with an hour of idle timeout on the TCP listener; local: no cloud annotations', () => {
    expect(eks.get('Service', 'compute-gateway').metadata.annotations).toMatchObject({
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-443': 'tcp.idle_timeout.seconds=3600',
    });
    expect(local.get('Service', 'compute-gateway').metadata.annotations).toBeUndefined();
  });
  test('floating tags (mysql:latest, redis:alpine) only in local; eks pins every image', () => {
    expect(images(local)).toEqual(expect.arrayContaining(['"image":"mysql:latest"', '"image":"redis:alpine"']));
    expect(images(eks).filter((i) => /:latest"|:alpine"|:dev"/.test(i))).toEqual([]);
  });
  test("storage: OrbStack's local-path class locally, a gp3 class created on eks", () => {
    expect(local.get('StatefulSet', 'mysql').spec.volumeClaimTemplates[0].spec.storageClassName).toBe('local-path');
    expect(eks.get('StatefulSet', 'mysql').spec.volumeClaimTemplates[0].spec.storageClassName).toBe('computesdk-gp3');
    expect(eks.get('StorageClass', 'computesdk-gp3').parameters).toMatchObject({ type: 'gp3' });
  });
});

test("the eks gateway's NLB needs the AWS Load Balancer Controller: a cluster that does not declare it is refused", () => {
  const cluster = { ...computesdkEks.cluster, provided: computesdkEks.cluster.provided!.filter((p) => p.addon !== 'aws-load-balancer-controller') };
  const platform = computesdk(new App(), { ...computesdkEks, cluster });
  expect(() => platform.buildAddons()).toThrow(
    'computesdk-eks/apps/gateway: addon is an add-on only the cluster can provide (AWS Load Balancer Controller, set up with the EKS cluster (IAM role, VPC)), and the platform does not declare it provided (got "aws-load-balancer-controller")',
  );
});
