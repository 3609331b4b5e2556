import { ApiObject, App } from 'cdk8s';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles } from '../../lib/output/file-tree';
import { CustomResourceDefinition } from '../../lib/crds/custom-resource-definition';
import { Environment } from '../../lib/core/environment';
import { GitSource } from '../../lib/flux/git-source';
import { Layer } from '../../lib/flux/layer';
import { Platform } from '../../lib/flux/platform';
import { declareReplacement } from '../../lib/core/replacement';
import { SecureNamespace } from '../../lib/security/namespace';
import { PlatformBuild, runSynth } from '../../lib/pipeline/run-synth';
import { synthesize } from '../../lib/pipeline/synth';
import { testPools } from '../helpers';
import { refusalMessage } from '../pipeline-helpers';
import { sharedSynth } from '../shared-synth';

/** A synthesized repository root (dist/ and kustomization/) and each entry point's objects, in its kustomization.yaml order. */
interface SynthesizedRepo {
  root: string;
  entries: Map<string, Record<string, any>[]>;
}

/** Synthesizes `app` into a fresh repository root. */
function synthRepo({ app, source }: PlatformBuild): SynthesizedRepo {
  const root = mkdtempSync(join(tmpdir(), 'entry-'));
  const outcome = runSynth(join(root, 'dist'), () => ({ app, source }));
  if (!outcome.ok) throw new Error(refusalMessage(outcome));
  return readRepo(root);
}

/** The real app as `node build/main.js` writes it: the test run's one synth of it (test/shared-synth.ts). */
function realPlatforms(): SynthesizedRepo {
  const synth = sharedSynth();
  if (synth.status !== 0) throw new Error(synth.stderr);
  return readRepo(synth.root);
}

function readRepo(root: string): SynthesizedRepo {
  const entries = new Map<string, Record<string, any>[]>();
  for (const file of listFiles(join(root, 'kustomization')).filter((f) => f.endsWith('/kustomization.yaml'))) {
    const folder = join(root, 'kustomization', file, '..');
    const { resources } = parse(readFileSync(join(folder, 'kustomization.yaml'), 'utf8'));
    entries.set(
      file.split('/')[0],
      resources.map((r: string) => parse(readFileSync(join(folder, r), 'utf8'))),
    );
  }
  return { root, entries };
}

/** A platform `shop` in production with all three layers, and its `local` build without CRDs. */
function twoEnvironments(): PlatformBuild {
  const app = new App();
  const source = new GitSource({ url: 'ssh://git@git.example.com/ops/platforms.git', branch: 'release', secretName: 'flux-git' });
  for (const environment of [Environment.PRODUCTION, Environment.named('local')]) {
    const platform = new Platform(app, { name: 'shop', pools: testPools(), environment });
    new SecureNamespace(platform.infrastructure, 'namespace', { name: 'shop' });
    new ApiObject(platform.apps, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' } });
    if (environment === Environment.PRODUCTION) {
      new CustomResourceDefinition(platform.layer(Layer.CRDS), 'crd', {
        group: 'shop.example.com',
        kind: 'Cart',
        plural: 'carts',
        versions: [{ name: 'v1', storage: true, schema: { type: 'object' } }],
      });
    }
  }
  return { app, source };
}

const kustomizations = (objects: Record<string, any>[]) => objects.filter((o) => o.kind === 'Kustomization');

describe.each([
  ['the real platforms', realPlatforms],
  ['a platform with two environments and a CRD layer', () => synthRepo(twoEnvironments())],
])('Flux entry points of %s', (_title, synthesized) => {
  const { root, entries } = synthesized();

  test('one entry point per platform build, its kustomization.yaml listing every object file of the folder', () => {
    const folders = listFiles(join(root, 'dist'))
      .filter((f) => /^[^/]+\/kustomization\.yaml$/.test(f))
      .map((f) => f.split('/')[0]);
    expect([...entries.keys()].sort()).toEqual(folders.sort());
    for (const [folder, objects] of entries) {
      expect(listFiles(join(root, 'kustomization', folder))).toHaveLength(objects.length + 1);
    }
  });

  test('every path a Kustomization names exists in the repository and holds a kustomization.yaml', () => {
    for (const objects of entries.values()) {
      for (const k of kustomizations(objects)) {
        expect([k.spec.path, existsSync(join(root, k.spec.path, 'kustomization.yaml'))]).toEqual([k.spec.path, true]);
      }
    }
  });

  test('a Kustomization for each dist layer that exists, in layer order (controllers first); none for the folder itself, which bootstrap applies', () => {
    for (const [folder, objects] of entries) {
      const layers = listFiles(join(root, 'dist', folder))
        .filter((f) => /^[^/]+\/kustomization\.yaml$/.test(f))
        .map((f) => `./dist/${folder}/${f.split('/')[0]}`);
      expect(kustomizations(objects).map((k) => k.spec.path)).toEqual(
        [Layer.CONTROLLERS, Layer.CRDS, Layer.INFRASTRUCTURE, Layer.APPS].map((l) => `./dist/${folder}/${l.name}`).filter((p) => layers.includes(p)),
      );
    }
  });

  test('dependsOn names Kustomizations of the same entry point, each layer after all layers before it, without cycles', () => {
    for (const objects of entries.values()) {
      const layers = kustomizations(objects).filter((k) => k.spec.path.startsWith('./dist/'));
      const names = new Set(layers.map((k) => k.metadata.name));
      layers.forEach((k, i) => {
        expect((k.spec.dependsOn ?? []).map((d: any) => d.name)).toEqual(layers.slice(0, i).map((l) => l.metadata.name));
        for (const d of k.spec.dependsOn ?? []) expect(names.has(d.name)).toBe(true);
      });
      // Cycle check: repeatedly take a Kustomization whose dependencies are all taken.
      const done = new Set<string>();
      let progress = true;
      while (progress) {
        progress = false;
        for (const k of layers) {
          if (!done.has(k.metadata.name) && (k.spec.dependsOn ?? []).every((d: any) => done.has(d.name))) {
            done.add(k.metadata.name);
            progress = true;
          }
        }
      }
      expect(done.size).toBe(layers.length);
    }
  });

  test('layers prune and wait, with interval, retry interval and timeout (15m for the add-on releases); nothing forces', () => {
    for (const objects of entries.values()) {
      for (const k of kustomizations(objects)) {
        const controllers = k.spec.path.endsWith('/controllers');
        expect(k.spec).toMatchObject({ prune: true, wait: true, interval: '10m', retryInterval: '2m', timeout: controllers ? '15m' : '5m' });
        expect(k.spec.force).toBeUndefined();
        expect(k.metadata.namespace).toBe('flux-system');
      }
    }
  });

  test('every Kustomization reads the one GitRepository flux bootstrap makes; the build makes none', () => {
    for (const objects of entries.values()) {
      expect(objects.filter((o) => o.kind === 'GitRepository')).toEqual([]);
      for (const k of kustomizations(objects)) expect(k.spec.sourceRef).toEqual({ kind: 'GitRepository', name: 'flux-system' });
    }
  });

  test('no object is owned by two Kustomizations: each layer path once, none inside kustomization/ (the bootstrap Kustomization applies that)', () => {
    const paths = [...entries.values()].flatMap((objects) => kustomizations(objects).map((k) => k.spec.path));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((p) => !p.startsWith('./dist/'))).toEqual([]);
  });

  test('a Provider whose address is in a Secret, and an Alert on errors of every Kustomization and HelmRelease of the build', () => {
    for (const [folder, objects] of entries) {
      const provider = objects.find((o) => o.kind === 'Provider')!;
      expect(provider.spec).toEqual({ type: 'generic', secretRef: { name: `${folder}-alerts` } });
      const alert = objects.find((o) => o.kind === 'Alert')!;
      expect(alert.spec.providerRef).toEqual({ name: provider.metadata.name });
      expect(alert.spec.eventSeverity).toBe('error');
      const releases = listFiles(join(root, 'dist', folder))
        .filter((f) => /\/helmrelease-[^/]+\.yaml$/.test(f))
        .map((f) => parse(readFileSync(join(root, 'dist', folder, f), 'utf8')).metadata.name);
      expect(alert.spec.eventSources.map((e: any) => `${e.kind}/${e.name}`).sort()).toEqual(
        [...kustomizations(objects).map((k) => `Kustomization/${k.metadata.name}`), ...releases.map((r) => `HelmRelease/${r}`)].sort(),
      );
    }
  });
});

describe('the Git source', () => {
  test('the real app follows main of the documented placeholder URL, and the synth warns that it is one', () => {
    // The test run's one synth of the real app (node build/main.js), which prints each of the synth's warnings on stderr.
    const synth = sharedSynth();
    expect(synth.status).toBe(0);
    expect(synth.stderr.split('\n').filter((line) => line.startsWith('warning: '))).toEqual([
      `warning: the repository URL is the placeholder ${GitSource.PLACEHOLDER_URL}; give the app its repository (new PlatformApp({ source: new GitSource({ url }) })) before \`flux bootstrap\``,
    ]);
    expect(readFileSync(join(synth.root, 'kustomization', 'README.md'), 'utf8')).toContain(
      `flux bootstrap git --url=${GitSource.PLACEHOLDER_URL} --branch=main --path=kustomization/<folder>`,
    );
  });

  test('an object that declares its replacement is named in every synth until the declaration is removed', () => {
    const { app, source } = twoEnvironments();
    const platform = app.node.findAll().find(Platform.isPlatform)!;
    const config = new ApiObject(platform.apps, 'replaced', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'replaced', namespace: 'shop' },
    });
    declareReplacement(config, { reason: 'recreated to drop a field the old controller set' });
    const result = synthesize(app, { source });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.summary.warnings).toEqual([
      'warning: ConfigMap shop/replaced declares its replacement (recreated to drop a field the old controller set): Flux deletes and recreates it on an immutable change; remove declareReplacement once that change is applied',
    ]);
  });

  test('URL, branch and credentials secret come from the GitSource handed to the synth, into the bootstrap command; a set URL gives no warning', () => {
    const { app, source } = twoEnvironments();
    const result = synthesize(app, { source });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.summary.warnings).toEqual([]);
    expect(result.trees.entryPoints.get('README.md')).toContain(
      'flux bootstrap git --url=ssh://git@git.example.com/ops/platforms.git --branch=release --secret-name=flux-git --path=kustomization/<folder>',
    );
  });

  test('the synth keeps what flux bootstrap wrote and lists it in the entry point', () => {
    const { root } = synthRepo(twoEnvironments());
    const bootstrap = join(root, 'kustomization', 'shop', 'flux-system');
    mkdirSync(bootstrap);
    writeFileSync(
      join(bootstrap, 'gotk-sync.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bootstrap-marker\n  namespace: flux-system\n',
    );
    writeFileSync(join(bootstrap, 'kustomization.yaml'), 'resources:\n  - gotk-sync.yaml\n');
    const outcome = runSynth(join(root, 'dist'), twoEnvironments);
    if (!outcome.ok) throw new Error(refusalMessage(outcome));
    expect(readFileSync(join(bootstrap, 'gotk-sync.yaml'), 'utf8')).toContain('bootstrap-marker');
    expect(parse(readFileSync(join(root, 'kustomization', 'shop', 'kustomization.yaml'), 'utf8')).resources[0]).toBe('flux-system');
    expect(parse(readFileSync(join(root, 'kustomization', 'shop-local', 'kustomization.yaml'), 'utf8')).resources).not.toContain('flux-system');
  });

  test('the README lists every entry point with its layers in order', () => {
    const { root } = synthRepo(twoEnvironments());
    const readme = readFileSync(join(root, 'kustomization', 'README.md'), 'utf8');
    expect(readme).toContain('| `kustomization/shop/` | shop | production | `dist/shop/crds` -> `dist/shop/infrastructure` -> `dist/shop/apps` |');
    expect(readme).toContain('| `kustomization/shop-local/` | shop | local | `dist/shop-local/infrastructure` -> `dist/shop-local/apps` |');
  });

  test.each([
    [
      { url: 'git.example.com/repo.git' },
      'GitSource: url must be an https:// or ssh:// clone URL (got "git.example.com/repo.git"); fix: give the URL the cluster clones, e.g. "ssh://git@github.com/org/repo.git"',
    ],
    [
      { branch: 'feature..x' },
      'GitSource: branch must be a git branch name (got "feature..x"); fix: give the branch Flux should follow, e.g. "main"',
    ],
    [{ branch: 'my branch' }, 'GitSource: branch must be a git branch name (got "my branch"); fix: give the branch Flux should follow, e.g. "main"'],
    [
      { secretName: 'Git_Creds' },
      'GitSource: secretName must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", at most 253 characters) (got "Git_Creds"); fix: use a name such as "git-creds"',
    ],
  ])('bad input %j is refused', (props, message) => {
    expect(() => new GitSource(props)).toThrow(message);
  });

  test.each([
    'https://x-access-token:ghp_example0token0value0for0tests0000@github.com/org/repo.git',
    'https://glpat-0123456789abcdefghij@gitlab.com/org/repo.git',
    'ssh://git:hunter2@git.example.com/org/repo.git',
  ])('a clone URL with credentials is refused without printing them: %s', (url) => {
    expect(() => new GitSource({ url })).toThrow(
      'GitSource: url holds credentials (a user and password or a token before the "@"), and the URL is written to kustomization/README.md (got "<URL hidden: it holds credentials>"); fix: give the URL without them; flux bootstrap takes a token (--token-auth) or a deploy key, and keeps it in a Secret of the cluster',
    );
  });

  test('an ssh URL keeps its user', () => {
    expect(new GitSource({ url: 'ssh://git@github.com/org/repo.git' }).url).toBe('ssh://git@github.com/org/repo.git');
  });
});
