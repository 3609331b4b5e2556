import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { listFiles } from '../../lib/gitops/dist-swap';

const root = join(__dirname, '..', '..');
const committed = join(root, 'dist');
const committedReport = join(root, 'policy-report.json');
const tree = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
const fresh = () => join(mkdtempSync(join(tmpdir(), 'synth-')), 'dist');

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
    expect(run.stdout).toMatch(/^ {2}platform +objects +validated +checks +failures +exceptions\n {2}archiverse +\d+ +\d+ +\d+ +0 +\d+\n/);
    expect(run.stdout).toMatch(/\nchecks took \d+ ms \(schema \d+ ms, policy \d+ ms\)\nwrote \d+ objects \(\d+ files\) to .*dist\/ in \d+ ms\n$/);
    expect(tree(dist)).toEqual(tree(committed));
    expect(readFileSync(join(dirname(dist), 'policy-report.json'), 'utf8')).toBe(readFileSync(committedReport, 'utf8'));
  });

  test('a second run gives byte-identical output', () => {
    const dist = fresh();
    synth('node', ['build/main.js'], dist);
    const first = tree(dist);
    synth('node', ['build/main.js'], dist);
    expect(tree(dist)).toEqual(first);
  });

  test('npx cdk8s synth gives the same dist/ (its own output folder is only a staging area)', () => {
    const dist = fresh();
    const run = synth('npx', ['cdk8s', 'synth', '--no-check-upgrade'], dist);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/wrote \d+ objects/);
    expect(tree(dist)).toEqual(tree(committed));
  });

  test('a failed synth exits non-zero, says so, and leaves dist/ as it was', () => {
    const parent = mkdtempSync(join(tmpdir(), 'synth-'));
    writeFileSync(join(parent, 'blocker'), 'a file where a folder should be\n');
    const run = synth('node', ['build/main.js'], join(parent, 'blocker', 'dist'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^synth failed; .*blocker\/dist\/ was left unchanged\.\n/);
    expect(readFileSync(join(parent, 'blocker'), 'utf8')).toBe('a file where a folder should be\n');
  });
});

describe('committed dist/ builds with kubectl kustomize (what Flux runs)', () => {
  const folders = listFiles(committed).filter((f) => f.endsWith('kustomization.yaml')).map((f) => dirname(f));

  test('there is a kustomization in every platform and layer folder', () => {
    expect(folders.length).toBeGreaterThanOrEqual(3);
  });

  test.each(folders)('dist/%s', (folder) => {
    const kubectl = spawnSync('kubectl', ['kustomize', join(committed, folder)], { encoding: 'utf8' });
    if (kubectl.error) throw new Error(`kubectl is needed for this test: ${kubectl.error.message}`);
    expect(kubectl.stderr).toBe('');
    expect(kubectl.status).toBe(0);
    const built = parseAllDocuments(kubectl.stdout).map((d) => d.toJS());
    expect(built.length).toBe(countObjects(join(committed, folder)));
    expect(built.every((o) => o.apiVersion && o.kind && o.metadata?.name)).toBe(true);
  });
});

/** Objects a kustomization folder should build to: its files, and its sub-folders' objects. */
function countObjects(folder: string): number {
  const { resources } = parse(readFileSync(join(folder, 'kustomization.yaml'), 'utf8'));
  return resources.reduce((n: number, r: string) => n + (existsSync(join(folder, r, 'kustomization.yaml')) ? countObjects(join(folder, r)) : 1), 0);
}
