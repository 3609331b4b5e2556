import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceDirectory, swapFolders } from '../../lib/publish/dist-swap';
import { listFiles } from '../../lib/output/file-tree';
import { journalPath, recoverPublish } from '../../lib/publish/publish';
import { sharedSynth } from '../shared-synth';
import { publishAsTheSynth, writtenTrees } from './publish-as-synth';
import { ensureStateDir, stateFile } from '../../lib/publish/dist-record';
import { SECRET_SCAN_MEMORY } from '../../lib/pipeline/run-synth';
import { GENERATED_DOC_MARKER } from '../../lib/docs/platform-docs';

// kill -9 the real synth (node build/main.js, built once per test run: test/shared-synth.ts) at random moments: dist/,
// kustomization/, policy-report.json and each generated doc must each always be the old one or
// the new one (or, killed between a swap's two renames, absent with the old one parked beside
// it), and after recovery all together: all old or all new, never new dist/ with an old
// kustomization/ or old docs.
// The next run must take over the dead run's lock, recover and write the new ones. To stay
// fast, after every fourth kill the next run is a whole one: the real synth after the first, and
// after the others the synth's writing steps alone (publish-as-synth.ts: the lock, publish(), the
// record) with the output of this run's shared synth, in this process: building and checking the
// app again would recover nothing more. After the other kills it is the same recoverPublish() the
// synth starts with.
const root = join(__dirname, '..', '..');
const tree = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
const after = tree(join(root, 'dist'));
const beforeFiles = new Map(after.map(([f, c]) => [f, `${c}# an older synth\n`]));
beforeFiles.set(
  'archiverse/apps/archiverse/deployment-retired.yaml',
  '# Generated from archiverse/apps/retired; edit the TypeScript, not this file.\nkind: Deployment\n',
);
const before = [...beforeFiles].sort(([a], [b]) => (a < b ? -1 : 1));
const afterEntries = tree(join(root, 'kustomization'));
const beforeEntries = new Map(afterEntries.map(([f, c]) => [f, `${c}# an older synth\n`]));
const sortedBeforeEntries = [...beforeEntries].sort(([a], [b]) => (a < b ? -1 : 1));
const afterReport = readFileSync(join(root, 'policy-report.json'), 'utf8');
const beforeReport = afterReport.replace('"platforms"', '"older": true, "platforms"');
// The generated docs (their first line is the marker), each an older version before the synth.
const afterDocs = new Map(
  readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md')) // pages only: docs/api/ (npm run api-docs) is a folder
    .map((f) => [f, readFileSync(join(root, 'docs', f), 'utf8')] as const)
    .filter(([, text]) => text.startsWith(GENERATED_DOC_MARKER)),
);
const beforeDocs = new Map([...afterDocs].map(([f, c]) => [f, `${c}\nan older synth\n`]));
const read = (f: string) => readFileSync(f, 'utf8');

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

/** Whether `target` is its old or new content, or parked beside it between a swap's two renames. */
function stateOf<T>(target: string, read: (path: string) => T, old: T, fresh: T): string {
  if (!existsSync(target)) {
    expect(read(swapFolders(target).previous)).toEqual(old);
    return 'between renames';
  }
  const found = read(target);
  expect([old, fresh]).toContainEqual(found);
  return JSON.stringify(found) === JSON.stringify(old) ? 'old' : 'new';
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/**
 * A folder holding what an older synth left: the outputs a synth replaces (dist/, kustomization/,
 * the report and the generated docs) and the secret scanner's memory beside them (the state
 * folder's secret-scan.json, as the run's shared synth left it: the same scanner, so its verdicts
 * hold), so that the synth's checks do not scan again what an earlier synth found clean.
 */
function olderOutputs(synthRoot: string) {
  const dist = join(mkdtempSync(join(tmpdir(), 'crash-')), 'dist');
  ensureStateDir(dist);
  copyFileSync(stateFile(join(synthRoot, 'dist'), SECRET_SCAN_MEMORY), stateFile(dist, SECRET_SCAN_MEMORY));
  const outputs = {
    dist,
    entries: join(dist, '..', 'kustomization'),
    report: join(dist, '..', 'policy-report.json'),
    docs: join(dist, '..', 'docs'),
  };
  replaceDirectory(dist, beforeFiles);
  replaceDirectory(outputs.entries, beforeEntries);
  writeFileSync(outputs.report, beforeReport);
  mkdirSync(outputs.docs);
  for (const [f, c] of beforeDocs) writeFileSync(join(outputs.docs, f), c);
  return outputs;
}

test('kill -9 at 20 random moments: dist/, kustomization/ and the report are each always old or new, recovered to all old or all new, and the next run completes', async () => {
  // How long a whole run takes: the run's shared synth (which also builds build/main.js) measured it.
  const shared = sharedSynth();
  const fullRun = shared.ms;
  expect(existsSync(join(root, 'build', 'main.js'))).toBe(true);
  const next = random(20261122);
  // Half the kills anywhere in a run, half near its end, where the tree is written and swapped.
  const moments = Array.from({ length: 20 }, (_, i) => Math.round(i % 2 === 0 ? next() * fullRun : fullRun * (0.6 + 0.5 * next())));
  const seen: string[] = [];
  const checkAndRecover = async ({ dist, entries, report, docs }: ReturnType<typeof olderOutputs>, index: number) => {
    const docStates = new Set([...afterDocs.keys()].map((f) => stateOf(join(docs, f), read, beforeDocs.get(f), afterDocs.get(f))));
    const outcomes = [
      stateOf(dist, tree, before, after),
      stateOf(entries, tree, sortedBeforeEntries, afterEntries),
      stateOf(report, read, beforeReport, afterReport),
      docStates.size === 1 ? [...docStates][0] : 'docs mixed',
    ];
    seen.push(outcomes.join(' '));
    const docsNow = () => [...afterDocs.keys()].map((f) => read(join(docs, f)));
    if (index % 4 === 0) {
      if (index === 0) await synth(dist);
      else publishAsTheSynth(writtenTrees(shared.root), dist);
      expect([tree(dist), tree(entries), readFileSync(report, 'utf8'), docsNow()]).toEqual([
        after,
        afterEntries,
        afterReport,
        [...afterDocs.values()],
      ]);
      expect(existsSync(join(dist, '..', '.synth.lock'))).toBe(false);
    } else {
      recoverPublish(dist);
      const together = [tree(dist), tree(entries), readFileSync(report, 'utf8'), docsNow()];
      expect([
        [before, sortedBeforeEntries, beforeReport, [...beforeDocs.values()]],
        [after, afterEntries, afterReport, [...afterDocs.values()]],
      ]).toContainEqual(together);
    }
    for (const target of [dist, entries, report, ...[...afterDocs.keys()].map((f) => join(docs, f))])
      expect(existsSync(swapFolders(target).next) || existsSync(swapFolders(target).previous)).toBe(false);
    expect(existsSync(journalPath(dist))).toBe(false);
  };
  // Four kills at a time; each checked and recovered once all four are dead, so that no work in
  // this process (a recovery) delays another's kill.
  for (let i = 0; i < moments.length; i += 4) {
    const batch = moments.slice(i, i + 4).map((ms, j) => ({ index: i + j, outputs: olderOutputs(shared.root), ms }));
    await Promise.all(batch.map(({ outputs, ms }) => synth(outputs.dist, ms)));
    for (const { index, outputs } of batch) await checkAndRecover(outputs, index);
  }
  expect(seen).toHaveLength(20);
  expect(seen).toContain('old old old old');
}, 360000); // 21 synths, killed or whole, and 4 runs of the writing steps; 25 synths took 133 s alone at load 9 on 2 cores, past 180 s inside the full npm test; a hang guard, not a speed target
