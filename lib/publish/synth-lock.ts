import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ValidationError } from '../core/errors';
import { processState, ProcessState } from './process-state';

/** The lock file of a dist/ folder: beside it, with kustomization/ and the report it guards. */
export function lockPath(outdir: string): string {
  return join(dirname(outdir), '.synth.lock');
}

/** A lock file created this long ago and still empty was left by a run killed while taking it. */
const EMPTY_LOCK_GRACE_MS = 5000;
/** How long a synth waits for a holder that was killed (SIGKILL pending) to be gone. */
const DYING_WAIT_MS = 5000;

/** The lock taken, or why not: `error` is the refusal to report (its message is `message`). */
export type LockResult = { readonly held: true; release(): void } | { readonly held: false; readonly message: string; readonly error: Error };

const refused = (error: Error): LockResult => ({ held: false, message: error.message, error });

/**
 * One synth at a time per dist/: the lock file is created atomically (a link, which fails if it
 * exists) and holds the owner's pid and, where the system tells it (Linux /proc), the owner's
 * start time. A second synth is refused at once with a message saying who holds it. A dead
 * synth's lock never blocks the next run: it is taken over when its pid is gone, is a zombie
 * (killed, not yet reaped by its parent), or now names another process (the pid was reused: the
 * start time differs); an owner killed but still finishing a system call is waited for. A lock
 * naming a live process without a start time to tell it by (written by hand, or by an older synth)
 * is refused, naming the file, the process and the fix. The takeover itself runs under a second,
 * short-lived lock, so two runs that find the same stale lock cannot both take it.
 */
export function acquireSynthLock(outdir: string): LockResult {
  const lock = lockPath(outdir);
  mkdirSync(dirname(lock), { recursive: true }); // a first synth into a folder that does not exist yet
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(lock)) return { held: true, release: () => removeIfOwn(lock) };
    const holder = owner(lock);
    if (holder === 'gone') continue;
    if (typeof holder === 'object') return refused(holder);
    if (holder !== 'stale') return refused(heldError(lock, holder));
    const guard = `${lock}.takeover`;
    if (!create(guard)) {
      // A run killed inside the takeover itself (a few microseconds) leaves a stale guard.
      const guardHolder = owner(guard);
      if (guardHolder === 'stale') removeIfStale(guard);
      if (guardHolder === 'stale' || guardHolder === 'gone') continue;
      if (typeof guardHolder === 'object') return refused(guardHolder);
      return refused(heldError(lock, guardHolder));
    }
    try {
      // Under the guard no other run deletes the stale lock, and none can create one while it exists.
      removeIfStale(lock);
    } finally {
      removeIfOwn(guard);
    }
  }
  return refused(heldError(lock, undefined));
}

function heldError(lock: string, pid: number | undefined): Error {
  const who = pid === undefined ? 'another synth' : `another synth (pid ${pid})`;
  return new Error(`${who} holds ${lock}; wait for it to finish and run the synth again (if no synth is running, delete ${lock})`);
}

/** What a lock file says: our own format is `<pid>\n<start time>\n`, the start time empty where the system does not tell it. */
function lockText(pid: number): string {
  return `${pid}\n${processState(pid)?.start ?? ''}\n`;
}

/**
 * Creates `path` with our pid, or returns false when it exists. The text is written to a file of
 * our own first and linked into place (link fails if `path` exists), so no other run ever reads
 * the lock empty and has to say "another synth" without its pid.
 */
function create(path: string): boolean {
  const own = `${path}.${process.pid}`;
  writeFileSync(own, lockText(process.pid));
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

/**
 * Who holds `path`: a live synth's pid; 'stale' (its owner is gone); 'gone' (the file vanished
 * meanwhile); or a refusal (a live process the lock cannot be told to belong to).
 */
function owner(path: string): number | undefined | 'stale' | 'gone' | ValidationError {
  let text: string;
  let age: number;
  try {
    text = readFileSync(path, 'utf8');
    age = Date.now() - statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const held = parseLock(text);
  if (held === undefined) return age > EMPTY_LOCK_GRACE_MS ? 'stale' : undefined; // still being written
  const state = settled(held.pid);
  if (state === 'gone') return 'stale';
  if (state === undefined) return held.pid; // a system that tells nothing more: the pid is alive
  if (held.start !== undefined) return held.start === state.start ? held.pid : 'stale'; // another start: the pid was reused
  return new ValidationError({
    path,
    field: 'content',
    value: text,
    problem: `names pid ${held.pid}, a running process (${state.command || 'no command line'}), without the start time a synth writes beside its pid, so the synth cannot tell a synth holding the lock from a leftover whose pid now belongs to another process`,
    fix: `if no synth is running, delete ${path} and run the synth again`,
  });
}

/**
 * The state of `pid` once it is settled: 'gone' when it has exited, is a zombie, or was killed
 * and is gone within DYING_WAIT_MS (a process with SIGKILL pending never runs our code again, but
 * may still be finishing a write); undefined when the system does not tell (then only `kill -0`
 * says it is alive).
 */
function settled(pid: number): ProcessState | 'gone' | undefined {
  if (!isAlive(pid)) return 'gone';
  const deadline = Date.now() + DYING_WAIT_MS;
  for (;;) {
    const state = processState(pid);
    if (state === undefined) return isAlive(pid) ? undefined : 'gone';
    if (state.zombie) return 'gone';
    if (!state.killed || Date.now() > deadline) return state;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

function parseLock(text: string): { pid: number; start?: string } | undefined {
  const match = /^(\d+)\n(?:(\d*)\n)?$/.exec(text);
  if (!match) return undefined;
  return { pid: Number(match[1]), start: match[2] || undefined };
}

function readPid(path: string): number | undefined {
  try {
    return parseLock(readFileSync(path, 'utf8'))?.pid;
  } catch {
    return undefined;
  }
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
