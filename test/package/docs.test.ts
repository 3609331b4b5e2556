import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * `npm run api-docs` writes the API reference (docs/api/, not committed) from the TSDoc comments.
 * typedoc.config.mjs turns its warnings into errors, so this run (which writes nothing) fails on a
 * broken {@link}, or on a public signature that uses a type the package does not export.
 *
 * --skipErrorChecking leaves out TypeScript's type check of lib/, half of typedoc's time: those
 * type errors are not what this test is about, and they are reported by `tsc --noEmit -p .` in
 * npm test and by the shared `npm pack` of the same jest run (test/shared-synth.ts), whose
 * `tsc -p tsconfig.build.json` compiles the same files with the same tsconfig typedoc reads. The
 * link and export validation this test asserts runs on typedoc's reflections, with or without it.
 */
test('the API reference generates without warnings', () => {
  const repo = resolve(__dirname, '../..');
  const typedoc = resolve(repo, 'node_modules', 'typedoc', 'bin', 'typedoc');
  let output: string;
  try {
    output = execFileSync(process.execPath, [typedoc, '--emit', 'none', '--skipErrorChecking'], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    output = `${stdout ?? ''}${stderr ?? ''}`;
  }
  expect(output.split('\n').filter((line) => /warning|error/i.test(line))).toEqual([]);
}, 120_000);
