import { App } from 'cdk8s';
import { parse } from 'yaml';
import { collectPlatforms, policyInputOf } from '../../lib/output/collect';
import { Manifest } from '../../lib/core/manifest';
import { layoutDist } from '../../lib/output/layout';
import { archiverse } from '../../platforms/archiverse/archiverse';
import { archiverseProduction } from '../../platforms/archiverse/config';
import { completePlatforms } from '../../lib/pipeline/synth';
import { verifyPlatforms } from '../../lib/policy/verify-platforms';

const app = new App();
archiverse(app, archiverseProduction);
completePlatforms(app); // its add-ons and Flux entry point, as the synth adds them
const platforms = collectPlatforms(app);
const all: Manifest[] = platforms.flatMap((p) => p.layers.flatMap((l) => l.manifests));
const get = (kind: string, name: string) => all.find((m) => m.kind === kind && m.name === name)!.object;
const podOf = (kind: string, name: string) => get(kind, name).spec.template.spec;

describe('archiverse', () => {
  test('snapshot of every dist file (review the diff like code)', () => {
    expect(Object.fromEntries(layoutDist(platforms))).toMatchSnapshot();
  });

  test('passes the synth policies', () => {
    expect(verifyPlatforms(platforms.map(policyInputOf)).errors.map((e) => e.message)).toEqual([]);
  });

  test('four node pools with the seed sizes, nodepool labels and workload taints', () => {
    const inventory = get('ConfigMap', 'archiverse-node-pools');
    expect(inventory.metadata.namespace).toBe('kube-system');
    const pools = Object.fromEntries(Object.entries(inventory.data).map(([k, v]) => [k, parse(v as string)]));
    expect(Object.keys(pools).sort()).toEqual(['backend.yaml', 'db.yaml', 'frontend.yaml', 'system.yaml']);
    expect(pools['system.yaml']).toMatchObject({
      role: 'system',
      instanceType: 'Standard_B2ps_v2',
      architecture: 'arm64',
      minNodes: 1,
      maxNodes: 1,
      autoscaling: false,
      labels: { nodepool: 'system-pool' },
    });
    expect(pools['system.yaml'].taints).toBeUndefined();
    expect(pools['frontend.yaml']).toMatchObject({
      role: 'user',
      minNodes: 2,
      maxNodes: 5,
      autoscaling: true,
      labels: { nodepool: 'frontend-pool' },
      taints: ['workload=frontend:NoSchedule'],
    });
    expect(pools['backend.yaml']).toMatchObject({
      minNodes: 2,
      maxNodes: 5,
      autoscaling: true,
      labels: { nodepool: 'backend-pool' },
      taints: ['workload=appservice:NoSchedule'],
    });
    expect(pools['db.yaml']).toMatchObject({
      minNodes: 1,
      maxNodes: 1,
      autoscaling: false,
      labels: { nodepool: 'db-pool' },
      taints: ['workload=postgres:NoSchedule'],
    });
  });

  test.each([
    ['Deployment', 'frontend', 'frontend-pool', 'frontend', { cpu: '100m', memory: '256Mi' }, { cpu: '500m', memory: '512Mi' }],
    ['Deployment', 'backend', 'backend-pool', 'appservice', { cpu: '100m', memory: '256Mi' }, { cpu: '500m', memory: '512Mi' }],
    ['StatefulSet', 'postgres', 'db-pool', 'postgres', { cpu: '250m', memory: '512Mi' }, { cpu: '500m', memory: '1Gi' }],
  ])('%s %s: seed placement and resources', (kind, name, nodepool, workload, requests, limits) => {
    const pod = podOf(kind, name);
    expect(pod.nodeSelector).toEqual({ nodepool, 'kubernetes.io/arch': 'arm64' });
    expect(pod.tolerations).toEqual([{ key: 'workload', operator: 'Equal', value: workload, effect: 'NoSchedule' }]);
    expect(pod.containers[0].resources).toEqual({ requests, limits });
  });

  test('PostgreSQL: StatefulSet with config, Service, ServiceAccount and a data claim', () => {
    expect(get('ConfigMap', 'postgres-config').data).toEqual({
      POSTGRES_DB: 'archiverse',
      POSTGRES_USER: 'archiverse',
      PGDATA: '/var/lib/postgresql/data/pgdata',
    });
    expect(get('Service', 'postgres').spec.ports).toEqual([{ name: 'postgres', port: 5432, targetPort: 'postgres', protocol: 'TCP' }]);
    expect(get('ServiceAccount', 'postgres').automountServiceAccountToken).toBe(false);
    const set = get('StatefulSet', 'postgres');
    expect(set.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('10Gi');
    expect(set.spec.template.spec.containers[0].env).toEqual([
      { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'postgres-credentials', key: 'password' } } },
    ]);
  });

  test('network chain: frontend -> backend -> database, database only from backend, DNS for all', () => {
    const policies = all.filter((m) => m.kind === 'NetworkPolicy');
    const egress = (name: string) =>
      policies.filter(
        (p) => p.object.spec.policyTypes.includes('Egress') && p.object.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === name,
      );
    const ingress = (name: string) =>
      policies.filter(
        (p) => p.object.spec.policyTypes.includes('Ingress') && p.object.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === name,
      );
    const peers = (ps: Manifest[], side: 'egress' | 'ingress') =>
      ps.flatMap((p) =>
        p.object.spec[side].flatMap((r: any) => (r.to ?? r.from).map((x: any) => x.podSelector.matchLabels['app.kubernetes.io/name'])),
      );
    expect(peers(egress('frontend'), 'egress')).toEqual(['backend']);
    expect(peers(egress('backend'), 'egress')).toEqual(['postgres']);
    expect(egress('postgres')).toEqual([]);
    expect(peers(ingress('postgres'), 'ingress')).toEqual(['backend']);
    expect(peers(ingress('backend'), 'ingress').sort()).toEqual(['frontend', 'ingress-nginx']);
    expect(get('NetworkPolicy', 'default-deny-all').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(get('NetworkPolicy', 'allow-dns-egress').spec.podSelector).toEqual({});
  });

  test('cert-manager issuer, TLS Ingress and Key Vault SecretProviderClass', () => {
    expect(get('ClusterIssuer', 'letsencrypt-prod').spec.acme.solvers).toEqual([{ http01: { ingress: { ingressClassName: 'nginx' } } }]);
    const ingress = get('Ingress', 'archiverse');
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' });
    expect(ingress.spec.rules[0].http.paths.map((p: any) => `${p.path} -> ${p.backend.service.name}:${p.backend.service.port.number}`)).toEqual([
      '/api -> backend:8000',
      '/ -> frontend:3000',
    ]);
    expect(get('SecretProviderClass', 'archiverse-key-vault').spec.secretObjects.map((s: any) => s.secretName)).toEqual([
      'postgres-credentials',
      'backend-credentials',
    ]);
  });

  test('namespace enforces Pod Security restricted', () => {
    expect(get('Namespace', 'archiverse').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  test('no Secret objects and no literal secret values', () => {
    expect(all.some((m) => m.kind === 'Secret')).toBe(false);
    const env = all.flatMap((m) => m.object.spec?.template?.spec?.containers ?? []).flatMap((c: any) => c.env ?? []);
    expect(env.filter((e: any) => /PASSWORD|SECRET|TOKEN|URL/.test(e.name) && e.value !== undefined && !e.name.startsWith('API_URL'))).toEqual([]);
  });
});
