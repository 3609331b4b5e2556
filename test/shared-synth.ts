import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Work the end-to-end suites share, done once per jest run however many suites (in however many
 * workers) ask for it: the build (`node scripts/build.mjs`), one real synth of the app
 * (`node build/main.js`) and one through the cdk8s CLI into a scratch folder, and the packed
 * package (`npm pack`). A suite that only reads what a synth writes uses that output instead of
 * synthesizing again; a suite that tests a synth's behaviour (a second run, a refusal, a kill)
 * still runs its own.
 *
 * test/global-setup.ts makes the scratch folder and names it in SCRATCH_ENV, which the workers
 * inherit; the first suite that needs a result makes it under a lock (an atomic mkdir), the others
 * wait for its result file. Run outside that setup, each process makes its own.
 */
export const SCRATCH_ENV = 'K8S_PLATFORMS_TEST_SCRATCH';

const root = join(__dirname, '..');

/** What the shared synth left and printed. */
export interface SharedSynth {
  /**
   * The folder holding `dist/`, `kustomization/`, `policy-report.json` and `docs/`, as a project root would.
   * Read it, never change it: copy what a test edits.
   */
  readonly root: string;
  /** `<root>/dist`, the DIST_DIR the synth was given. */
  readonly dist: string;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the whole run (process start to exit), in ms. */
  readonly ms: number;
}

/** `node scripts/build.mjs` once per jest run: build/ from the current sources (the script skips an up-to-date build). */
export function builtBundle(): void {
  once('bundle', () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
    return {};
  });
}

/**
 * The package as `npm pack` writes it (prepack builds build/lib), once per jest run: the path of the
 * tarball. A suite copies it; two packs at once would also build build/lib over each other.
 */
export function packedTarball(): string {
  return once('pack', () => {
    const out = join(scratch(), 'pack');
    mkdirSync(out);
    execFileSync('npm', ['pack', '--pack-destination', out], { cwd: root, stdio: 'pipe' });
    const [tarball] = readdirSync(out).filter((f) => f.endsWith('.tgz'));
    return join(out, tarball);
  });
}

/** The one real synth of the app (`node build/main.js`) of this jest run. */
export function sharedSynth(): SharedSynth {
  builtBundle();
  return once('synth', () => synthInto('synth', process.execPath, ['build/main.js']));
}

/**
 * The one `npx cdk8s synth --no-check-upgrade` of this jest run: the same app through the cdk8s
 * CLI, which publishes through the pipeline and prints the validation plugin's report.
 */
export function sharedCdk8sSynth(): SharedSynth {
  builtBundle();
  return once('cdk8s-synth', () => synthInto('cdk8s-synth', 'npx', ['cdk8s', 'synth', '--no-check-upgrade']));
}

/** Runs a synth command in the project with DIST_DIR in a fresh folder of the scratch folder. */
function synthInto(name: string, command: string, args: string[]): SharedSynth {
  const out = join(scratch(), name);
  mkdirSync(out);
  const dist = join(out, 'dist');
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, env: { ...process.env, DIST_DIR: dist }, encoding: 'utf8' });
  return { root: out, dist, status: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started };
}

const done = new Map<string, unknown>();
let ownScratch: string | undefined;

function scratch(): string {
  const shared = process.env[SCRATCH_ENV];
  if (shared) return shared;
  ownScratch ??= mkdtempSync(join(tmpdir(), 'k8s-platforms-test-'));
  return ownScratch;
}

/** How long a suite waits for another worker's result before it gives up. */
const WAIT_MS = 10 * 60_000;

/**
 * `make()` run by exactly one process of the jest run; every caller gets its result (JSON). The
 * maker writes `<name>.json` by rename, so a reader sees it whole or not at all; a failure is
 * written too, so the waiting suites fail with the maker's message instead of timing out.
 */
function once<T>(name: string, make: () => T): T {
  if (done.has(name)) return done.get(name) as T;
  const result = join(scratch(), `${name}.json`);
  let claimed = false;
  try {
    mkdirSync(join(scratch(), `${name}.lock`));
    claimed = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (claimed) {
    let outcome: { value?: T; error?: string };
    try {
      outcome = { value: make() };
    } catch (error) {
      outcome = { error: `${(error as Error).message}\n${(error as { stderr?: string }).stderr ?? ''}` };
    }
    writeFileSync(`${result}.tmp`, JSON.stringify(outcome));
    renameSync(`${result}.tmp`, result);
  }
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(result)) {
    if (Date.now() > deadline)
      throw new Error(`waited ${WAIT_MS / 60_000} minutes for another test worker's ${name} (${result}); did that worker die?`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  const outcome = JSON.parse(readFileSync(result, 'utf8')) as { value?: T; error?: string };
  if (outcome.error !== undefined) throw new Error(`the shared ${name} failed: ${outcome.error}`);
  done.set(name, outcome.value);
  return outcome.value as T;
}
