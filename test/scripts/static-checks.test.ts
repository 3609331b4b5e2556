import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * scripts/static-checks.mjs runs tsc, ESLint and Prettier, and none of them again while no file of
 * the project changed since they last all passed. The tools here are stand-ins in the project's
 * node_modules/.bin that log each run and exit with the code a file gives them.
 */
const SCRIPT = resolve(__dirname, '../../scripts/static-checks.mjs');

function project(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'static-checks-')), 'project'); // the log beside it, not in it
  mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
  for (const tool of ['tsc', 'eslint', 'prettier']) {
    const bin = join(root, 'node_modules', '.bin', tool);
    writeFileSync(bin, `#!/bin/sh\necho ${tool} >> ../runs.log\nexit $(cat exit-${tool} 2>/dev/null || echo 0)\n`);
    chmodSync(bin, 0o755);
  }
  mkdirSync(join(root, 'lib'));
  writeFileSync(join(root, 'lib', 'a.ts'), 'export const a = 1;\n');
  return root;
}
const check = (root: string) => spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });
const runs = (root: string) =>
  readFileSync(join(root, '..', 'runs.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .sort();

describe('static checks run again only when a file changed since they last passed', () => {
  test('an unchanged project is not checked twice; a changed source file is, a new output in build/ is not', () => {
    const root = project();
    expect(check(root).status).toBe(0);
    expect(runs(root)).toEqual(['eslint', 'prettier', 'tsc']);
    const again = check(root);
    expect([again.status, again.stdout]).toEqual([
      0,
      'static checks: no file changed since type check, lint and format last passed; not run again\n',
    ]);
    expect(runs(root)).toEqual(['eslint', 'prettier', 'tsc']);
    appendFileSync(join(root, 'lib', 'a.ts'), 'export const b = 2;\n');
    expect(check(root).status).toBe(0);
    expect(runs(root)).toEqual(['eslint', 'eslint', 'prettier', 'prettier', 'tsc', 'tsc']);
    mkdirSync(join(root, 'build'), { recursive: true });
    writeFileSync(join(root, 'build', 'main.js'), '// an output: the tools do not read build/\n');
    expect(check(root).stdout).toMatch(/not run again/);
  });

  test('a failed check is run again next time, with nothing changed', () => {
    const root = project();
    writeFileSync(join(root, 'exit-eslint'), '1');
    const failed = check(root);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('lint: FAILED (exit 1)');
    expect(failed.stderr).toBe('static-checks: lint failed (above)\n');
    const again = check(root);
    expect(again.status).toBe(1);
    expect(runs(root).filter((tool) => tool === 'eslint')).toHaveLength(2);
  });
});
