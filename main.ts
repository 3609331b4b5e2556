import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CDK8S_MANIFEST_FILE, manifestStream } from './lib/output/cdk8s-output';
import { formatChanges } from './lib/changes/change-report';
import { readTree } from './lib/output/file-tree';
import { PublishError } from './lib/publish/publish-error';
import type { SynthOutcome } from './lib/pipeline/run-synth';
import { ALLOW_REMOVAL_ENV, ALLOW_REMOVAL_FLAG, removalAllowances } from './lib/publish/shrink-guard';
import { acquireSynthLock } from './lib/publish/synth-lock';

const USAGE = `Usage: npm run synth [-- ${ALLOW_REMOVAL_FLAG} <platform | platform/Kind/namespace/name>]...
       npx cdk8s synth --no-check-upgrade [--stdout]

Builds every platform, checks it, and replaces dist/, kustomization/ and policy-report.json by
checked swaps (all or nothing). Prints the checks table and what changed, object by object,
against the committed dist/ (destructive changes first, marked !).

  ${ALLOW_REMOVAL_FLAG} <name>  let the synth remove what the shrink guard refuses: a whole platform
                        folder's losses, or one object by identity; repeatable.
  --help, -h            print this and exit.

Environment: DIST_DIR (default dist) writes elsewhere; ${ALLOW_REMOVAL_ENV}=<name>[,<name>] is the
flag for npx cdk8s synth.
Exit codes: 0 written; 1 refused (every error printed with path, field, value and fix) or failed,
dist/ unchanged; 2 bad command line.`;

// `npm run synth` and `npx cdk8s synth` both land here. dist/ is replaced by a checked swap;
// DIST_DIR points it elsewhere (tests synthesize into a temporary folder).
const started = performance.now();
// build/main.js lives in the project: dist/ is the project's wherever the synth is started from,
// so it never lands in the current folder and the shrink guard compares with the committed one.
const projectRoot = resolve(__dirname, '..');
// Under `cdk8s synth` stdout is captured by the CLI; stderr reaches the user.
const print = process.env.CDK8S_OUTDIR ? console.error : console.log;
const emptyDistDir = process.env.DIST_DIR !== undefined && process.env.DIST_DIR.trim() === '';
const outdir = process.env.DIST_DIR && !emptyDistDir ? resolve(process.env.DIST_DIR) : join(projectRoot, 'dist');
const shown = shownPath(outdir);
const failed = `synth failed; ${shown}/ was left unchanged.`;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
} else if (emptyDistDir) {
  console.error(`synth failed; nothing was written.\nDIST_DIR: the environment variable is empty, so there is no folder to write (got ""); fix: unset DIST_DIR to write ${join(projectRoot, 'dist')}/, or set it to the folder to write`);
  process.exitCode = 1;
} else {
  main().catch((error) => {
    // Not a refusal (those come back as a value): a bug or the environment (disk, permissions).
    // A PublishError says itself what is on disk; anything else happened before the first swap.
    if (error instanceof PublishError) console.error(`synth failed; ${error.message}`);
    else console.error(`${failed}\n${unexpected(error)}`);
    process.exitCode = 1;
  });
}

/** The folder as the user knows it: relative to where they are when it is inside, else absolute. */
function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') && !fromHere.startsWith('/') ? fromHere : path;
}

async function main(): Promise<void> {
  let allowRemoval: string[];
  try {
    allowRemoval = removalAllowances(args);
    const unknown = args.filter((a, i) => !a.startsWith(`${ALLOW_REMOVAL_FLAG}`) && args[i - 1] !== ALLOW_REMOVAL_FLAG);
    if (unknown.length > 0) throw new Error(`unknown argument ${unknown.map((a) => JSON.stringify(a)).join(', ')}; see npm run synth -- --help`);
  } catch (error) {
    console.error(`${failed}\n${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const lock = acquireSynthLock(outdir);
  if (!lock.held) return report({ ok: false, errors: [new Error(lock.message)] }, allowRemoval);
  try {
    // Loaded once the lock is ours, so a refused run answers at once, without loading cdk8s.
    const [{ synthAndPublish }, { buildApp }] = await Promise.all([import('./lib/pipeline/run-synth.js'), import('./platforms/index.js')]);
    report(synthAndPublish(outdir, buildApp, { allowRemoval }), allowRemoval);
  } finally {
    lock.release();
  }
}

function report(outcome: SynthOutcome, allowRemoval: readonly string[]): void {
  if (!outcome.ok) {
    console.error(`${outcome.checks ? `${outcome.checks}\n` : ''}${failed}\n${outcome.errors.map((e) => e.message).join('\n')}`);
    process.exitCode = 1;
    return;
  }
  const { summary, changes } = outcome;
  print(summary.checks);
  print(formatChanges(changes.platforms, changes.against));
  const removed = changes.platforms.flatMap((p) => p.changes.filter((c) => c.type === 'removed').map((c) => c.object.id));
  if (allowRemoval.length > 0) print(`deleted, as ${allowRemoval.map((a) => `${ALLOW_REMOVAL_FLAG} ${a}`).join(' ')} allowed: ${removed.length === 0 ? 'nothing' : removed.join(', ')}`);
  const ms = Math.round(performance.now() - started);
  for (const warning of summary.warnings) console.error(warning);
  print(`wrote ${summary.objects} objects (${summary.files} files) to ${shown}/ and ${summary.entryPointObjects} Flux objects to its entry points in ${ms} ms`);
  writeForCdk8sCli(outdir);
}

/** One line saying what went wrong, and one saying where: the first frame of our code, not the whole stack. */
function unexpected(error: unknown): string {
  if (!(error instanceof Error)) return `unexpected failure: ${String(error)}`;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).map((line) => line.trim().replace(/^at /, ''));
  const frame = frames.find((f) => !/node:|node_modules/.test(f)) ?? frames[0];
  const where = frame ? `it was raised at ${frame}` : 'no stack trace was recorded';
  return `unexpected ${error.name}: ${error.message}\n${where}; run \`node --enable-source-maps build/main.js\` for the TypeScript lines of the full stack`;
}

/**
 * `cdk8s synth` empties its output folder, runs us, then reads every *.yaml there (--stdout prints
 * them, validation plugins check them): give it dist/'s objects, read back from the swapped-in tree.
 */
function writeForCdk8sCli(outdir: string): void {
  const staging = process.env.CDK8S_OUTDIR;
  if (!staging) return;
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, CDK8S_MANIFEST_FILE), manifestStream(readTree(outdir)));
}
