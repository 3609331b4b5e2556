import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireSynthLock, isAlive, lockPath } from '../../lib/publish/synth-lock';
import { processState } from '../../lib/publish/process-state';

const freshDist = () => join(mkdtempSync(join(tmpdir(), 'lock-')), 'dist');
/** The pid of a process that has exited: what a synth killed with -9 leaves in its lock. */
const deadPid = () => spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
/** What a synth of process `pid` writes in its lock: its pid and start time. */
const lockOf = (pid: number) => `${pid}\n${processState(pid)?.start ?? ''}\n`;
/** A process that sleeps until killed, and has started. */
function sleeper() {
  const child = spawn('sleep', ['30']);
  while (!processState(child.pid!)?.command.startsWith('sleep')) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  return child;
}

describe('the synth lock', () => {
  test('is taken beside dist/ with our pid and start time, and released', () => {
    const dist = freshDist();
    const lock = acquireSynthLock(dist);
    expect(lock.held).toBe(true);
    expect(readFileSync(lockPath(dist), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n\\d+\\n$`));
    if (lock.held) lock.release();
    expect(existsSync(lockPath(dist))).toBe(false);
  });

  test('a second taker is refused at once, told who holds it and what to do', () => {
    const dist = freshDist();
    const first = acquireSynthLock(dist);
    const second = acquireSynthLock(dist);
    const lock = lockPath(dist);
    expect(second).toMatchObject({
      held: false,
      message: `another synth (pid ${process.pid}) holds ${lock}; wait for it to finish and run the synth again (if no synth is running, delete ${lock})`,
    });
    if (first.held) first.release();
    expect(acquireSynthLock(dist).held).toBe(true);
  });

  test('a lock left by a dead process is taken over', () => {
    const dist = freshDist();
    const pid = deadPid();
    expect(isAlive(Number(pid))).toBe(false);
    writeFileSync(lockPath(dist), `${pid}\n`);
    const lock = acquireSynthLock(dist);
    expect(lock.held).toBe(true);
    expect(readFileSync(lockPath(dist), 'utf8')).toBe(lockOf(process.pid));
  });

  test('a lock of a synth killed a moment ago (a zombie its parent has not reaped yet) is taken over at once', () => {
    const dist = freshDist();
    const killed = sleeper();
    writeFileSync(lockPath(dist), lockOf(killed.pid!));
    process.kill(killed.pid!, 'SIGKILL');
    // No await: the event loop has not reaped it, so kill -0 still finds it.
    while (!processState(killed.pid!)?.zombie) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    expect(isAlive(killed.pid!)).toBe(true);
    expect(acquireSynthLock(dist).held).toBe(true);
  });

  test('a lock whose pid now belongs to another process (another start time) is taken over', () => {
    const dist = freshDist();
    const other = sleeper();
    try {
      writeFileSync(lockPath(dist), `${other.pid}\n1\n`);
      expect(acquireSynthLock(dist).held).toBe(true);
    } finally {
      other.kill();
    }
  });

  test('a lock naming a live process without the start time a synth writes is refused, naming the file, the process and the fix', () => {
    const dist = freshDist();
    const other = sleeper();
    try {
      writeFileSync(lockPath(dist), `${other.pid}\n`);
      expect(acquireSynthLock(dist)).toMatchObject({
        held: false,
        message: `${lockPath(dist)}: content names pid ${other.pid}, a running process (sleep 30), without the start time a synth writes beside its pid, so the synth cannot tell a synth holding the lock from a leftover whose pid now belongs to another process (got "${other.pid}\\n"); fix: if no synth is running, delete ${lockPath(dist)} and run the synth again`,
      });
      expect(readFileSync(lockPath(dist), 'utf8')).toBe(`${other.pid}\n`);
    } finally {
      other.kill();
    }
  });

  test("an empty lock is one being written (refused) until it is old enough to be a killed run's (taken over)", () => {
    const dist = freshDist();
    writeFileSync(lockPath(dist), '');
    expect(acquireSynthLock(dist)).toMatchObject({ held: false, message: expect.stringMatching(/^another synth holds /) });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(dist), old, old);
    expect(acquireSynthLock(dist).held).toBe(true);
  });

  test('release never deletes a lock that is no longer ours', () => {
    const dist = freshDist();
    const lock = acquireSynthLock(dist);
    writeFileSync(lockPath(dist), '1\n'); // as if another run had taken it over
    if (lock.held) lock.release();
    expect(readFileSync(lockPath(dist), 'utf8')).toBe('1\n');
  });
});
