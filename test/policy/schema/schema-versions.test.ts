import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const GENERATED = join(__dirname, '..', '..', '..', 'lib', 'imports', 'schema-validators');

/** The generated files a fresh Node process has loaded after `script` ran with `validators` required. */
function loadedAfter(script: string): string[] {
  const run = spawnSync(
    process.execPath,
    [
      '-e',
      `const validators = require(${JSON.stringify(GENERATED)}); ${script}; console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(GENERATED)})).map((f) => f.slice(${GENERATED.length + 1})).sort()))`,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('the generated schema validators, one set of files per Kubernetes version', () => {
  test('nothing but the index loads until a version is asked for; then that version and the functions it shares, and no other version', () => {
    expect(loadedAfter('')).toEqual(['index.js']);
    const loaded = loadedAfter("validators.kubernetesValidators('1.34')");
    expect(loaded).toContain('kubernetes-1.34.js');
    expect(loaded).toContain('functions-1.28-1.36.js');
    expect(loaded.filter((f) => /^kubernetes-1\.\d+\.js$/.test(f))).toEqual(['kubernetes-1.34.js']);
    // Only files of function sets 1.34 is part of: 1.28-1.36 and 1.34 are, 1.28 and 1.35-1.36 are not.
    const runs = loaded
      .filter((f) => f.startsWith('functions-'))
      .map((f) =>
        f
          .replace(/^functions-|\.js$/g, '')
          .split('-')
          .map((v) => Number(v.split('.')[1])),
      );
    expect(runs.every(([first, last = first]) => first <= 34 && last >= 34)).toBe(true);
    expect(loaded).not.toContain('crds.js');
  });

  test('the validators of every version and of the pinned CRDs stay under 12 MB together', () => {
    const bytes = readdirSync(GENERATED).reduce((n, f) => n + statSync(join(GENERATED, f)).size, 0);
    expect(bytes).toBeLessThan(12 * 1024 * 1024);
  });
});
