import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The lock file of a dist/ folder: beside it, with kustomization/ and the report it guards. */
export function lockPath(outdir: string): string {
  return join(dirname(outdir), '.synth.lock');
}

/** A lock file created this long ago and still empty was left by a run killed while taking it. */
const EMPTY_LOCK_GRACE_MS = 5000;

export type LockResult = { readonly held: true; release(): void } | { readonly held: false; readonly message: string };

/**
 * One synth at a time per dist/: the lock file is created with O_EXCL (flag `wx`) and holds the
 * owner's pid. A second synth is refused at once with a message saying who holds it; a lock whose
 * pid is no longer alive (a run killed with -9) is taken over. The takeover itself runs under a
 * second, short-lived lock, so two runs that find the same stale lock cannot both take it.
 */
export function acquireSynthLock(outdir: string): LockResult {
  const lock = lockPath(outdir);
  mkdirSync(dirname(lock), { recursive: true }); // a first synth into a folder that does not exist yet
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(lock)) return { held: true, release: () => removeIfOwn(lock) };
    const holder = owner(lock);
    if (holder === 'gone') continue;
    if (holder !== 'stale') return { held: false, message: heldMessage(lock, holder) };
    const guard = `${lock}.takeover`;
    if (!create(guard)) {
      // A run killed inside the takeover itself (a few microseconds) leaves a stale guard.
      const guardHolder = owner(guard);
      if (guardHolder === 'stale') removeIfStale(guard);
      if (guardHolder === 'stale' || guardHolder === 'gone') continue;
      return { held: false, message: heldMessage(lock, guardHolder) };
    }
    try {
      // Under the guard no other run deletes the stale lock, and none can create one while it exists.
      removeIfStale(lock);
    } finally {
      removeIfOwn(guard);
    }
  }
  return { held: false, message: heldMessage(lock, undefined) };
}

function heldMessage(lock: string, pid: number | undefined): string {
  const who = pid === undefined ? 'another synth' : `another synth (pid ${pid})`;
  return `${who} holds ${lock}; wait for it to finish and run the synth again (if no synth is running, delete ${lock})`;
}

/**
 * Creates `path` with our pid, or returns false when it exists. The pid is written to a file of
 * our own first and linked into place (link fails if `path` exists), so no other run ever reads
 * the lock empty and has to say "another synth" without its pid.
 */
function create(path: string): boolean {
  const own = `${path}.${process.pid}`;
  writeFileSync(own, `${process.pid}\n`);
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlink(own);
  }
}

/** Who holds `path`: a live pid, 'stale' (its owner is dead), or 'gone' (it vanished meanwhile). */
function owner(path: string): number | undefined | 'stale' | 'gone' {
  let text: string;
  let age: number;
  try {
    text = readFileSync(path, 'utf8');
    age = Date.now() - statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const pid = parsePid(text);
  if (pid === undefined) return age > EMPTY_LOCK_GRACE_MS ? 'stale' : undefined; // still being written
  return isAlive(pid) ? pid : 'stale';
}

function readPid(path: string): number | undefined {
  try {
    return parsePid(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function parsePid(text: string): number | undefined {
  return /^\d+\n?$/.test(text) ? Number(text.trim()) : undefined;
}

/** Signal 0 tests for a process without touching it; EPERM means it exists under another user. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Release: delete the lock only if it is still ours. */
function removeIfOwn(path: string): void {
  if (readPid(path) === process.pid) unlink(path);
}

function removeIfStale(path: string): void {
  if (owner(path) === 'stale') unlink(path);
}

function unlink(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
