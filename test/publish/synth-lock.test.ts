import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireSynthLock, isAlive, lockPath } from '../../lib/publish/synth-lock';

const freshDist = () => join(mkdtempSync(join(tmpdir(), 'lock-')), 'dist');
/** The pid of a process that has exited: what a synth killed with -9 leaves in its lock. */
const deadPid = () => spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;

describe('the synth lock', () => {
  test('is taken beside dist/ with our pid, and released', () => {
    const dist = freshDist();
    const lock = acquireSynthLock(dist);
    expect(lock.held).toBe(true);
    expect(readFileSync(lockPath(dist), 'utf8')).toBe(`${process.pid}\n`);
    if (lock.held) lock.release();
    expect(existsSync(lockPath(dist))).toBe(false);
  });

  test('a second taker is refused at once, told who holds it and what to do', () => {
    const dist = freshDist();
    const first = acquireSynthLock(dist);
    const second = acquireSynthLock(dist);
    const lock = lockPath(dist);
    expect(second).toEqual({
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
    expect(readFileSync(lockPath(dist), 'utf8')).toBe(`${process.pid}\n`);
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
