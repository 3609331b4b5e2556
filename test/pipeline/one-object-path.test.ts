import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { replaceDirectory } from '../../lib/publish/dist-swap';
import { listFiles } from '../../lib/output/file-tree';
import { GitSource } from '../../lib/flux/git-source';
import { runSynth } from '../../lib/pipeline/run-synth';
import { lockPath } from '../../lib/publish/synth-lock';
import { buildApp } from '../../platforms';
import { synthesize } from '../../lib/pipeline/synth';
import { testPlatform } from '../helpers';
import { refusalMessage, synthInto } from '../pipeline-helpers';

const FIX =
  'fix: create it in a layer chart of its platform (platform.infrastructure, platform.apps or platform.layer(Layer.CRDS)), or in a chart inside one, not on the App or a chart of your own';
const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'apps' } });

/** A dist/ with content the refused synths must leave alone. */
function committedDist(): { dist: string; snapshot: () => string[][] } {
  const dist = join(mkdtempSync(join(tmpdir(), 'stray-')), 'dist');
  replaceDirectory(
    dist,
    new Map([
      ['test/kustomization.yaml', 'resources: []\n'],
      ['test/apps/marker.yaml', 'before\n'],
    ]),
  );
  const snapshot = () => listFiles(join(dist, '..')).map((f) => [f, readFileSync(join(dist, '..', f), 'utf8')]);
  return { dist, snapshot };
}

describe('every object belongs to exactly one platform layer', () => {
  test.each([
    // (cdk8s itself refuses an ApiObject with no chart above it, e.g. one made on the App.)
    [
      "on a chart in a construct of the user's",
      (app: App) => new ApiObject(new Chart(new Construct(app, 'team'), 'charts'), 'stray', configMap('stray')),
      'team/charts/stray: (object) belongs to no platform layer, so it would never be written to dist/ (got "ConfigMap stray")',
    ],
    [
      "on a chart of the user's on the App",
      (app: App) => new ApiObject(new Chart(app, 'extras'), 'settings', configMap('settings')),
      'extras/settings: (object) belongs to no platform layer, so it would never be written to dist/ (got "ConfigMap settings")',
    ],
  ])('an object %s fails the synth with its path; nothing is written', (_title, make, message) => {
    const { app } = testPlatform();
    make(app);
    const { dist, snapshot } = committedDist();
    const before = snapshot();
    expect(refusalMessage(synthInto(app, dist))).toBe(`${message}; ${FIX}`);
    expect(snapshot()).toEqual(before);
  });

  test('an object on a chart the user made inside the platform, but not in a layer, is refused too', () => {
    const { app, platform } = testPlatform();
    new ApiObject(new Chart(platform, 'mine'), 'settings', configMap('settings'));
    const result = synthesize(app);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      `test/mine/settings: (object) belongs to no platform layer, so it would never be written to dist/ (got "ConfigMap settings"); ${FIX}`,
    ]);
  });

  test('an object in a chart nested inside a layer chart belongs to that layer', () => {
    const { app, platform } = testPlatform();
    new ApiObject(new Chart(platform.apps, 'nested'), 'settings', configMap('settings'));
    const result = synthesize(app);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.trees.dist.get('test/apps/apps/configmap-settings.yaml')).toMatch(/^# Generated from test\/apps\/nested\/settings;/);
  });
});

describe('synthesize() returns its outcome', () => {
  test('a failed check comes back as errors and the checks table, not as an exception', () => {
    const { app, platform } = testPlatform();
    new ApiObject(platform.apps, 'leak', { ...configMap('leak'), data: { password: 'hunter2' } });
    const result = synthesize(app);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/apps/leak: data.password looks like a secret, and ConfigMaps are written to dist/ in clear [no-secret-values] (got "<literal value hidden>"); fix: keep the value in a Secret or a secret store and reference it',
    ]);
    expect(result.checks).toMatch(
      /^ {2}platform +kubernetes +flux +objects +validated +checks +failures +exceptions\n {2}test +1\.28 +2\.3-2\.4 +\d+ +\d+ +\d+ +1 +0\n/,
    );
  });

  test('a ValidationError thrown while the app is built comes back as a refusal of the synth run, not an exception', () => {
    const { dist, snapshot } = committedDist();
    const before = snapshot();
    const outcome = runSynth(dist, () => ({ app: new App(), source: new GitSource({ url: 'git.example.com/repo.git' }) }));
    expect(refusalMessage(outcome)).toBe(
      'GitSource: url must be an https:// or ssh:// clone URL (got "git.example.com/repo.git"); fix: give the URL the cluster clones, e.g. "ssh://git@github.com/org/repo.git"',
    );
    expect(snapshot()).toEqual(before);
  });

  test('anything else is a bug and is thrown, with the lock released', () => {
    const { dist } = committedDist();
    expect(() =>
      runSynth(dist, () => {
        throw new TypeError('boom');
      }),
    ).toThrow('boom');
    expect(existsSync(lockPath(dist))).toBe(false);
  });
});

describe('the Flux entry points take the same path as every other object', () => {
  const app = buildApp();
  const result = synthesize(app, { source: app.source });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));

  test.each(result.report.platforms.map((p) => [p.name, p] as const))(
    '%s: the report counts them, validates them against their pinned CRDs, and finds nothing',
    (name, platform) => {
      const distObjects = result.summary.platforms.find((p) => p.name === name)!.objects;
      const entryObjects = [...result.trees.entryPoints]
        .filter(([f]) => f.startsWith(`${name}/`) && !f.endsWith('/kustomization.yaml'))
        .map(([, text]) => parse(text));
      const kinds = entryObjects.map((o) => o.kind).sort();
      expect(kinds.filter((k) => k !== 'Kustomization')).toEqual(['Alert', 'Provider']);
      expect(kinds.filter((k) => k === 'Kustomization').length).toBe(result.trees.dist.get(`${name}/kustomization.yaml`)!.match(/^ {2}- /gm)!.length);
      expect(platform.objects).toBe(distObjects + entryObjects.length);
      const ids = entryObjects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`);
      expect(platform.schema.unvalidated.map((u) => u.object).filter((id) => ids.includes(id))).toEqual([]);
      // The layers read the flux-system GitRepository that `flux bootstrap` makes: the entry point has none.
      expect(platform.schema.sources['CRD gitrepositories.source.toolkit.fluxcd.io']).toBeUndefined();
      expect(platform.schema.sources['CRD kustomizations.kustomize.toolkit.fluxcd.io']).toBe(entryObjects.length - 2);
      expect(platform.schema.sources['CRD providers.notification.toolkit.fluxcd.io']).toBe(1);
      expect(platform.schema.sources['CRD alerts.notification.toolkit.fluxcd.io']).toBe(1);
      expect(platform.checks.failures).toBe(0);
    },
  );

  test("they are built in the app's own tree, where their files say they come from", () => {
    expect(app.node.findChild('kustomization').node.findChild('archiverse').node.findChild('apps').node.path).toBe('kustomization/archiverse/apps');
    expect(result.trees.entryPoints.get('archiverse/kustomization-archiverse-apps.yaml')).toMatch(
      /^# Generated from kustomization\/archiverse\/apps;/,
    );
  });

  test('a second synthesize() of the same app rebuilds them rather than failing or doubling them', () => {
    const again = synthesize(app, { source: app.source });
    expect(again.ok && [...again.trees.entryPoints]).toEqual([...result.trees.entryPoints]);
  });
});
