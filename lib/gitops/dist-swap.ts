import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** The siblings a swap uses: the new tree (or file) is built in `next`, the old one parked in `previous`. */
export function swapFolders(target: string): { next: string; previous: string } {
  const parent = dirname(target);
  return { next: join(parent, `.${basename(target)}-next`), previous: join(parent, `.${basename(target)}-previous`) };
}

/**
 * Replaces `target` with exactly `files`, never leaving it empty or half-written: the new tree
 * is written beside it, read back and compared, then swapped in by two renames. A crash at any
 * point leaves either the old tree or the new one (or, between the two renames, the old one
 * parked in `previous`, which the next run puts back before doing anything else).
 */
export function replaceDirectory(target: string, files: ReadonlyMap<string, string>): void {
  stage(target, files);
  commit(target);
}

/** replaceDirectory for one file: written beside it, read back, swapped in the same way. */
export function replaceFile(target: string, content: string): void {
  stage(target, content);
  commit(target);
}

/**
 * The first half of a swap: recovers what an interrupted run left, then writes the new tree
 * (a map of relative path to content) or file (a string) to `next` and checks it byte for byte.
 * `target` is untouched; a failure here leaves it as it was.
 */
export function stage(target: string, content: ReadonlyMap<string, string> | string): void {
  if (typeof content !== 'string' && content.size === 0) throw new Error(`refusing to replace ${target} with an empty tree`);
  recover(target);
  const { next } = swapFolders(target);
  if (typeof content === 'string') {
    writeFileSync(next, content);
    if (readFileSync(next, 'utf8') !== content) throw new Error(`staged file ${next} does not match what was written; ${target} was left as it was`);
    return;
  }
  for (const [path, text] of content) {
    mkdirSync(dirname(join(next, path)), { recursive: true });
    writeFileSync(join(next, path), text);
  }
  verifyTree(next, content);
}

/** The second half: the staged `next` replaces `target` by two renames. */
export function commit(target: string): void {
  const { next, previous } = swapFolders(target);
  if (!existsSync(next)) throw new Error(`nothing staged for ${target}`);
  if (existsSync(target)) renameSync(target, previous);
  renameSync(next, target);
  rmSync(previous, { recursive: true, force: true });
}

/** Undo what an interrupted run left behind. */
export function recover(target: string): void {
  const { next, previous } = swapFolders(target);
  if (existsSync(previous)) {
    if (existsSync(target)) rmSync(previous, { recursive: true, force: true });
    else renameSync(previous, target);
  }
  rmSync(next, { recursive: true, force: true });
}

/** Every file is there with the intended bytes, and nothing else is. */
function verifyTree(root: string, files: ReadonlyMap<string, string>): void {
  const found = listFiles(root);
  const missing = [...files.keys()].filter((path) => !found.includes(path));
  const extra = found.filter((path) => !files.has(path));
  const changed = [...files].filter(([path, content]) => found.includes(path) && readFileSync(join(root, path), 'utf8') !== content);
  if (missing.length + extra.length + changed.length > 0) {
    throw new Error(`staged tree ${root} does not match what was written (missing ${missing.length}, extra ${extra.length}, different ${changed.length}); the current tree was left as it was`);
  }
}

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}
