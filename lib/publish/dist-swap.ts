import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { listFiles } from '../output/file-tree';

/** What a swap puts in place: a tree (relative path -> content) or one file (its content). */
export type SwapContent = ReadonlyMap<string, string> | string;

/** The siblings a swap uses: the new tree (or file) is built in `next`, the old one parked in `previous`. */
export function swapFolders(target: string): { next: string; previous: string } {
  const parent = dirname(target);
  return { next: join(parent, `.${basename(target)}-next`), previous: join(parent, `.${basename(target)}-previous`) };
}

/** A target no swap can replace (a mount point, a dangling symlink): refused before anything is written. */
export class UnswappableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnswappableError';
  }
}

/**
 * Where the swap of `target` really happens. A symlink stays and its target is swapped (beside
 * the target, on its file system). A mount point cannot be replaced by renames (EBUSY), so it
 * is refused before anything is written.
 */
export function swapTarget(target: string): string {
  let found;
  try {
    found = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(target);
    throw error;
  }
  if (found.isSymbolicLink()) {
    if (!existsSync(target))
      throw new UnswappableError(`${target} is a symlink to ${readlinkSync(target)}, which does not exist; create it, or remove the link`);
    return swapTarget(realpathSync(target));
  }
  if (found.isDirectory() && found.dev !== statSync(dirname(resolve(target))).dev) throw mountPointError(target);
  return resolve(target);
}

export function mountPointError(target: string): UnswappableError {
  return new UnswappableError(
    `${target} is a mount point, which cannot be replaced by renames (EBUSY); mount its parent folder instead, or make ${basename(target)} a symlink to a folder on the mounted file system`,
  );
}

/**
 * Replaces `target` with exactly `files`, never leaving it empty or half-written: the new tree
 * is written beside it and checked, then swapped in by two renames. A crash at any point leaves
 * either the old tree or the new one (or, between the two renames, the old one parked in
 * `previous`, which the next run puts back before doing anything else).
 */
export function replaceDirectory(target: string, files: ReadonlyMap<string, string>): void {
  stage(target, files);
  commit(target);
}

/** replaceDirectory for one file: written beside it, checked, swapped in the same way. */
export function replaceFile(target: string, content: string): void {
  stage(target, content);
  commit(target);
}

/**
 * The first half of a swap: recovers what an interrupted run left, then writes the new tree
 * (a map of relative path to content) or file (a string) to `next` and checks it. `target` is
 * untouched; a failure here leaves it as it was.
 *
 * `current` is what `target` holds now (as the caller read it): a file whose text it holds
 * unchanged is not written again but hard-linked from `target` into `next`. The swap never edits
 * a file in place (it writes new files and renames folders), so the old tree, parked or kept, is
 * never changed by sharing them.
 */
export function stage(target: string, content: SwapContent, current?: ReadonlyMap<string, string>): void {
  if (typeof content !== 'string' && content.size === 0) throw new Error(`refusing to replace ${target} with an empty tree`);
  recover(target);
  const { next } = swapFolders(target);
  if (typeof content === 'string') {
    verifyTree(next, new Map([['', writeCounted(next, content)]]));
    return;
  }
  const written = new Map<string, number>();
  const linked = new Set<string>();
  const made = new Set<string>();
  for (const [path, text] of content) {
    const file = join(next, path);
    if (!made.has(dirname(file))) {
      mkdirSync(dirname(file), { recursive: true });
      made.add(dirname(file));
    }
    if (current?.get(path) === text && linkOrCopy(join(target, path), file)) linked.add(path);
    else written.set(path, writeCounted(file, text));
  }
  verifyTree(next, written, linked);
}

/** Hard-links `from` to `to`; false when links are not possible here (another file system, not allowed), so the caller writes it. */
function linkOrCopy(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** True when `current` (a folder as read) holds exactly `content`: the same files with the same text. */
export function sameTree(current: ReadonlyMap<string, string>, content: ReadonlyMap<string, string>): boolean {
  if (current.size !== content.size) return false;
  for (const [path, text] of content) if (current.get(path) !== text) return false;
  return true;
}

/** Writes `text` and returns its size in bytes: writeFileSync writes every byte or throws. */
function writeCounted(file: string, text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(file, bytes);
  return bytes.length;
}

/** The second half: the staged `next` replaces `target` by two renames, and the old one is removed. */
export function commit(target: string): void {
  swapIn(target);
  removeLeftover(swapFolders(target).previous);
}

/** The two renames of a swap; the old content stays parked in `previous`. Returns whether there was an old one. */
export function swapIn(target: string): boolean {
  const { next, previous } = swapFolders(target);
  if (!existsSync(next)) throw new Error(`nothing staged for ${target}`);
  const hadOld = existsSync(target);
  if (hadOld) renameBusy(target, previous);
  renameBusy(next, target);
  return hadOld;
}

/** The removal's swapIn: `target` is parked in `previous` (swapOut puts it back). Returns whether there was one. */
export function takeOut(target: string): boolean {
  if (!existsSync(target)) return false;
  renameBusy(target, swapFolders(target).previous);
  return true;
}

/** Undoes swapIn: the new content goes back to `next`, the old one (if any) back in place. */
export function swapOut(target: string, hadOld: boolean): void {
  const { next, previous } = swapFolders(target);
  if (existsSync(target) && !existsSync(next)) renameSync(target, next);
  if (hadOld && existsSync(previous)) renameSync(previous, target);
}

/** Completes swapIn for a run that was killed after deciding to publish (see publish.ts). */
export function rollForward(target: string): void {
  const { next, previous } = swapFolders(target);
  if (existsSync(next)) {
    if (existsSync(target)) {
      removeLeftover(previous);
      renameSync(target, previous);
    }
    renameSync(next, target);
  } else if (!existsSync(target) && existsSync(previous)) {
    renameSync(previous, target);
  }
  removeLeftover(previous);
}

/** Completes takeOut for a run that was killed after deciding to publish: the target and its parked copy go. */
export function rollForwardRemoval(target: string): void {
  const { next, previous } = swapFolders(target);
  if (existsSync(target)) {
    removeLeftover(previous);
    renameSync(target, previous);
  }
  removeLeftover(previous);
  removeLeftover(next);
}

/** Undo what an interrupted run left behind before it decided to publish: the old content wins. */
export function recover(target: string): void {
  const { next, previous } = swapFolders(target);
  if (existsSync(previous)) {
    if (existsSync(target)) removeLeftover(previous);
    else renameSync(previous, target);
  }
  removeLeftover(next);
}

/**
 * Deletes a leftover tree. A tree made read-only (dist/ checked out read-only, say) cannot be
 * emptied, and would otherwise block every later synth: its folders are made writable first.
 */
export function removeLeftover(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    makeWritable(path);
    rmSync(path, { recursive: true, force: true });
  }
}

function makeWritable(path: string): void {
  const found = lstatSync(path);
  if (!found.isDirectory()) return;
  chmodSync(path, 0o700);
  for (const entry of readdirSync(path)) makeWritable(join(path, entry));
}

/** A rename onto or away from a mount point fails with EBUSY: say what it means. */
function renameBusy(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EBUSY') throw mountPointError(existsSync(to) ? to : from);
    throw error;
  }
}

/**
 * Every file is there with the size written, and nothing else is. writeFileSync either writes
 * every byte or throws, so the sizes recorded while writing and one listing of the tree prove a
 * complete write without reading every file back; a linked file is the old file itself. (A tree
 * whose path is '' is a single file.)
 */
function verifyTree(root: string, sizes: ReadonlyMap<string, number>, linked: ReadonlySet<string> = new Set()): void {
  const single = sizes.has('');
  const found = new Set(single ? (existsSync(root) ? [''] : []) : listFiles(root));
  const missing = [...sizes.keys(), ...linked].filter((path) => !found.has(path));
  const extra = [...found].filter((path) => !sizes.has(path) && !linked.has(path));
  const changed = [...sizes].filter(([path, size]) => found.has(path) && statSync(join(root, path)).size !== size);
  if (missing.length + extra.length + changed.length > 0) {
    throw new Error(
      `staged tree ${root} does not match what was written (missing ${missing.length}, extra ${extra.length}, different ${changed.length}); the current tree was left as it was`,
    );
  }
}
