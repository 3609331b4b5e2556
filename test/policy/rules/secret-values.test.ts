import { ApiObject } from 'cdk8s';
import { declareNotSecret } from '../../../lib/core/not-secret';
import { secretValuesCheck } from '../../../lib/policy/rules/secret-values-check';
import { verifyPlatform } from '../../../lib/policy/verify';
import { collectPlatforms, policyInputOf } from '../../../lib/output/collect';
import { EnvValue } from '../../../lib/workloads/env';
import { Probe } from '../../../lib/workloads/probe';
import { WebService } from '../../../lib/workloads/web-service';
import { container, testPlatform } from '../../helpers';
import { checkFindings } from '../../pipeline-helpers';

const probes = { readinessProbe: Probe.httpGet('/healthz', 'http'), livenessProbe: Probe.httpGet('/healthz', 'http') };

describe('secret values: references pass, lookalikes are declared by field', () => {
  test('references to secrets are not secrets', () => {
    const ctx = testPlatform();
    new WebService(ctx.platform.apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: ctx.pools.get('general'),
      containers: [
        container({
          ...probes,
          env: {
            DB_PASSWORD: EnvValue.fromSecret('db', 'password'),
            DATABASE_URL: 'postgresql://app:$(DB_PASSWORD)@db/app',
            REDIS_URL: 'redis://redis:6379',
          },
          args: ['--db-password=$(DB_PASSWORD)', '--password-file=/run/secrets/db', '--token-path', '/var/run/token', '--secret-name=db'],
        }),
      ],
    });
    expect(checkFindings(ctx.app, secretValuesCheck)).toEqual([]);
  });

  test('a string the check was not prepared with is scanned when its object is checked', () => {
    // checkFindings prepares the check as the synth does; this calls check() alone, as a caller that skips prepare() would.
    const ctx = testPlatform();
    new ApiObject(ctx.platform.apps, 'unprepared', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'unprepared', namespace: 'apps' },
      data: { 'unprepared.txt': 'AKIAZXCVBNMASDFGHJKL' },
    });
    const [context] = collectPlatforms(ctx.app).map(policyInputOf);
    const configMap = context.manifests.find((m) => m.name === 'unprepared')!;
    expect(secretValuesCheck.check(configMap, context).map((f) => `${f.field} ${f.problem}`)).toEqual([
      'data.unprepared.txt holds what looks like a secret (aws/AWSAccessKeyID)',
    ]);
  });

  test('a value that only looks secret is declared next to it, and the report lists it', () => {
    const ctx = testPlatform();
    const fixture = new ApiObject(ctx.platform.apps, 'fixture', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'fixture', namespace: 'apps' },
      data: { 'sample.txt': 'AKIAQWERTYUIOPASDFGH' },
    });
    expect(checkFindings(ctx.app, secretValuesCheck)).toEqual([
      'test/apps/fixture: data.sample.txt holds what looks like a secret (aws/AWSAccessKeyID)',
    ]);
    declareNotSecret(fixture, 'data.sample.txt', 'a made-up key id that the scanner test suite feeds to the app');
    expect(checkFindings(ctx.app, secretValuesCheck)).toEqual([]);
    const [platform] = collectPlatforms(ctx.app);
    expect(verifyPlatform(policyInputOf(platform)).report.exceptions).toContainEqual({
      object: 'ConfigMap apps/fixture',
      rule: 'no-secret-values: data.sample.txt is not a secret',
      reason: 'a made-up key id that the scanner test suite feeds to the app',
    });
  });
});
