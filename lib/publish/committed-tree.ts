import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { readTree } from '../output/file-tree';

/** A tree to compare a synth with, and how to name it to a person. */
export interface Baseline {
  readonly tree: ReadonlyMap<string, string>;
  /** e.g. "the committed dist/ (HEAD)" or "dist/ on disk". */
  readonly label: string;
}

const git = (args: string[], cwd: string, input?: string): Buffer =>
  execFileSync('git', args, { cwd, input, maxBuffer: 512 << 20, stdio: ['pipe', 'pipe', 'ignore'] });

/**
 * The files of `dir` as Git commit `ref` holds them (relative path -> content), or undefined when
 * `dir` is not inside a Git work tree, `ref` names no commit, or the commit holds nothing there.
 * A file whose blob is the one Git would make of `like`'s text at the same path (the synth's new
 * tree: most files did not change) is not read: it holds that very text.
 */
export function readCommittedTree(dir: string, ref = 'HEAD', like?: ReadonlyMap<string, string>): Map<string, string> | undefined {
  const absolute = resolve(dir);
  let cwd = absolute;
  while (!existsSync(cwd)) cwd = dirname(cwd);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).toString().trim();
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    return undefined;
  }
  const prefix = relative(top, absolute);
  if (prefix.startsWith('..')) return undefined;
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', ref, '--', prefix || '.'], top).toString();
  const blobs = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      return { sha: meta.split(' ')[2], path: prefix ? relative(prefix, path) : path };
    });
  if (blobs.length === 0) return undefined;
  const files = new Map<string, string>();
  const unread: typeof blobs = [];
  for (const blob of blobs) {
    const text = like?.get(blob.path);
    if (text !== undefined && gitBlobId(text) === blob.sha) files.set(blob.path, text);
    else unread.push(blob);
  }
  if (unread.length === 0) return files;
  // One `git cat-file --batch` for every other blob: `<sha> blob <size>\n<bytes>\n` each.
  const out = git(['cat-file', '--batch'], top, unread.map((b) => `${b.sha}\n`).join(''));
  let at = 0;
  for (const { path } of unread) {
    const header = out.indexOf(10, at);
    const size = Number(out.subarray(at, header).toString().split(' ')[2]);
    files.set(path, out.subarray(header + 1, header + 1 + size).toString('utf8'));
    at = header + 1 + size + 1;
  }
  // In Git's order (ls-tree's), as before the unchanged files were skipped.
  return new Map(blobs.map((b) => [b.path, files.get(b.path)!]));
}

/** The object id Git gives a file of this text (SHA-1 of `blob <bytes>\0<text>`; SHA-1 is Git's default object format). */
export function gitBlobId(text: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest('hex');
}

/** True when `ref` names a commit of the repository holding `dir`. */
export function isCommit(dir: string, ref: string): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], resolve(dir));
    return true;
  } catch {
    return false;
  }
}

/**
 * What a synth into `outdir` is compared with: the committed tree when Git tracks `outdir` (what
 * Flux deployed, so several runs cannot step a platform down unnoticed), else the tree on disk.
 * `like` (the synth's new tree) spares reading the committed files it holds unchanged; `onDisk`,
 * when the caller has read the disk already, spares reading it again.
 */
export function baselineOf(outdir: string, like?: ReadonlyMap<string, string>, onDisk?: ReadonlyMap<string, string>): Baseline {
  const committed = readCommittedTree(outdir, 'HEAD', like);
  if (committed) return { tree: committed, label: `the committed ${basename(outdir)}/ (HEAD)` };
  return { tree: onDisk ?? readTree(outdir), label: `${basename(outdir)}/ on disk` };
}
