import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles } from '../../lib/output/file-tree';
import { processState } from '../../lib/publish/process-state';
import { builtBundle } from '../shared-synth';

// Real synths (node build/main.js, built once per test run) racing for one temporary dist/.
const root = join(__dirname, '..', '..');
beforeAll(() => builtBundle());
const tree = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);

function synth(dist: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['build/main.js'], { cwd: root, env: { ...process.env, DIST_DIR: dist } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('two synths started together: one writes, the other is refused at once with a clear message', async () => {
  const dist = join(mkdtempSync(join(tmpdir(), 'concurrent-')), 'dist');
  const lock = join(dist, '..', '.synth.lock');
  // The second starts once the first holds the lock, so they overlap even on a busy machine.
  const first = synth(dist);
  const deadline = Date.now() + 30_000;
  while (!existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const runs = await Promise.all([first, synth(dist)]);
  const won = runs.filter((r) => r.status === 0);
  const refused = runs.filter((r) => r.status !== 0);
  expect([won.length, refused.length]).toEqual([1, 1]);
  expect(refused[0].stdout).toBe('');
  expect(refused[0].stderr).toMatch(
    new RegExp(
      `^synth failed; ${dist}/ was left unchanged\\.\\nanother synth \\(pid \\d+\\) holds ${lock}; wait for it to finish and run the synth again \\(if no synth is running, delete ${lock}\\)\\n$`,
    ),
  );
  expect(tree(dist)).toEqual(tree(join(root, 'dist')));
  expect(existsSync(lock)).toBe(false);
});

test('a lock left by a synth killed with -9 (its pid gone) is taken over', async () => {
  const dist = join(mkdtempSync(join(tmpdir(), 'concurrent-')), 'dist');
  const lock = join(dist, '..', '.synth.lock');
  const dead = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(lock, `${dead}\n`);
  const run = await synth(dist);
  expect([run.status, run.stderr]).toEqual([
    0,
    'warning: the repository URL is the placeholder https://git.example.com/platform/k8s-platforms.git; give the app its repository (new PlatformApp({ source: new GitSource({ url }) })) before `flux bootstrap`\n',
  ]);
  expect(tree(dist)).toEqual(tree(join(root, 'dist')));
  expect(existsSync(lock)).toBe(false);
});

test('a lock naming a live process that no synth wrote (no start time) refuses the synth at once, naming the file, the process and the fix, and leaves the lock alone', async () => {
  const dist = join(mkdtempSync(join(tmpdir(), 'concurrent-')), 'dist');
  const lock = join(dist, '..', '.synth.lock');
  const holder = spawn('sleep', ['30']);
  try {
    while (!processState(holder.pid!)?.command.startsWith('sleep')) await new Promise((r) => setTimeout(r, 5));
    writeFileSync(lock, `${holder.pid}\n`);
    const run = await synth(dist);
    expect([run.status, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toBe(
      `synth failed; ${dist}/ was left unchanged.\n${lock}: content names pid ${holder.pid}, a running process (sleep 30), without the start time a synth writes beside its pid, so the synth cannot tell a synth holding the lock from a leftover whose pid now belongs to another process (got "${holder.pid}\\n"); fix: if no synth is running, delete ${lock} and run the synth again\n`,
    );
    expect(existsSync(dist)).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(`${holder.pid}\n`);
  } finally {
    holder.kill();
  }
});
