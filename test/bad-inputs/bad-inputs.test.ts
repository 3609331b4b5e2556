import { App } from 'cdk8s';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PolicyRule } from '../../lib/core/exceptions';
import { Platform } from '../../lib/flux/platform';
import { listFiles } from '../../lib/output/file-tree';
import { NodePools } from '../../lib/placement/node-pool';
import { replaceDirectory } from '../../lib/publish/dist-swap';
import { processState } from '../../lib/publish/process-state';
import { testPlatform } from '../helpers';
import { refusalMessage, synthInto } from '../pipeline-helpers';
import { SUBJECTS } from './corpus';
import { Context } from './fixtures';

/** What every case's folder holds before it runs: a dist/ an earlier synth wrote. */
const EARLIER_DIST = new Map([
  ['test/kustomization.yaml', 'resources: []\n'],
  ['test/apps/marker.yaml', '# Generated from test/apps/marker; edit the TypeScript, not this file.\nbefore\n'],
]);

/** Every file of a case's folder (dist/ and what the synth writes or keeps beside it), to prove a refusal wrote nothing. */
const snapshot = (root: string) => listFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]);

/**
 * Runs a case like the synth would: a fresh folder holding a dist/, build (which may add files
 * beside it), then synthesize into `dist`; returns what was thrown, and whether the folder was
 * left as it was.
 */
function runCase(build: (ctx: Context) => void): { error: Error | undefined; root: string; untouched: boolean } {
  const root = mkdtempSync(join(tmpdir(), 'bad-input-'));
  const dist = join(root, 'dist');
  replaceDirectory(dist, EARLIER_DIST);
  const ctx = { ...testPlatform(), root, dist };
  try {
    build(ctx);
  } catch (e) {
    return { error: e as Error, root, untouched: true }; // refused while the construct was built
  }
  const before = snapshot(root);
  const outcome = synthInto(ctx.app, dist);
  const untouched = JSON.stringify(snapshot(root)) === JSON.stringify(before);
  if (outcome.ok) return { error: undefined, root, untouched };
  // Refused by the synth's checks: one error as it is, several as one (their stacks lead to the first).
  const error =
    outcome.errors.length === 1 ? outcome.errors[0] : Object.assign(new Error(refusalMessage(outcome)), { stack: outcome.errors[0].stack });
  return { error, root, untouched };
}

/** A case's expected message with its placeholders filled in (see Case). */
function expected(message: string, root: string): string {
  return message
    .replaceAll('<root>', root)
    .replaceAll('<pid>', String(process.pid))
    .replaceAll('<command>', processState(process.pid)?.command ?? '');
}

const LIB = join(__dirname, '..', '..', 'lib');
/** Files that only build the error a rule raises: the refusing file is the one that called them. */
const ERROR_PLUMBING = new Set([join('core', 'errors.ts'), join('policy', 'api-server', 'api-findings.ts')]);

/**
 * The lib/ file whose validation refused the input: the first stack frame in lib/ that is not the
 * error plumbing (Site.fail, ValidationError, ApiFindings.refuse). Taken from the error, so a case
 * cannot claim a construct it does not exercise.
 */
function refusingFile(error: Error): string | undefined {
  for (const match of (error.stack ?? '').matchAll(/\((\/[^():]+\.ts):\d+:\d+\)/g)) {
    const file = relative(LIB, match[1]);
    if (!file.startsWith('..') && !ERROR_PLUMBING.has(file)) return file;
  }
  return undefined;
}

/** The policy rules a refusal names: each finding ends in `[rule-id]`. */
function refusedRules(error: Error): string[] {
  return [...error.message.matchAll(/\[([a-z-]+)\] \(got /g)].map((m) => m[1]);
}

/** Every lib/ file that refuses input: it calls Site.fail or ApiFindings.refuse, or makes a ValidationError. */
function validatingFiles(dir: string = LIB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'imports' ? [] : validatingFiles(path);
    if (!entry.name.endsWith('.ts') || ERROR_PLUMBING.has(relative(LIB, path))) return [];
    return /\.fail\(|\.refuse\(|new ValidationError\(/.test(readFileSync(path, 'utf8')) ? [relative(LIB, path)] : [];
  });
}

/**
 * Validating files whose refusals this corpus cannot reach, each with where it is tested instead.
 * An entry that no longer validates, or that a case now reaches, fails the coverage test.
 */
const COVERED_ELSEWHERE: Record<string, string> = {
  [join('publish', 'shrink-guard.ts')]:
    'compares a synth with the committed (or on-disk) dist/ and refuses removals: test/publish/shrink-guard.test.ts, test/e2e/dist.test.ts',
  [join('flux', 'git-source.ts')]: 'the app-wide Git source of the entry points: test/flux/entry-points.test.ts',
};

const cases = SUBJECTS.flatMap((s) => s.cases);

describe('bad input: exact error, dist/ and everything beside it untouched', () => {
  const dist = join(mkdtempSync(join(tmpdir(), 'bad-input-')), 'dist');
  replaceDirectory(dist, EARLIER_DIST);
  const before = listFiles(dist).map((f) => [f, readFileSync(join(dist, f), 'utf8')]);
  const errors = new Map<string, Error | undefined>();

  test('every case has its own title', () => {
    expect(new Set(cases.map(([title]) => title)).size).toBe(cases.length);
  });

  describe.each(SUBJECTS.map((s) => [s.subject, s.cases] as const))('%s', (_subject, subjectCases) => {
    test.each(subjectCases)('%s', (title, build, message) => {
      const { error, root, untouched } = runCase(build);
      errors.set(title, error);
      expect(error?.message).toBe(expected(message, root));
      expect(untouched).toBe(true);
    });
  });

  test('a platform with no objects is refused', () => {
    const app = new App();
    const platform = new Platform(app, { name: 'empty', pools: new NodePools([]) });
    void platform.apps; // a layer chart with nothing in it
    expect(refusalMessage(synthInto(app, dist))).toBe(
      'empty: produced no objects; refusing to write an empty platform (Flux would prune everything it deployed)',
    );
    expect(listFiles(dist).map((f) => [f, readFileSync(join(dist, f), 'utf8')])).toEqual(before);
  });
  test('an app with no platform is refused', () => {
    expect(refusalMessage(synthInto(new App(), dist))).toBe('the app defines no platform; refusing to replace dist/ with nothing');
  });

  describe('coverage: the corpus reaches every rule and every validating file', () => {
    /** Each case's error, from the run above, or run now when this test runs alone. */
    const allErrors = () =>
      cases.map(([title, build]) => (errors.has(title) ? errors.get(title) : runCase(build).error)).filter((e): e is Error => e !== undefined);

    test('every PolicyRule has a case that a check refuses under it', () => {
      const refused = new Set(allErrors().flatMap(refusedRules));
      expect(PolicyRule.rules.map((r) => r.id).filter((id) => !refused.has(id))).toEqual([]);
    });
    test('every lib/ file that refuses input has a case it refuses', () => {
      const refusing = new Set(allErrors().map(refusingFile));
      const missing = validatingFiles().filter((f) => !refusing.has(f) && !(f in COVERED_ELSEWHERE));
      expect(missing).toEqual([]);
    });
    test('the exceptions to the file coverage are still needed', () => {
      const refusing = new Set(allErrors().map(refusingFile));
      const validating = new Set(validatingFiles());
      expect(Object.keys(COVERED_ELSEWHERE).filter((f) => !validating.has(f) || refusing.has(f))).toEqual([]);
    });
  });
});
