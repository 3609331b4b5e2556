import fc from 'fast-check';
import { ValidationError, ValidationErrors } from '../../lib/core/errors';
import { synthesize } from '../../lib/pipeline/synth';
import { AcmeClusterIssuer } from '../../lib/ingress/acme-issuer';
import { IngressController } from '../../lib/ingress/ingress-controller';
import { WebIngress } from '../../lib/ingress/web-ingress';
import { AlertRules } from '../../lib/monitoring/alert-rules';
import { AzureKeyVaultSecrets } from '../../lib/security/azure-key-vault';
import { SecureNamespace } from '../../lib/security/namespace';
import { NetworkGraph } from '../../lib/security/network-graph';
import { NamespacedRole } from '../../lib/security/rbac';
import { StorageClass } from '../../lib/storage/storage-class';
import { AppConfig } from '../../lib/workloads/config-map';
import { Probe } from '../../lib/workloads/probe';
import { ScheduledJob } from '../../lib/workloads/scheduled-job';
import { StatefulStore } from '../../lib/workloads/stateful-store';
import { WebService } from '../../lib/workloads/web-service';
import { container, testPlatform } from '../helpers';

type Context = ReturnType<typeof testPlatform>;
const GUID = '11111111-2222-3333-4444-555555555555';
const probes = { readinessProbe: Probe.httpGet('/healthz', 'http'), livenessProbe: Probe.httpGet('/healthz', 'http') };
const okContainer = () => container(probes);

/**
 * Each construct with valid props (a function, so every run builds fresh ones). The property
 * replaces or adds props at random, at the top level and inside the first container.
 */
const CONSTRUCTS: Record<string, (ctx: Context, props: Record<string, any>) => void> = {
  WebService: (ctx, p) => new WebService(ctx.platform.apps, 'subject', p as any),
  StatefulStore: (ctx, p) =>
    new StatefulStore(ctx.platform.apps, 'subject', { volumeClaims: [{ name: 'data', size: '1Gi', storageClass: 'default' }], ...p } as any),
  ScheduledJob: (ctx, p) =>
    new ScheduledJob(ctx.platform.apps, 'subject', {
      schedule: '0 2 * * *',
      ...p,
      containers: Array.isArray(p.containers)
        ? p.containers.map((c: any) => ({ ...c, readinessProbe: undefined, livenessProbe: undefined }))
        : p.containers,
    } as any),
  AppConfig: (ctx, p) =>
    new AppConfig(ctx.platform.apps, 'subject', { name: p.name, namespace: p.namespace, data: p.data ?? { mode: 'fast' } } as any),
  SecureNamespace: (ctx, p) =>
    new SecureNamespace(ctx.platform.infrastructure, 'subject', { name: p.name === 'web' ? 'extra' : p.name, labels: p.podLabels } as any),
  NamespacedRole: (ctx, p) =>
    new NamespacedRole(ctx.platform.apps, 'subject', {
      name: p.name,
      namespace: p.namespace,
      subjects: p.subjects ?? [{ name: 'web', namespace: 'apps' }],
      rules: p.rules ?? [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
    } as any),
  WebIngress: (ctx, p) => {
    const backend = new WebService(ctx.platform.apps, 'backend', {
      name: 'backend',
      namespace: 'apps',
      pool: ctx.pools.get('general'),
      containers: [okContainer()],
    });
    new WebIngress(ctx.platform.apps, 'subject', {
      name: p.name,
      namespace: p.namespace,
      host: p.host ?? 'shop.example.com',
      controller: IngressController.nginx(),
      network: new NetworkGraph(ctx.platform.apps, 'net'),
      routes: p.routes ?? [{ path: '/', backend, port: 'http' }],
    } as any);
  },
  AlertRules: (ctx, p) =>
    new AlertRules(ctx.platform.apps, 'subject', {
      name: p.name,
      namespace: p.namespace,
      prometheus: { namespace: 'monitoring', podLabels: { app: 'prometheus' }, selectorLabels: { release: 'prom' } },
      groups: p.groups ?? {
        app: [{ name: 'AppDown', expr: 'up == 0', for: '5m', severity: 'critical', summary: 'down', description: 'the app is down' }],
      },
    } as any),
  AcmeClusterIssuer: (ctx, p) =>
    new AcmeClusterIssuer(ctx.platform.infrastructure, 'subject', {
      name: p.name,
      email: p.email ?? 'ops@example.com',
      ingressController: IngressController.nginx(),
      server: p.server,
    } as any),
  AzureKeyVaultSecrets: (ctx, p) =>
    new AzureKeyVaultSecrets(ctx.platform.apps, 'subject', {
      name: p.name,
      namespace: p.namespace,
      keyVaultName: p.keyVaultName ?? 'vault',
      tenantId: p.tenantId ?? GUID,
      workloadIdentityClientId: GUID,
      secrets: p.secrets ?? [{ objectName: 'a', secretName: 'a', key: 'a' }],
    } as any),
  StorageClass: (ctx, p) =>
    new StorageClass(ctx.platform.infrastructure, 'subject', { name: p.name, provisioner: p.provisioner ?? 'disk.csi.azure.com', ...p.extra } as any),
};

/** Values a careless user or an attacker might pass for any prop. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    '',
    ' ',
    0,
    -1,
    1.5,
    1e9,
    Number.NaN,
    true,
    [],
    {},
    '*',
    '../x',
    'UPPER',
    'a'.repeat(300),
    '${TAG}',
    '60 25 * * *',
    'postgresql://u:hunter2@h/db',
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.anything({ maxDepth: 2 }),
);
const KEYS = [
  'name',
  'namespace',
  'pool',
  'replicas',
  'containers',
  'service',
  'podLabels',
  'autoscaling',
  'volumes',
  'data',
  'subjects',
  'rules',
  'host',
  'routes',
  'groups',
  'email',
  'server',
  'keyVaultName',
  'tenantId',
  'secrets',
  'provisioner',
  'schedule',
  'timeZone',
  'backoffLimit',
  'activeDeadlineSeconds',
  'extra',
];
const CONTAINER_KEYS = [
  'name',
  'image',
  'ports',
  'env',
  'args',
  'command',
  'resources',
  'readinessProbe',
  'livenessProbe',
  'volumeMounts',
  'privileged',
  'runAsRoot',
];
const mutation = fc.record({
  top: fc.array(fc.tuple(fc.constantFrom(...KEYS), anyValue), { maxLength: 2 }),
  inContainer: fc.array(fc.tuple(fc.constantFrom(...CONTAINER_KEYS), anyValue), { maxLength: 2 }),
});

/** A named error: the project's ValidationError (or a list of them), never a bare TypeError or a library's Error. */
function isNamed(error: unknown): boolean {
  if (error instanceof ValidationErrors) return error.errors.every(isNamed);
  return error instanceof ValidationError;
}

const RUNS_PER_CONSTRUCT = 100;
let totalRuns = 0;

describe('random props: schema-valid, policy-clean objects or a named error, never a stack trace', () => {
  for (const name of Object.keys(CONSTRUCTS))
    test(
      name,
      () => {
        let runs = 0;
        fc.assert(
          fc.property(mutation, ({ top, inContainer }) => {
            runs++;
            const ctx = testPlatform();
            const c: Record<string, any> = { ...okContainer() };
            for (const [key, value] of inContainer) c[key] = value;
            const props: Record<string, any> = { name: 'web', namespace: 'apps', pool: ctx.pools.get('general'), containers: [c] };
            for (const [key, value] of top) props[key] = value;
            try {
              CONSTRUCTS[name](ctx, props);
            } catch (error) {
              if (!isNamed(error))
                throw new Error(
                  `${name} threw a raw ${(error as Error)?.name}: ${(error as Error)?.message}\nprops: ${JSON.stringify({ top, inContainer })}`,
                  { cause: error },
                );
              return;
            }
            let result;
            try {
              result = synthesize(ctx.app);
            } catch (error) {
              throw new Error(
                `${name}: the synth threw a raw ${(error as Error)?.name}: ${(error as Error)?.message}\nprops: ${JSON.stringify({ top, inContainer })}`,
                { cause: error },
              );
            }
            if (!result.ok) expect(result.errors.every(isNamed)).toBe(true);
          }),
          { numRuns: RUNS_PER_CONSTRUCT, seed: 1111 },
        );
        totalRuns += runs;
        expect(runs).toBe(RUNS_PER_CONSTRUCT);
      },
      120_000,
    );

  afterAll(() => {
    // Every construct ran its full share of random cases: none stopped early or was skipped.
    expect(totalRuns).toBe(RUNS_PER_CONSTRUCT * Object.keys(CONSTRUCTS).length);
  });
});
