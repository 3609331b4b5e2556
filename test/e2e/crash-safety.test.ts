import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, recover, replaceDirectory, swapFolders } from '../../lib/gitops/dist-swap';

// kill -9 the real synth (node build/main.js, built by `npm test`) at random moments: dist/ must
// always be the old tree or the new one (or, killed between the swap's two renames, absent with
// the old tree parked beside it), and the next run must recover and write the new tree. To stay
// fast, the next run is the real synth after every fourth kill and after any kill inside the swap;
// after the others it is the same recover() the synth starts with.
const root = join(__dirname, '..', '..');
const tree = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
const after = tree(join(root, 'dist'));
const beforeFiles = new Map(after.map(([f, c]) => [f, `${c}# an older synth\n`]));
beforeFiles.set('archiverse/apps/archiverse/deployment-retired.yaml', 'kind: Deployment\n');
const before = [...beforeFiles].sort(([a], [b]) => (a < b ? -1 : 1));

/** Runs the synth into `dist`; kills it after `killAfterMs` if given. Resolves with the wall time. */
function synth(dist: string, killAfterMs?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('node', ['build/main.js'], { cwd: root, env: { ...process.env, DIST_DIR: dist }, stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`synth exited with ${code}`));
      else resolve(Date.now() - started);
    });
  });
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

test('kill -9 at 20 random moments: dist/ is always the old or the new tree, and the next run recovers', async () => {
  expect(existsSync(join(root, 'build', 'main.js'))).toBe(true);
  const fullRun = await synth(join(mkdtempSync(join(tmpdir(), 'crash-')), 'dist'));
  const next = random(20261122);
  // Half the kills anywhere in a run, half near its end, where the tree is written and swapped.
  const moments = Array.from({ length: 20 }, (_, i) => Math.round(i % 2 === 0 ? next() * fullRun : fullRun * (0.6 + 0.5 * next())));
  const seen: string[] = [];
  const runOne = async (killAfterMs: number, index: number) => {
    const dist = join(mkdtempSync(join(tmpdir(), 'crash-')), 'dist');
    replaceDirectory(dist, beforeFiles);
    await synth(dist, killAfterMs);
    let outcome = 'between renames';
    if (existsSync(dist)) {
      const found = tree(dist);
      outcome = JSON.stringify(found) === JSON.stringify(before) ? 'old' : 'new';
      expect([before, after]).toContainEqual(found);
    } else {
      expect(tree(swapFolders(dist).previous)).toEqual(before);
    }
    seen.push(outcome);
    if (index % 4 === 0 || outcome === 'between renames') {
      await synth(dist);
      expect(tree(dist)).toEqual(after);
    } else {
      recover(dist);
      expect(existsSync(dist)).toBe(true);
    }
    expect(existsSync(swapFolders(dist).next) || existsSync(swapFolders(dist).previous)).toBe(false);
  };
  for (let i = 0; i < moments.length; i += 4) await Promise.all(moments.slice(i, i + 4).map((ms, j) => runOne(ms, i + j)));
  expect(seen).toHaveLength(20);
  expect(seen).toContain('old');
});
