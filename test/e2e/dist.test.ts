import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { listFiles } from '../../lib/gitops/dist-swap';

const root = join(__dirname, '..', '..');
const committed = join(root, 'dist');
const committedEntries = join(root, 'kustomization');
const committedReport = join(root, 'policy-report.json');
const tree = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
const fresh = () => join(mkdtempSync(join(tmpdir(), 'synth-')), 'dist');
/** The Flux entry points a synth into `dist` wrote beside it. */
const entriesOf = (dist: string) => join(dist, '..', 'kustomization');

function synth(command: string, args: string[], dist: string) {
  return spawnSync(command, args, { cwd: root, env: { ...process.env, DIST_DIR: dist }, encoding: 'utf8' });
}

beforeAll(() => {
  execFileSync('node', ['scripts/build.mjs'], { cwd: root });
});

describe('the synth entry points', () => {
  test('node build/main.js writes exactly the committed dist/ and policy report, and prints the checks table', () => {
    const dist = fresh();
    const run = synth('node', ['build/main.js'], dist);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}platform +objects +validated +checks +failures +exceptions\n {2}archiverse +\d+ +\d+ +\d+ +0 +\d+\n {2}gimp-streaming +\d+ +\d+ +\d+ +0 +\d+\n/);
    expect(run.stdout).toMatch(/\nchecks took \d+ ms \(schema \d+ ms, policy \d+ ms\)\nwrote 227 objects \(\d+ files\) to .*dist\/ and 21 Flux objects to its entry points in \d+ ms\n$/);
    expect(tree(dist)).toEqual(tree(committed));
    expect(tree(entriesOf(dist))).toEqual(tree(committedEntries));
    expect(readFileSync(join(dirname(dist), 'policy-report.json'), 'utf8')).toBe(readFileSync(committedReport, 'utf8'));
  });

  test('a second run gives byte-identical output', () => {
    const dist = fresh();
    synth('node', ['build/main.js'], dist);
    const first = [tree(dist), tree(entriesOf(dist))];
    synth('node', ['build/main.js'], dist);
    expect([tree(dist), tree(entriesOf(dist))]).toEqual(first);
  });

  test('npx cdk8s synth gives the same dist/ (its own output folder is only a staging area)', () => {
    const dist = fresh();
    const run = synth('npx', ['cdk8s', 'synth', '--no-check-upgrade'], dist);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/wrote \d+ objects/);
    expect(tree(dist)).toEqual(tree(committed));
    expect(tree(entriesOf(dist))).toEqual(tree(committedEntries));
  });

  test('a platform folder that would vanish stops the synth, unless --allow-shrink or ALLOW_SHRINK=1 says so', () => {
    const dist = fresh();
    synth('node', ['build/main.js'], dist);
    mkdirSync(join(dist, 'retired'));
    writeFileSync(join(dist, 'retired', 'configmap-x.yaml'), 'kind: ConfigMap\n');
    const before = tree(dist);
    const refused = synth('node', ['build/main.js'], dist);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`synth failed; ${dist}/ was left unchanged.\nretired: objects would fall from 1 to 0: the platform is no longer built, so ${join(dist, 'retired')}/ would be deleted and Flux would prune every object it deployed (got 0); fix: if the removal is intended, run \`npm run synth -- --allow-shrink\` (or set ALLOW_SHRINK=1 for npx cdk8s synth); otherwise bring the missing objects back\n`);
    expect(tree(dist)).toEqual(before);
    expect(synth('node', ['build/main.js', '--allow-shrink'], dist).status).toBe(0);
    expect(tree(dist)).toEqual(tree(committed));
    mkdirSync(join(dist, 'retired'));
    writeFileSync(join(dist, 'retired', 'configmap-x.yaml'), 'kind: ConfigMap\n');
    const viaEnv = spawnSync('node', ['build/main.js'], { cwd: root, env: { ...process.env, DIST_DIR: dist, ALLOW_SHRINK: '1' }, encoding: 'utf8' });
    expect(viaEnv.status).toBe(0);
    expect(tree(dist)).toEqual(tree(committed));
  });

  test('a failed synth exits non-zero, says so, and leaves dist/ as it was', () => {
    const parent = mkdtempSync(join(tmpdir(), 'synth-'));
    writeFileSync(join(parent, 'blocker'), 'a file where a folder should be\n');
    const run = synth('node', ['build/main.js'], join(parent, 'blocker', 'dist'));
    expect(run.status).toBe(1);
    // Not a check failing but the file system: one line for what, one for where, no stack trace.
    expect(run.stderr).toMatch(/^synth failed; .*blocker\/dist\/ was left unchanged\.\nunexpected Error: EEXIST: file already exists, mkdir '.*blocker'\nit was raised at .*; run `node --enable-source-maps build\/main\.js` for the TypeScript lines of the full stack\n$/);
    expect(readFileSync(join(parent, 'blocker'), 'utf8')).toBe('a file where a folder should be\n');
  });
});

describe('committed dist/ builds with kubectl kustomize (what Flux runs)', () => {
  const folders = listFiles(committed).filter((f) => f.endsWith('kustomization.yaml')).map((f) => dirname(f));

  test('there is a kustomization in every platform and layer folder', () => {
    expect(folders.length).toBeGreaterThanOrEqual(3);
  });

  test.each(folders)('dist/%s', (folder) => {
    const built = kustomizeBuild(join(committed, folder));
    expect(built.every((o) => o.apiVersion && o.kind && o.metadata?.name)).toBe(true);
  });
});

describe('committed kustomization/ builds with kubectl kustomize (what a cluster bootstraps from)', () => {
  const entryPoints = listFiles(committedEntries).filter((f) => f.endsWith('/kustomization.yaml')).map((f) => dirname(f));

  test('every folder under kustomization/ is an entry point of a dist/ platform folder', () => {
    const folders = new Set(listFiles(committedEntries).filter((f) => f.includes('/')).map((f) => dirname(f)));
    expect([...folders].sort()).toEqual(entryPoints.sort());
    expect(entryPoints.sort()).toEqual(listFiles(committed).filter((f) => /^[^/]+\/kustomization\.yaml$/.test(f)).map((f) => dirname(f)).sort());
  });

  test.each(entryPoints)('kustomization/%s', (folder) => {
    const built = kustomizeBuild(join(committedEntries, folder));
    for (const k of built.filter((o) => o.kind === 'Kustomization')) {
      expect([k.spec.path, existsSync(join(root, k.spec.path, 'kustomization.yaml'))]).toEqual([k.spec.path, true]);
    }
  });
});

/** `kubectl kustomize folder`: it must succeed quietly and build every object the folder lists. */
function kustomizeBuild(folder: string): Record<string, any>[] {
  const kubectl = spawnSync('kubectl', ['kustomize', folder], { encoding: 'utf8' });
  if (kubectl.error) throw new Error(`kubectl is needed for this test: ${kubectl.error.message}`);
  expect(kubectl.stderr).toBe('');
  expect(kubectl.status).toBe(0);
  const built = parseAllDocuments(kubectl.stdout).map((d) => d.toJS());
  expect(built.length).toBe(countObjects(folder));
  return built;
}

/** Objects a kustomization folder should build to: its files, and its sub-folders' objects. */
function countObjects(folder: string): number {
  const { resources } = parse(readFileSync(join(folder, 'kustomization.yaml'), 'utf8'));
  return resources.reduce((n: number, r: string) => n + (existsSync(join(folder, r, 'kustomization.yaml')) ? countObjects(join(folder, r)) : 1), 0);
}
