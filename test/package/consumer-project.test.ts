import { execFileSync, spawnSync, SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import * as ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { packedTarball } from '../shared-synth';
import { GENERATED_DOC_MARKER } from '../../lib/docs/platform-docs';

/**
 * Another team's project, laid out as `cdk8s init typescript-app` lays it out (the template's
 * files, written here: the CLI's init needs the network), with the packed k8s-platforms installed
 * the way npm would (the tarball unpacked, the bin linked, dependencies linked from this
 * repository's node_modules), and its main.ts (test/package/stock-consumer/main.ts) built on
 * PlatformApp. Every command runs as a person would run it, in that project.
 *
 * The stock way to run the app, cdk8s.yaml's `npx ts-node main.ts`, is proven once through each
 * front door: `k8s-platforms synth` and `cdk8s synth` with no --app. Every other command runs the
 * same app compiled once to main.js (`--app 'node main.js'`, which both CLIs take): npx and ts-node
 * cost about 1.2 s of CPU a run and test nothing of ours, and the compiled app is what ts-node runs.
 */
const REPO = resolve(__dirname, '../..');
const VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;

/** The template's files (cdk8s-cli templates/typescript-app), with the plugin added to cdk8s.yaml as the library's docs say. */
const TEMPLATE: Record<string, string> = {
  'cdk8s.yaml': `language: typescript\napp: npx ts-node main.ts\nimports:\n  - k8s\nvalidations:\n  - package: ./node_modules/k8s-platforms\n    class: PlatformChecks\n    version: ${VERSION}\n`,
  '.gitignore': '*.d.ts\n*.js\n!jest.config.js\nnode_modules\ndist/\n',
  'package.json': JSON.stringify(
    {
      name: 'shop-platform',
      version: '1.0.0',
      main: 'main.js',
      types: 'main.ts',
      license: 'Apache-2.0',
      private: true,
      scripts: {
        import: 'cdk8s import',
        synth: 'cdk8s synth',
        compile: 'tsc --build',
        watch: 'tsc --build -w',
        test: 'jest',
        build: 'npm run compile && npm run test && npm run synth',
      },
      dependencies: { 'k8s-platforms': `file:k8s-platforms-${VERSION}.tgz`, cdk8s: '^2.70.0', 'cdk8s-plus-28': '^2.5.0', constructs: '^10.0.0' },
      devDependencies: { 'cdk8s-cli': '^2.200.0', '@types/node': '^20', 'ts-node': '^10', typescript: '^6' },
    },
    null,
    2,
  ),
  // The template's tsconfig, plus "types": TypeScript 6 no longer loads every @types package by default.
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        alwaysStrict: true,
        declaration: true,
        experimentalDecorators: true,
        inlineSourceMap: true,
        inlineSources: true,
        lib: ['es2022'],
        module: 'CommonJS',
        noEmit: false,
        noEmitOnError: true,
        noFallthroughCasesInSwitch: true,
        noImplicitAny: true,
        noImplicitReturns: true,
        noImplicitThis: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        resolveJsonModule: true,
        strict: true,
        strictNullChecks: true,
        strictPropertyInitialization: true,
        stripInternal: true,
        target: 'ES2022',
        types: ['node'],
      },
      include: ['**/*.ts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  ),
  'jest.config.js': "module.exports = { testMatch: ['**/*.test.ts'], transform: { '^.+\\\\.tsx?$': 'ts-jest' } };\n",
  help: 'cdk8s synth   synthesizes the app into dist/\n',
};

let project: string;
let dist: string;

/** Runs a command in the project; the environment says which variant of main.ts to build. */
function run(command: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { DIST_DIR: _ours, ...inherited } = process.env; // the project's own dist/, not a test's
  return spawnSync(command, args, {
    cwd: project,
    encoding: 'utf8',
    env: { ...inherited, TS_NODE_TRANSPILE_ONLY: 'true', ...env, PATH: `${join(project, 'node_modules', '.bin')}:${process.env.PATH}` },
  });
}
/** main.ts as compileApp() leaves it, named the way both CLIs take another app command. */
const COMPILED_APP = ['--app', 'node main.js'];
/** `k8s-platforms <command>` running the compiled app. */
const k8sPlatforms = ([command, ...args]: string[], env: Record<string, string> = {}) =>
  run('k8s-platforms', [command, ...COMPILED_APP, ...args], env);
/** `k8s-platforms` exactly as typed: with no --app, it runs cdk8s.yaml's `npx ts-node main.ts`. */
const stockK8sPlatforms = (args: string[]) => run('k8s-platforms', args);
/** `cdk8s synth` running the compiled app; `stockCdk8s` runs cdk8s.yaml's `npx ts-node main.ts`. */
const cdk8s = (args: string[], env: Record<string, string> = {}) => run('cdk8s', ['synth', '--no-check-upgrade', ...COMPILED_APP, ...args], env);
const stockCdk8s = () => run('cdk8s', ['synth', '--no-check-upgrade']);

/**
 * Compiles the app's .ts files beside them as ts-node runs them here (TS_NODE_TRANSPILE_ONLY: each
 * file through TypeScript's transpileModule with the project's tsconfig.json). Not the template's
 * `tsc --build`: that also type-checks main.test.ts, whose jest globals the template's
 * `"types": ["node"]` leaves undeclared, and the type check is not what this suite is about
 * (test/package/package.test.ts checks a consumer against the packed .d.ts).
 */
function compileApp(files: string[]): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(project, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  for (const file of files) {
    const source = readFileSync(join(project, file), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: config!.options, fileName: file });
    writeFileSync(join(project, file.replace(/\.ts$/, '.js')), outputText);
  }
}
/** Every file under a folder with its content: what "byte-identical" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) =>
    readdirSync(d, { withFileTypes: true }).forEach((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : (out[join(d, e.name).slice(dir.length + 1)] = readFileSync(join(d, e.name), 'utf8')),
    );
  if (existsSync(dir)) walk(dir);
  return out;
}
const outputs = () => ({
  dist: snapshot(dist),
  kustomization: snapshot(join(project, 'kustomization')),
  docs: snapshot(join(project, 'docs')),
  report: readFileSync(join(project, 'policy-report.json'), 'utf8'),
});
const ids = (yaml: string) =>
  parseAllDocuments(yaml)
    .map((d) => d.toJS())
    .map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
const noStackTrace = (r: SpawnSyncReturns<string>) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

beforeAll(() => {
  project = realpathSync(mkdtempSync(join(tmpdir(), 'stock-cdk8s-app-')));
  dist = join(project, 'dist');
  copyFileSync(packedTarball(), join(project, basename(packedTarball()))); // npm pack, once per test run
  for (const [file, content] of Object.entries(TEMPLATE)) writeFileSync(join(project, file), content);
  for (const file of ['main.ts', 'plain.ts']) copyFileSync(join(__dirname, 'stock-consumer', file), join(project, file));
  writeFileSync(
    join(project, 'main.test.ts'),
    "import { Testing } from 'cdk8s';\n\ntest('placeholder', () => expect(Testing.app()).toBeDefined());\n",
  );

  // What `npm install` does with the tarball: unpack it, link its bin, and (offline) link the
  // dependencies it and the template declare from this repository's node_modules.
  const installed = join(project, 'node_modules', 'k8s-platforms');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, `k8s-platforms-${VERSION}.tgz`), '-C', installed, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  for (const name of [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    'cdk8s-cli',
    'ts-node',
    'typescript',
    '@types/node',
  ]) {
    mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  }
  const bin = join(project, 'node_modules', '.bin');
  mkdirSync(bin);
  for (const [name, target] of [
    ...Object.entries(manifest.bin as Record<string, string>).map(([n, t]) => [n, join('..', 'k8s-platforms', t)]),
    ['cdk8s', '../cdk8s-cli/bin/cdk8s'],
    ['ts-node', '../ts-node/dist/bin.js'],
  ]) {
    symlinkSync(target, join(bin, name));
    chmodSync(join(bin, target), 0o755);
  }
  execFileSync('git', ['init', '-q'], { cwd: project });
  compileApp(['main.ts', 'plain.ts']);
}, 180_000);

afterAll(() => {
  if (project && !process.env.KEEP_CONSUMER) rmSync(project, { recursive: true, force: true });
});

describe('a stock cdk8s app using the packed package', () => {
  test('k8s-platforms synth reads the app from cdk8s.yaml and writes dist/, the entry points, the report and the docs of every build', () => {
    const synth = stockK8sPlatforms(['synth']);
    expect(synth.stderr).toBe('');
    expect(synth.status).toBe(0);
    expect(synth.stdout).toMatch(/^wrote 44 objects \(\d+ files\) to dist\/ and \d+ Flux objects to its entry points in \d+ ms$/m);
    expect(readdirSync(dist).sort()).toEqual(['blog', 'shop', 'shop-staging']);
    expect(readdirSync(join(project, 'kustomization')).sort()).toEqual(['README.md', 'blog', 'shop', 'shop-staging']);
    expect(readdirSync(join(project, 'docs')).sort()).toEqual(['blog.md', 'shop-staging.md', 'shop.md']);
    expect(JSON.parse(readFileSync(join(project, 'policy-report.json'), 'utf8')).platforms.map((p: { name: string }) => p.name)).toEqual([
      'shop',
      'shop-staging',
      'blog',
    ]);
    // dist/ is git-ignored (the template's .gitignore), so the synth keeps its own copy beside it, itself ignored.
    expect(execFileSync('git', ['status', '--porcelain', '--ignored'], { cwd: project, encoding: 'utf8' })).toMatch(/^!! \.k8s-platforms\/$/m);
    expect(readdirSync(join(project, '.k8s-platforms', 'published', 'dist')).sort()).toEqual(['blog', 'shop', 'shop-staging']);
  });

  test('--platform on every command: synth, diff, validate and docs work on the chosen build only', () => {
    const before = outputs();
    writeFileSync(join(dist, 'shop', 'kustomization.yaml'), '# hand-edited\n');
    writeFileSync(join(project, 'docs', 'blog.md'), `${GENERATED_DOC_MARKER}\n# edited by hand\n`);
    const validate = k8sPlatforms(['validate', '--platform', 'shop']);
    expect([validate.status, validate.stderr]).toEqual([1, expect.stringContaining('dist/shop/kustomization.yaml differs')]);
    expect(validate.stderr).not.toContain('blog.md');
    const synth = k8sPlatforms(['synth', '--platform', 'shop']);
    expect(synth.status).toBe(0);
    expect(synth.stdout).toContain('changes against dist/ on disk:\n  shop: no changes\n');
    expect(outputs()).toEqual({ ...before, docs: { ...before.docs, 'blog.md': `${GENERATED_DOC_MARKER}\n# edited by hand\n` } });
    const docs = k8sPlatforms(['docs', '--platform', 'blog']);
    expect([docs.status, docs.stdout]).toEqual([0, 'wrote 1 docs to docs/: blog.md\n']);
    expect(outputs()).toEqual(before);
    expect(k8sPlatforms(['validate']).status).toBe(0);
    const diff = k8sPlatforms(['diff', '--platform', 'shop-staging']);
    expect([diff.status, diff.stdout]).toEqual([0, 'changes against dist/ on disk:\n  shop-staging: no changes\n']);
    const unknown = k8sPlatforms(['synth', '--platform', 'shopp']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      'synth: --platform names no build of the app (got "shopp"); fix: use a build folder or platform name: shop, shop-staging, blog',
    );
    expect(outputs()).toEqual(before);
  });

  test('--stdout prints one build, or several with no identity twice; two clusters holding one identity are refused', () => {
    const before = outputs();
    const one = k8sPlatforms(['synth', '--stdout', '--platform', 'shop-staging']);
    expect(one.status).toBe(0);
    expect(ids(one.stdout)).toEqual([...new Set(ids(one.stdout))]);
    expect(ids(one.stdout)).toContain('Deployment/web/frontend');
    const both = k8sPlatforms(['synth', '--stdout', '--platform', 'shop', '--platform', 'blog']);
    expect(both.status).toBe(0);
    expect(ids(both.stdout).length).toBe(new Set(ids(both.stdout)).size);
    expect(ids(both.stdout)).toEqual(expect.arrayContaining(['Deployment/web/frontend', 'Deployment/blog/ghost']));
    const clash = k8sPlatforms(['synth', '--stdout']);
    expect([clash.status, clash.stdout]).toEqual([1, '']);
    expect(clash.stderr).toMatch(
      /^synth --stdout: builds shop and shop-staging hold \d+ objects of the same identity \(.+\): they are separate clusters, and one stream would apply one over the other; fix: choose one with --platform shop/m,
    );
    const viaCli = cdk8s(['--stdout', '--no-validate'], { K8S_PLATFORMS_PLATFORM: 'blog' });
    expect(viaCli.status).toBe(0);
    expect(ids(viaCli.stdout).sort()).toEqual(ids(k8sPlatforms(['synth', '--stdout', '--platform', 'blog']).stdout).sort());
    expect(outputs()).toEqual(before);
  });

  test('cdk8s synth (output: dist, which it empties first) publishes through the pipeline and shows the checks in its validation report', () => {
    const before = outputs();
    const synth = stockCdk8s();
    expect(synth.status).toBe(0);
    expect(synth.stdout).toMatch(new RegExp(`Validation Report \\(${project}/node_modules/k8s-platforms@${VERSION.replace(/\./g, '\\.')}\\)`));
    expect(synth.stdout).toMatch(/║ Status +│ success +║/);
    expect(synth.stdout).toMatch(/║ objects +│ 44 +║/);
    expect(synth.stderr).toContain('dist/ was empty (cdk8s synth empties its output folder before the app runs); restored the last published copy');
    expect(outputs()).toEqual(before);
  });

  test('a refused synth under cdk8s synth ends in its validation report (the rule, the object, the fix), with dist/ unchanged and no stack trace', () => {
    const before = outputs();
    const refused = cdk8s([], { SHOP_PRIVILEGED: '1' });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toMatch(/║ Status +│ failure +║/);
    expect(refused.stdout).toContain('pod-security-restricted');
    expect(refused.stdout).toContain('shop/apps/frontend/deployment');
    expect(refused.stderr).toContain('Validation failed. See above reports for details');
    noStackTrace(refused);
    expect(outputs()).toEqual(before);
  });

  test('the shrink guard holds with dist/ git-ignored: a loss is refused against dist/ on disk, by k8s-platforms synth and under cdk8s synth', () => {
    const before = outputs();
    const refused = k8sPlatforms(['synth'], { SHOP_SHRINK: '1' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^shop: objects would lose 12 of 19 against dist\/ on disk \(more than 50% at once\), and Flux would prune them: /m,
    );
    noStackTrace(refused);
    expect(outputs()).toEqual(before);
    const viaCli = cdk8s([], { SHOP_SHRINK: '1' });
    expect(viaCli.status).toBe(2);
    expect(viaCli.stdout).toContain('would lose 12 of 19 against dist/ on disk');
    noStackTrace(viaCli);
    expect(outputs()).toEqual(before);
    const allowed = k8sPlatforms(['synth', '--allow-removal', 'shop', '--allow-removal', 'shop-staging'], { SHOP_SHRINK: '1' });
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain('deleted, as --allow-removal shop --allow-removal shop-staging allowed: shop/Deployment/web/cart');
  });

  test('a plain cdk8s App never calls the pipeline, and its app.synth() still refuses what the checks refuse, writing nothing', () => {
    const out = join(project, 'plain-output');
    const refused = run('node', ['plain.js'], { PLAIN_PRIVILEGED: '1', PLAIN_OUTDIR: out });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('shop/apps/frontend/deployment: spec.template.spec.containers[0].securityContext.privileged');
    expect(refused.stderr).toContain('[pod-security-restricted]');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const plain = run('node', ['plain.js'], { PLAIN_OUTDIR: out });
    expect(plain.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      expect.stringMatching(/^shop-apps-[0-9a-f]+\.k8s\.yaml$/),
      expect.stringMatching(/^shop-infrastructure-[0-9a-f]+\.k8s\.yaml$/),
    ]);
  });

  test('the bin names what is wrong when the app is not a PlatformApp, or there is no cdk8s app', () => {
    const plain = run('k8s-platforms', ['synth', '--app', 'node plain.js'], { PLAIN_OUTDIR: join(project, 'plain-output') });
    expect([plain.status, plain.stderr]).toEqual([
      1,
      "k8s-platforms: the app (node plain.js) finished without running the k8s-platforms pipeline: its main must build a PlatformApp (not cdk8s's App) and call app.synth()\n",
    ]);
    const elsewhere = spawnSync(join(project, 'node_modules', '.bin', 'k8s-platforms'), ['synth'], { cwd: tmpdir(), encoding: 'utf8' });
    expect([elsewhere.status, elsewhere.stderr]).toEqual([
      2,
      `k8s-platforms: no cdk8s.yaml in ${tmpdir()} or a folder above it: run k8s-platforms in a cdk8s app (cdk8s init typescript-app makes one)\n`,
    ]);
    expect(stockK8sPlatforms(['lint']).stderr).toBe(
      'k8s-platforms: unknown command "lint"; the commands are synth, diff, validate, docs, upgrade-report, charts (k8s-platforms --help)\n',
    );
    expect(stockK8sPlatforms(['synth', '--help']).stdout).toMatch(/^Usage: k8s-platforms synth \[--platform <build>\]/);
  });
});
