import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { EXCEPTION_ANNOTATION_PREFIX } from '../../lib/core/exceptions';
import { declareNotSecret, NOT_SECRET_ANNOTATION } from '../../lib/core/not-secret';
import { AlertRules } from '../../lib/monitoring/alert-rules';
import { Platform } from '../../lib/flux/platform';
import { SecureNamespace } from '../../lib/security/namespace';
import { AppConfig } from '../../lib/workloads/config-map';
import { WebService } from '../../lib/workloads/web-service';
import { rawPodSpec } from '../helpers';
import { ALERT, Case, Context, customResourceDefinition, PROBES, PROMETHEUS, rawDeployment, web } from './fixtures';

const CONTENT_FIX =
  'keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")';

/** Fixtures the secret scanner knows (not real credentials; AWS's documented examples are ignored by it). */
const GITHUB_TOKEN = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;

/** A made-up JWT: header {"alg":"HS256","typ":"JWT"}, a payload, a signature. */
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaSIsIm5hbWUiOiJkZXBsb3kifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

/** A HelmRelease in flux-system with these values, and the HelmRepository it installs from. */
function helmRelease(ctx: Context, values: Record<string, unknown>): void {
  new ApiObject(ctx.platform.infrastructure, 'charts', {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: { name: 'charts', namespace: 'flux-system' },
    spec: { interval: '1h', url: 'https://charts.example.com' },
  });
  new ApiObject(ctx.platform.infrastructure, 'release', {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'cache', namespace: 'flux-system' },
    spec: { interval: '30m', chart: { spec: { chart: 'redis', version: '1.0.0', sourceRef: { kind: 'HelmRepository', name: 'charts' } } }, values },
  });
}

/** A CronJob in namespace "apps" whose container runs `sh -c script`. */
function scriptJob(ctx: Context, script: string): void {
  new ApiObject(ctx.platform.apps, 'backup', {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'backup', namespace: 'apps' },
    spec: {
      schedule: '0 2 * * *',
      jobTemplate: { spec: { template: { spec: { ...rawPodSpec({ command: ['sh', '-c', script] }), restartPolicy: 'OnFailure' } } } },
    },
  });
}

const PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----\n${'MIIEowIBAAKCAQEA'.repeat(8)}\n-----END RSA PRIVATE KEY-----\n`;

/** Refused inputs: secret values: by name and by content, anywhere in an object. */
export const secretValues: Case[] = [
  [
    'secret given as a literal environment value',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { DB_PASSWORD: 'hunter2' } })),
    'test/apps/web: containers[0].env.DB_PASSWORD looks like a secret but is given as a literal, which would be written to dist/ (got "<literal value hidden>"); fix: reference it with EnvValue.fromSecret("secret-name", "key") and keep the value in the cluster or a secret store',
  ],
  [
    'secret-looking key in a ConfigMap',
    (ctx) => new AppConfig(ctx.platform.apps, 'config', { name: 'config', namespace: 'apps', data: { API_TOKEN: 'x' } }),
    'test/apps/config: data.API_TOKEN looks like a secret, and ConfigMaps are written to dist/ in clear (got "API_TOKEN"); fix: keep the value in a Secret or a secret store and reference it',
  ],
  [
    'Secret with data',
    (ctx) => new k8s.KubeSecret(ctx.platform.apps, 'secret', { metadata: { name: 'db', namespace: 'apps' }, stringData: { password: 'hunter2' } }),
    'test/apps/secret: stringData would write secret values to dist/ [no-secret-values] (got "<literal value hidden>"); fix: keep the Secret out of dist/ and sync it from a secret store (AzureKeyVaultSecrets) or create it in the cluster',
  ],
  [
    'literal secret in a hand-written pod',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ env: [{ name: 'API_TOKEN', value: 'abc' }] })),
    'test/apps/raw: spec.template.spec.containers[0].env[0].value is a literal value for API_TOKEN, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: reference it with valueFrom.secretKeyRef (EnvValue.fromSecret) and keep the value in the cluster or a secret store',
  ],
  [
    'a password in the userinfo of a URL',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, env: { DATABASE_URL: 'postgresql://user:pass@host/db' } })),
    `test/apps/web/deployment: spec.template.spec.containers[0].env[0].value holds what looks like a secret (url-userinfo/password) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`,
  ],
  [
    'a literal under a short secret name',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { DB_PASS: 'hunter2' } })),
    'test/apps/web: containers[0].env.DB_PASS looks like a secret but is given as a literal, which would be written to dist/ (got "<literal value hidden>"); fix: reference it with EnvValue.fromSecret("secret-name", "key") and keep the value in the cluster or a secret store',
  ],
  [
    'an AWS access key under a neutral name',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, env: { S3_USER: 'AKIAQWERTYUIOPASDFGH' } })),
    `test/apps/web/deployment: spec.template.spec.containers[0].env[0].value holds what looks like a secret (aws/AWSAccessKeyID) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`,
  ],
  [
    'a password flag in args',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, args: ['--db-password=hunter2'] })),
    'test/apps/web/deployment: spec.template.spec.containers[0].args[0] gives --db-password a literal value, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: pass it from the environment ("--flag=$(VAR)" with VAR from EnvValue.fromSecret) or from a mounted Secret file',
  ],
  [
    'a token flag and its value in command',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ...PROBES, command: ['/app', '--api-token', 'plain-value-1'] })),
    'test/apps/web/deployment: spec.template.spec.containers[0].command[2] gives --api-token a literal value, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: pass it from the environment ("--flag=$(VAR)" with VAR from EnvValue.fromSecret) or from a mounted Secret file',
  ],
  [
    'a password line in a ConfigMap file',
    (ctx) =>
      new AppConfig(ctx.platform.apps, 'config', {
        name: 'config',
        namespace: 'apps',
        data: { 'application.properties': 'server.port=8080\nspring.datasource.password=hunter2\n' },
      }),
    'test/apps/config/config-map: data.application.properties sets spring.datasource.password on one of its lines, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it',
  ],
  [
    'a secret-looking binaryData key',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'cm', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cm', namespace: 'apps' },
        binaryData: { API_TOKEN: Buffer.from('abc').toString('base64') },
      }),
    'test/apps/cm: binaryData.API_TOKEN looks like a secret, and ConfigMaps are written to dist/ in clear [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it',
  ],
  [
    'a private key inside binaryData',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'cm', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cm', namespace: 'apps' },
        binaryData: { 'tls.pem': Buffer.from(PRIVATE_KEY).toString('base64') },
      }),
    `test/apps/cm: binaryData.tls.pem holds what looks like a secret (privatekey/PrivateKey) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`,
  ],
  [
    'a token in an annotation',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'cm', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cm', namespace: 'apps', annotations: { 'ci.example.com/webhook': GITHUB_TOKEN } },
      }),
    `test/apps/cm: metadata.annotations.ci.example.com/webhook holds what looks like a secret (github/GITHUB_TOKEN) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`,
  ],
  [
    'a token in a nested list of a custom resource',
    (ctx) => {
      new ApiObject(
        ctx.platform.apps,
        'pipelines',
        customResourceDefinition('pipelines', 'Pipeline', { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }),
      );
      new ApiObject(ctx.platform.apps, 'cr', {
        apiVersion: 'example.com/v1',
        kind: 'Pipeline',
        metadata: { name: 'cr', namespace: 'apps' },
        spec: { steps: [{ env: [['TOKEN_FOR_CI', GITHUB_TOKEN]] }] },
      });
    },
    `test/apps/cr: spec.steps[0].env[0][1] holds what looks like a secret (github/GITHUB_TOKEN) [no-secret-values] (got "<literal value hidden>"); fix: ${CONTENT_FIX}`,
  ],
  [
    'a List wrapping a Secret',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'list', {
        apiVersion: 'v1',
        kind: 'List',
        metadata: { name: 'bundle' },
        items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'apps' }, data: { a: 'aGk=' } }],
      } as any),
    'test/apps/list: kind wraps objects that the checks would not see (kustomize unpacks it, e.g. into a Secret with data) (got "List"); fix: create each item as an object of its own',
  ],
  [
    'a declared non-secret that the rule does not flag',
    (ctx) => {
      const cm = new ApiObject(ctx.platform.apps, 'cm', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cm', namespace: 'apps' },
        data: { mode: 'fast' },
      });
      declareNotSecret(cm, 'data.mode', 'a speed setting, read by the app at start');
    },
    'test/apps/cm: metadata.annotations["policy.k8s-platforms.dev/not-secret"] declares a value not secret that no part of the rule flags [no-secret-values] (got "data.mode"); fix: remove the declaration, so the rule guards this value again',
  ],
  [
    'a non-secret declared on a field that does not exist',
    (ctx) =>
      declareNotSecret(
        new AppConfig(ctx.platform.apps, 'config', { name: 'config', namespace: 'apps', data: { mode: 'fast' } }),
        'data.nothing',
        'a speed setting, read by the app at start',
      ),
    'test/apps/config: notSecret.field names no string field of an object made here (got "data.nothing"); fix: copy the field from the refusal, and pass the construct that makes the one object',
  ],
  [
    'a non-secret declared without a reason',
    (ctx) =>
      declareNotSecret(
        new AppConfig(ctx.platform.apps, 'config', { name: 'config', namespace: 'apps', data: { mode: 'fast' } }),
        'data.mode',
        'test',
      ),
    'test/apps/config: notSecret.reason must say in at least 10 characters why the value is not a secret (got "test"); fix: write the reason a reviewer needs',
  ],
  [
    'a password in HelmRelease values',
    (ctx) => helmRelease(ctx, { auth: { enabled: true, password: 'hunter2-redis' } }),
    'test/infrastructure/release: spec.values.auth.password is a literal under a name that says it is a secret [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a HelmRelease takes values from it with valuesFrom, a Flux Kustomization with postBuild.substituteFrom, a pod with imagePullSecrets)',
  ],
  [
    'a password in a Flux postBuild.substitute',
    (ctx) =>
      new ApiObject(ctx.platform.infrastructure, 'tenants', {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'tenants', namespace: 'flux-system' },
        spec: {
          interval: '10m',
          path: './tenants',
          prune: true,
          sourceRef: { kind: 'GitRepository', name: 'flux-system' },
          postBuild: { substitute: { DB_PASSWORD: 'hunter2-db' } },
        },
      }),
    'test/infrastructure/tenants: spec.postBuild.substitute.DB_PASSWORD is a literal under a name that says it is a secret [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a HelmRelease takes values from it with valuesFrom, a Flux Kustomization with postBuild.substituteFrom, a pod with imagePullSecrets)',
  ],
  [
    'a password written by a heredoc in a CronJob script',
    (ctx) => scriptJob(ctx, 'cat > /etc/app.conf <<EOF\nuser=app\npassword=hunter2-conf\nEOF\nexec app'),
    'test/apps/backup: spec.jobTemplate.spec.template.spec.containers[0].command[2] holds what looks like a secret (assignment/password) [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
  ],
  [
    'an inline PGPASSWORD in a CronJob command',
    (ctx) => scriptJob(ctx, 'PGPASSWORD=hunter2-pg pg_dump -h db app > /backup/app.sql'),
    'test/apps/backup: spec.jobTemplate.spec.template.spec.containers[0].command[2] holds what looks like a secret (assignment/PGPASSWORD) [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
  ],
  [
    'a bearer token in a probe header',
    (ctx) =>
      rawDeployment(
        ctx,
        {},
        rawPodSpec({
          readinessProbe: { httpGet: { path: '/healthz', port: 8080, httpHeaders: [{ name: 'Authorization', value: 'Bearer s3cr3t-t0k3n-v4lue' }] } },
        }),
      ),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe.httpGet.httpHeaders[0].value gives Authorization a literal value, which looks like a secret [no-secret-values] (got "<literal value hidden>"); fix: take it from a Secret (an env var by valueFrom.secretKeyRef); a probe cannot read one, so probe a path that needs no credentials',
  ],
  [
    'an environment variable DB_PWD',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { DB_PWD: 'hunter2' } })),
    'test/apps/web: containers[0].env.DB_PWD looks like a secret but is given as a literal, which would be written to dist/ (got "<literal value hidden>"); fix: reference it with EnvValue.fromSecret("secret-name", "key") and keep the value in the cluster or a secret store',
  ],
  [
    'a password in minified JSON in a ConfigMap',
    (ctx) =>
      new AppConfig(ctx.platform.apps, 'config', {
        name: 'config',
        namespace: 'apps',
        data: { 'settings.json': '{"db":{"host":"db","password":"hunter2-json"}}' },
      }),
    'test/apps/config/config-map: data.settings.json holds what looks like a secret (json/key/password) [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
  ],
  [
    'a docker config.json auth in a ConfigMap',
    (ctx) =>
      new AppConfig(ctx.platform.apps, 'config', {
        name: 'config',
        namespace: 'apps',
        data: {
          'config.json': JSON.stringify({ auths: { 'registry.example.com': { auth: Buffer.from('ci:hunter2-registry').toString('base64') } } }),
        },
      }),
    'test/apps/config/config-map: data.config.json holds what looks like a secret (json/docker-config/auth) [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
  ],
  [
    'base64 of a user and password in an annotation',
    (ctx) =>
      new k8s.KubeConfigMap(ctx.platform.apps, 'config', {
        metadata: {
          name: 'config',
          namespace: 'apps',
          annotations: { 'example.com/upstream': Buffer.from('deploy:hunter2-upstream').toString('base64') },
        },
        data: { mode: 'fast' },
      }),
    'test/apps/config: metadata.annotations.example.com/upstream holds, base64-encoded, what looks like a secret (base64/user:password) [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
  ],
  [
    'a JWT in an annotation',
    (ctx) =>
      new k8s.KubeConfigMap(ctx.platform.apps, 'config', {
        metadata: { name: 'config', namespace: 'apps', annotations: { 'example.com/ci': JWT } },
        data: { mode: 'fast' },
      }),
    'test/apps/config: metadata.annotations.example.com/ci holds what looks like a secret (jwt) [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
  ],
  [
    'a password in a PrometheusRule description',
    (ctx) =>
      new AlertRules(ctx.platform.apps, 'alerts', {
        name: 'alerts',
        namespace: 'apps',
        prometheus: PROMETHEUS,
        groups: { app: [{ ...ALERT, description: 'log in to the console with password=hunter2-console and restart the app' }] },
      }),
    'test/apps/alerts/rule: spec.groups[0].rules[0].annotations.description holds what looks like a secret (assignment/password) [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
  ],
  [
    'a secretlint-disable directive before a GitHub token',
    (ctx) =>
      new AppConfig(ctx.platform.apps, 'config', {
        name: 'config',
        namespace: 'apps',
        data: { 'a-note': '# secretlint-disable', 'b-webhook': GITHUB_TOKEN },
      }),
    'test/apps/config/config-map: data.b-webhook holds what looks like a secret (github/GITHUB_TOKEN) [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
  ],
  [
    'a hand-written not-secret annotation with reason "x"',
    (ctx) =>
      new k8s.KubeConfigMap(ctx.platform.apps, 'config', {
        metadata: { name: 'config', namespace: 'apps', annotations: { [NOT_SECRET_ANNOTATION]: JSON.stringify({ 'data.DB_PASSWORD': 'x' }) } },
        data: { DB_PASSWORD: 'hunter2' },
      }),
    'test/apps/config: data.DB_PASSWORD looks like a secret, and ConfigMaps are written to dist/ in clear [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it\ntest/apps/config: metadata.annotations["policy.k8s-platforms.dev/not-secret"] declares a value not secret without a reason a reviewer can read (at least 10 characters, in words) [no-secret-values] (got "data.DB_PASSWORD"); fix: declare it with declareNotSecret(construct, field, reason), saying why the value is not a secret',
  ],
  [
    'a hand-written exception annotation with reason "x"',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'mysql:latest' })).metadata.addAnnotation(`${EXCEPTION_ANNOTATION_PREFIX}images-pinned`, 'x'),
    'test/apps/raw: spec.template.spec.containers[0].image must be pinned to a version (latest is not one) [images-pinned] (got "mysql:latest"); fix: give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float; or, if it cannot hold, declareException(obj, { rule: PolicyRule.IMAGES_PINNED, reason })\ntest/apps/raw: metadata.annotations["policy.k8s-platforms.dev/allow-images-pinned"] declares an exception without a reason a reviewer can read (at least 10 characters, in words) (got "x"); fix: declare it with declareException(obj, { rule, reason }), saying why the rule cannot hold',
  ],
  [
    'a credential as a label value',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { podLabels: { auth: 'Bearer s3cr3t-t0k3n-v4lue' } }, PROBES)),
    'test/apps/web: podLabels.auth must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit) (got <value hidden: it looks like a credential>); fix: keep the value in a Secret and reference it',
  ],
  [
    'a token in text the synth writes beside the objects',
    (ctx) => {
      const edge = new Platform(ctx.app, {
        name: 'edge',
        pools: ctx.pools,
        cluster: {
          prerequisites: [{ kind: 'Secret', name: 'registry', namespace: 'edge', reason: `made at bootstrap from the token ${GITHUB_TOKEN}` }],
        },
      });
      new SecureNamespace(edge.infrastructure, 'namespace', { name: 'edge' });
    },
    'kustomization/README.md: line 39 holds what looks like a secret (github/GITHUB_TOKEN) [no-secret-values] (got "<literal value hidden>"); fix: find where the synth took it from (the repository URL given to GitSource, a name, description or reason of the platform) and keep the secret out of it',
  ],
];
