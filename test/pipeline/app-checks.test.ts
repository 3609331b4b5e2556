import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, Chart } from 'cdk8s';
import '../../lib/pipeline/app-checks';
import { Platform } from '../../lib/flux/platform';
import { SecureNamespace } from '../../lib/security/namespace';
import { synthesize } from '../../lib/pipeline/synth';
import * as verifyModule from '../../lib/policy/verify';
import { rawPodSpec, testPlatform, testPools } from '../helpers';

/** cdk8s's app.synth() runs every construct validation before it writes: what it refuses, as it says it. */
function plainSynthErrors(app: App): string {
  try {
    app.synth();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the checks on a plain app.synth() (construct validations)', () => {
  test('a privileged container written through the escape hatch in a platform is refused before anything is written', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'plain-synth-'));
    const app = new App({ outdir });
    const platform = new Platform(app, { name: 'test', pools: testPools() });
    new SecureNamespace(platform.infrastructure, 'namespace', { name: 'apps' });
    new ApiObject(platform.apps, 'raw', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'raw', namespace: 'apps' },
      spec: {
        selector: { matchLabels: { app: 'raw' } },
        template: { metadata: { labels: { app: 'raw' } }, spec: rawPodSpec({ securityContext: { privileged: true } }) },
      },
    });
    const message = plainSynthErrors(app);
    expect(message).toContain('test/apps/raw: spec.template.spec.containers[0].securityContext.privileged');
    expect(message).toContain('[pod-security-restricted]');
    expect(readdirSync(outdir)).toEqual([]);
  });

  test('objects outside any platform are checked too, without pools: schema and every rule that needs none', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'plain-synth-')) });
    const chart = new Chart(app, 'mine');
    new SecureNamespace(chart, 'namespace', { name: 'apps' }); // one of the library's constructs arms the checks
    new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name', namespace: 'apps' }, data: { a: 'b' } });
    const message = plainSynthErrors(app);
    expect(message).toContain('mine/config: metadata.name must be a DNS-1123 subdomain');
    expect(message).not.toMatch(/pool/);
  });

  test('an app whose objects pass gives no error from the checks, and the pipeline does not run them a second time', () => {
    const { app } = testPlatform();
    expect(app.node.validate()).toEqual([]);
    const verify = jest.spyOn(verifyModule, 'verifyPrepared');
    try {
      expect(synthesize(app).ok).toBe(true);
      expect(verify).toHaveBeenCalledTimes(1); // the one platform, once: by the pipeline, not again by the app-wide validation
    } finally {
      verify.mockRestore();
    }
  });
});
