import { copyFileSync, Dirent, existsSync, linkSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listFiles } from '../output/file-tree';
import { readCommittedTree } from './committed-tree';
import { removeLeftover } from './dist-swap';

/** The synth's own state beside dist/, git-ignored by a .gitignore of its own. */
export const STATE_DIR = '.k8s-platforms';

/**
 * Where the last published dist/ is kept: a second copy the synth owns, so dist/ is never the
 * only copy. `cdk8s synth` deletes its output folder before it runs the app; with `output: dist`
 * and dist/ git-ignored, that would otherwise lose what Flux deployed, and the shrink guard would
 * compare with nothing.
 */
export function recordPath(outdir: string): string {
  return join(dirname(outdir), STATE_DIR, 'published', basename(outdir));
}

/** A file of the synth's state beside `outdir` (the folder is made, git-ignored, by ensureStateDir). */
export function stateFile(outdir: string, name: string): string {
  return join(dirname(outdir), STATE_DIR, name);
}

/** Makes the state folder beside `outdir`, with a .gitignore that keeps all of it out of Git. */
export function ensureStateDir(outdir: string): void {
  const state = join(dirname(outdir), STATE_DIR);
  mkdirSync(state, { recursive: true });
  if (!existsSync(join(state, '.gitignore'))) writeFileSync(join(state, '.gitignore'), "# the k8s-platforms synth's own state: not for git\n*\n");
}

/** Keeps a copy of the dist/ just published (hard links: the swap replaces files, never edits them). */
export function keepRecord(outdir: string): void {
  const record = recordPath(outdir);
  ensureStateDir(outdir);
  const next = `${record}.next`;
  removeLeftover(next);
  copyTree(outdir, next);
  removeLeftover(record);
  renameSync(next, record);
}

/**
 * Puts dist/ back when something emptied it (the cdk8s CLI does before every run): from the kept
 * copy, else from the committed tree. Returns what it did, for a message; undefined when dist/ has
 * files or there is nothing to restore from.
 */
export function restoreEmptied(outdir: string): string | undefined {
  if (hasFiles(outdir)) return undefined;
  const record = recordPath(outdir);
  if (hasFiles(record)) {
    removeLeftover(outdir);
    copyTree(record, outdir);
    return `${basename(outdir)}/ was empty (cdk8s synth empties its output folder before the app runs); restored the last published copy from ${record}`;
  }
  const committed = readCommittedTree(outdir);
  if (!committed) return undefined;
  for (const [path, content] of committed) {
    mkdirSync(dirname(join(outdir, path)), { recursive: true });
    writeFileSync(join(outdir, path), content);
  }
  return `${basename(outdir)}/ was empty (cdk8s synth empties its output folder before the app runs); restored the committed copy (HEAD)`;
}

/** True when there is a file anywhere under `dir`: stops at the first, so a whole dist/ is not listed to learn it is not empty. */
function hasFiles(dir: string): boolean {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false; // absent, or not a folder
  }
  return entries.some((e) => !e.isDirectory() || hasFiles(join(dir, e.name)));
}

function copyTree(from: string, to: string): void {
  for (const path of listFiles(from)) {
    mkdirSync(dirname(join(to, path)), { recursive: true });
    try {
      linkSync(join(from, path), join(to, path));
    } catch {
      copyFileSync(join(from, path), join(to, path)); // another file system, or links not allowed
    }
  }
  mkdirSync(to, { recursive: true });
}
