import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { listFiles } from '../../lib/output/file-tree';
import { builtBundle, sharedCdk8sSynth, sharedSynth } from '../shared-synth';

const root = join(__dirname, '..', '..');
const committed = join(root, 'dist');
const committedEntries = join(root, 'kustomization');
const committedReport = join(root, 'policy-report.json');
const tree = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
/** What every synth of the real app prints on stderr until the repository URL is set. */
const PLACEHOLDER_WARNING =
  'warning: the repository URL is the placeholder https://git.example.com/platform/k8s-platforms.git; give the app its repository (new PlatformApp({ source: new GitSource({ url }) })) before `flux bootstrap`\n';
const fresh = () => join(mkdtempSync(join(tmpdir(), 'synth-')), 'dist');
/** The Flux entry points a synth into `dist` wrote beside it. */
const entriesOf = (dist: string) => join(dist, '..', 'kustomization');

function synth(command: string, args: string[], dist: string) {
  return spawnSync(command, args, { cwd: root, env: { ...process.env, DIST_DIR: dist }, encoding: 'utf8' });
}

/** A copy of the run's one synth (test/shared-synth.ts), for a test that starts from a synthesized dist/ and changes it. */
function synthesized(): string {
  const dist = fresh();
  const shared = sharedSynth();
  expect(shared.status).toBe(0);
  cpSync(shared.root, dirname(dist), { recursive: true });
  return dist;
}

/** Object files of a committed tree: one file an object (kustomization.yaml and README.md are not objects). */
const objectFiles = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('kustomization.yaml'));
/** What the app builds, read from what is committed, so a platform added the README's way needs no change here. */
const app = {
  /** The platform builds in the app's order (the checks table's), as the committed report lists them. */
  builds: (JSON.parse(readFileSync(committedReport, 'utf8')).platforms as { name: string }[]).map((p) => p.name),
  /** The platform folders of dist/, sorted (the change summary's order). */
  folders: readdirSync(committed).sort(),
  objects: objectFiles(committed).length,
  fluxObjects: objectFiles(committedEntries).filter((f) => f.includes('/')).length,
};
/** "wrote <N> objects ... to <dist>/ and <M> Flux objects", with the committed counts. */
const wrote = (dist: string) =>
  `wrote ${app.objects} objects \\(\\d+ files\\) to ${dist}\\/ and ${app.fluxObjects} Flux objects to its entry points in \\d+ ms\\n`;

beforeAll(() => builtBundle());

describe('the synth entry points', () => {
  test('node build/main.js writes exactly the committed dist/ and policy report, and prints the checks table', () => {
    const run = sharedSynth(); // node build/main.js into a fresh DIST_DIR, once for the suites that read it
    const dist = run.dist;
    // The one warning: the repository URL is still the placeholder.
    expect(run.stderr).toBe(PLACEHOLDER_WARNING);
    expect(run.status).toBe(0);
    // A row per build, in the app's order, none failing.
    expect(run.stdout).toMatch(
      new RegExp(
        `^ {2}platform +kubernetes +flux +objects +validated +checks +failures +exceptions\\n${app.builds.map((b) => ` {2}${b} +1\\.\\d+(?:-1\\.\\d+)? +2\\.\\d+(?:-2\\.\\d+)? +\\d+ +\\d+ +\\d+ +0 +\\d+\\n`).join('')}`,
      ),
    );
    // Every platform folder added (dist/ was empty), listed object by object, then the totals.
    expect(run.stdout).toMatch(
      new RegExp(
        `\\nchecks took \\d+ ms \\(schema \\d+ ms, policy \\d+ ms\\)\\nchanges against dist\\/ on disk:\\n${app.folders
          .map((f) => ` {2}${f}: \\d+ added, 0 removed, 0 changed\\n(.*\\n)+`)
          .join('')}${wrote('.*dist')}$`,
      ),
    );
    expect(tree(dist)).toEqual(tree(committed));
    expect(tree(entriesOf(dist))).toEqual(tree(committedEntries));
    expect(readFileSync(join(dirname(dist), 'policy-report.json'), 'utf8')).toBe(readFileSync(committedReport, 'utf8'));
  });

  test('a second run gives byte-identical output, writes nothing and says so; an output changed beside dist/ is the one replaced', () => {
    const dist = synthesized();
    const first = [tree(dist), tree(entriesOf(dist))];
    const again = synth('node', ['build/main.js'], dist);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(
        `\\nnothing to write: ${dist}\\/, its entry points, the report and the docs already hold these ${app.objects} objects \\(\\d+ files\\) and ${app.fluxObjects} Flux objects \\(\\d+ ms\\)\\n$`,
      ),
    );
    expect([tree(dist), tree(entriesOf(dist))]).toEqual(first);
    const report = join(dirname(dist), 'policy-report.json');
    writeFileSync(report, readFileSync(report, 'utf8').replace('"platforms"', '"edited": true, "platforms"'));
    const put = synth('node', ['build/main.js'], dist);
    expect(put.stdout).toMatch(
      new RegExp(`\\n${dist}\\/ already holds these ${app.objects} objects \\(\\d+ files\\); replaced ${report} in \\d+ ms\\n$`),
    );
    expect(readFileSync(report, 'utf8')).toBe(readFileSync(committedReport, 'utf8'));
    expect([tree(dist), tree(entriesOf(dist))]).toEqual(first);
  });

  test('npx cdk8s synth gives the same dist/ (its own output folder is only a staging area)', () => {
    const run = sharedCdk8sSynth(); // npx cdk8s synth --no-check-upgrade into a fresh DIST_DIR, once for the suites that read it
    const dist = run.dist;
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/wrote \d+ objects/);
    expect(tree(dist)).toEqual(tree(committed));
    expect(tree(entriesOf(dist))).toEqual(tree(committedEntries));
  });

  test('a platform folder that would vanish stops the synth, unless --allow-removal <platform> or ALLOW_REMOVAL=<platform> says so, and the synth lists what it deleted', () => {
    const dist = synthesized();
    mkdirSync(join(dist, 'retired', 'apps'), { recursive: true });
    writeFileSync(
      join(dist, 'retired', 'apps', 'configmap-x.yaml'),
      '# Generated from retired/apps/x; edit the TypeScript, not this file.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: old\n',
    );
    const before = tree(dist);
    const refused = synth('node', ['build/main.js'], dist);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `synth failed; ${dist}/ was left unchanged.\nretired: objects would fall from 1 to 0 against dist/ on disk: the platform is no longer built, and Flux would prune every object it deployed (got 0); fix: if the removal is intended, name what may go: \`k8s-platforms synth --allow-removal <platform>\` (everything that platform loses) or \`--allow-removal <platform>/<Kind>/<namespace>/<name>\` (one object; <platform>/<Kind>/<name> for a cluster-scoped one), or ALLOW_REMOVAL=<name>[,<name>...] under cdk8s synth; otherwise bring the missing objects back\n`,
    );
    expect(tree(dist)).toEqual(before);
    const allowed = synth('node', ['build/main.js', '--allow-removal', 'retired'], dist);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain('\n  retired: 0 added, 1 removed, 0 changed\n     - removed ConfigMap old/x (apps)\n');
    expect(allowed.stdout).toContain('\ndeleted, as --allow-removal retired allowed: retired/ConfigMap/old/x\n');
    expect(tree(dist)).toEqual(tree(committed));
    mkdirSync(join(dist, 'retired', 'apps'), { recursive: true });
    writeFileSync(
      join(dist, 'retired', 'apps', 'configmap-x.yaml'),
      '# Generated from retired/apps/x; edit the TypeScript, not this file.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: old\n',
    );
    const viaEnv = spawnSync('node', ['build/main.js'], {
      cwd: root,
      env: { ...process.env, DIST_DIR: dist, ALLOW_REMOVAL: 'retired' },
      encoding: 'utf8',
    });
    expect(viaEnv.status).toBe(0);
    expect(tree(dist)).toEqual(tree(committed));
  });

  test('--help prints the usage and writes nothing; a bad command line exits 2 with one line, no stack trace', () => {
    const dist = fresh();
    const help = synth('node', ['build/main.js', '--help'], dist);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: node \S*build\/main\.js \[--platform <build>\]\.\.\. \[--allow-removal <name>\]/);
    expect(existsSync(dist)).toBe(false);
    const bad = synth('node', ['build/main.js', '--allow-shrink'], dist);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'synth failed; nothing was written.\n--allow-shrink allowed every platform to lose anything at once and is no longer accepted; name what may go: --allow-removal <platform> or --allow-removal <platform>/<Kind>/<namespace>/<name>\n',
    );
    const unknown = synth('node', ['build/main.js', '--fast'], dist);
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      'synth failed; nothing was written.\nsynth: unknown argument "--fast"; see k8s-platforms synth --help\n',
    ]);
  });

  test('a failed synth exits non-zero, says so, and leaves dist/ as it was', () => {
    const parent = mkdtempSync(join(tmpdir(), 'synth-'));
    writeFileSync(join(parent, 'blocker'), 'a file where a folder should be\n');
    const run = synth('node', ['build/main.js'], join(parent, 'blocker', 'dist'));
    expect(run.status).toBe(1);
    // Not a check failing but the file system: one line for what, one for where, no stack trace.
    expect(run.stderr).toMatch(
      /^synth failed; .*blocker\/dist\/ was left unchanged\.\nunexpected Error: EEXIST: file already exists, mkdir '.*blocker'\nit was raised at .*; set NODE_DEBUG_STACK=1 for the whole stack\n$/,
    );
    expect(readFileSync(join(parent, 'blocker'), 'utf8')).toBe('a file where a folder should be\n');
  });
});

describe("where the synth writes: the project's dist/ or DIST_DIR, never the working folder", () => {
  test('DIST_DIR set but empty is refused, and nothing is written', () => {
    // What is in the project root, but the cdk8s CLI's staging folder: other suites' `npx cdk8s synth`
    // runs empty and refill it meanwhile.
    const rootFiles = () =>
      readdirSync(root)
        .filter((f) => f !== '.cdk8s-staging')
        .sort();
    const before = rootFiles();
    const run = synth('node', ['build/main.js'], '');
    expect([run.status, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toBe(
      `synth failed; nothing was written.\nDIST_DIR: the environment variable is empty, so there is no folder to write (got ""); fix: unset DIST_DIR to write ${join(root, 'dist')}/, or set it to the folder to write\n`,
    );
    expect(rootFiles()).toEqual(before);
  });

  test("started from another folder, the synth writes the project's dist/ (not one in that folder), and the shrink guard still applies", () => {
    // A copy of the project (its bundle, with node_modules and lib/ linked: the bundle requires the
    // generated schema validators from lib/imports/), so the real dist/ is not touched.
    const project = mkdtempSync(join(tmpdir(), 'project-'));
    mkdirSync(join(project, 'build'));
    copyFileSync(join(root, 'build', 'main.js'), join(project, 'build', 'main.js'));
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
    symlinkSync(join(root, 'lib'), join(project, 'lib'));
    const dist = join(project, 'dist');
    mkdirSync(join(dist, 'retired', 'apps'), { recursive: true });
    writeFileSync(
      join(dist, 'retired', 'apps', 'configmap-x.yaml'),
      '# Generated from retired/apps/x; edit the TypeScript, not this file.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: old\n',
    );
    const elsewhere = mkdtempSync(join(tmpdir(), 'elsewhere-'));
    const env = { ...process.env };
    delete env.DIST_DIR;
    const refused = spawnSync('node', [join(project, 'build', 'main.js')], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `synth failed; ${dist}/ was left unchanged.\nretired: objects would fall from 1 to 0 against dist/ on disk: the platform is no longer built, and Flux would prune every object it deployed (got 0); fix: if the removal is intended, name what may go: \`k8s-platforms synth --allow-removal <platform>\` (everything that platform loses) or \`--allow-removal <platform>/<Kind>/<namespace>/<name>\` (one object; <platform>/<Kind>/<name> for a cluster-scoped one), or ALLOW_REMOVAL=<name>[,<name>...] under cdk8s synth; otherwise bring the missing objects back\n`,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    const allowed = spawnSync('node', [join(project, 'build', 'main.js'), '--allow-removal', 'retired'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(allowed.stdout).toMatch(new RegExp(wrote(dist)));
    expect(tree(dist)).toEqual(tree(committed));
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('committed dist/ builds with kubectl kustomize (what Flux runs)', () => {
  const folders = listFiles(committed)
    .filter((f) => f.endsWith('kustomization.yaml'))
    .map((f) => dirname(f));

  test('there is a kustomization in every platform and layer folder', () => {
    expect(folders.length).toBeGreaterThanOrEqual(3);
  });

  test.each(folders)('dist/%s', (folder) => {
    const built = kustomizeBuild(join(committed, folder));
    expect(built.every((o) => o.apiVersion && o.kind && o.metadata?.name)).toBe(true);
  });
});

describe('committed kustomization/ builds with kubectl kustomize (what a cluster bootstraps from)', () => {
  const entryPoints = listFiles(committedEntries)
    .filter((f) => f.endsWith('/kustomization.yaml'))
    .map((f) => dirname(f));

  test('every folder under kustomization/ is an entry point of a dist/ platform folder', () => {
    const folders = new Set(
      listFiles(committedEntries)
        .filter((f) => f.includes('/'))
        .map((f) => dirname(f)),
    );
    expect([...folders].sort()).toEqual(entryPoints.sort());
    expect(entryPoints.sort()).toEqual(
      listFiles(committed)
        .filter((f) => /^[^/]+\/kustomization\.yaml$/.test(f))
        .map((f) => dirname(f))
        .sort(),
    );
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
