import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { declareNotSecret } from '../../lib/core/not-secret';
import { AppConfig } from '../../lib/workloads/config-map';
import { WebService } from '../../lib/workloads/web-service';
import { rawPodSpec } from '../helpers';
import { Case, customResourceDefinition, PROBES, rawDeployment, web } from './fixtures';

const CONTENT_FIX =
  'keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")';

/** Fixtures the secret scanner knows (not real credentials; AWS's documented examples are ignored by it). */
const GITHUB_TOKEN = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;

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
];
