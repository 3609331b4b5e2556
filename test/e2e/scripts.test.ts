import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync('node', [join('scripts', script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, input: '' });
/** Modules the scripts import, not commands a person runs. */
const SHARED_MODULES = [
  'cli.mjs',
  'external-validators.mjs',
  'input-stamp.mjs',
  'kubernetes-api-code.mjs',
  'load-ts.mjs',
  'pinned-crds.mjs',
  'schema-validators-code.mjs',
];
/** Every script a person runs. */
const scripts = readdirSync(join(root, 'scripts'))
  .filter((f) => f.endsWith('.mjs') && !SHARED_MODULES.includes(f))
  .sort();

describe('scripts behave like tools', () => {
  test.each(scripts)('%s --help prints its usage and exit codes, does nothing else, exits 0', (script) => {
    const help = run(script, ['--help']);
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Usage: /);
    expect(help.stdout).toMatch(/Exit codes: 0 /);
  });

  test('validate-dist without ../shared says what is missing and that synth and tests do not need it: exit 2, no stack', () => {
    const out = run('validate-dist.mjs', ['dist'], { SHARED_DIR: '/nonexistent/shared' });
    expect([out.status, out.stdout, out.stderr]).toEqual([
      2,
      '',
      'validate-dist: /nonexistent/shared/schemas is missing: strict validation needs the Kubernetes schemas and the pinned CRDs of ../shared, a sibling checkout beside this repository (see README "What ../shared is"); set SHARED_DIR to use another copy. npm run synth and npm test do not need it.\n',
    ]);
  });

  test('the offline import without a CRD folder, and bad arguments, are one line and exit 2', () => {
    expect(run('import-crds.mjs', [], { CRD_DIR: '/nonexistent/crds' }).stderr).toBe(
      'import: no CRD folder at /nonexistent/crds: the offline import reads the upstream CRDs from ../shared (see README "What ../shared is"); set CRD_DIR, or run npm run import -- --network\n',
    );
    const outcome = (script: string, args: string[]) => {
      const ran = run(script, args);
      return [ran.status, ran.stderr];
    };
    expect(outcome('import-crds.mjs', ['--fast'])).toEqual([2, 'import: unknown argument "--fast"; see npm run import -- --help\n']);
    expect(outcome('bench.mjs', ['ten'])).toEqual([2, 'bench: unknown argument "ten"; see npm run bench -- --help\n']);
    expect(outcome('static-checks.mjs', ['--fix'])).toEqual([2, 'static-checks: unknown argument "--fix"; see --help\n']);
    expect(outcome('mermaid-check.mjs', [])).toEqual([
      2,
      'mermaid-check: stdin must be a JSON array of diagram texts (Unexpected end of JSON input)\n',
    ]);
  });
});
