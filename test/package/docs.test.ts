import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * `npm run api-docs` writes the API reference (docs/api/, not committed) from the TSDoc comments.
 * typedoc.config.mjs turns its warnings into errors, so this run (which writes nothing) fails on a
 * broken {@link}, or on a public signature that uses a type the package does not export.
 */
test('the API reference generates without warnings', () => {
  const repo = resolve(__dirname, '../..');
  const typedoc = resolve(repo, 'node_modules', 'typedoc', 'bin', 'typedoc');
  let output: string;
  try {
    output = execFileSync(process.execPath, [typedoc, '--emit', 'none'], {
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
