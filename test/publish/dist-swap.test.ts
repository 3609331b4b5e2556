import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recover, replaceDirectory, swapFolders } from '../../lib/publish/dist-swap';
import { listFiles } from '../../lib/output/file-tree';

function setup(): string {
  const root = mkdtempSync(join(tmpdir(), 'swap-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'p'), { recursive: true });
  writeFileSync(join(dist, 'p', 'old.yaml'), 'old\n');
  return dist;
}

const snapshot = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);

describe('replaceDirectory', () => {
  test('replaces the tree exactly: new files in, stale files gone, no staging left', () => {
    const dist = setup();
    replaceDirectory(
      dist,
      new Map([
        ['p/new.yaml', 'new\n'],
        ['p/sub/deep.yaml', 'deep\n'],
      ]),
    );
    expect(snapshot(dist)).toEqual([
      ['p/new.yaml', 'new\n'],
      ['p/sub/deep.yaml', 'deep\n'],
    ]);
    const { next, previous } = swapFolders(dist);
    expect(existsSync(next) || existsSync(previous)).toBe(false);
  });
  test('creates the tree when there was none', () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'swap-')), 'dist');
    replaceDirectory(dist, new Map([['a.yaml', 'a\n']]));
    expect(snapshot(dist)).toEqual([['a.yaml', 'a\n']]);
  });
  test('an empty tree is refused and the old one kept', () => {
    const dist = setup();
    expect(() => replaceDirectory(dist, new Map())).toThrow(`refusing to replace ${dist} with an empty tree`);
    expect(snapshot(dist)).toEqual([['p/old.yaml', 'old\n']]);
  });
  test('a failure while writing leaves the old tree untouched, and the next run succeeds', () => {
    const dist = setup();
    // "p" cannot be both a file and a folder: the write fails halfway through.
    expect(() =>
      replaceDirectory(
        dist,
        new Map([
          ['p', 'file\n'],
          ['p/x.yaml', 'x\n'],
        ]),
      ),
    ).toThrow(/ENOTDIR|EEXIST/);
    expect(snapshot(dist)).toEqual([['p/old.yaml', 'old\n']]);
    replaceDirectory(dist, new Map([['p/ok.yaml', 'ok\n']]));
    expect(snapshot(dist)).toEqual([['p/ok.yaml', 'ok\n']]);
    expect(existsSync(swapFolders(dist).next)).toBe(false);
  });
  test('a crash between the two renames is undone by the next run', () => {
    const dist = setup();
    const { next, previous } = swapFolders(dist);
    // State after a kill between "dist -> previous" and "next -> dist".
    mkdirSync(next);
    writeFileSync(join(next, 'half.yaml'), 'half\n');
    renameSync(dist, previous);
    recover(dist);
    expect(snapshot(dist)).toEqual([['p/old.yaml', 'old\n']]);
    expect(existsSync(next) || existsSync(previous)).toBe(false);
  });
  test('a crash after the swap but before clean-up leaves the new tree, and clean-up finishes later', () => {
    const dist = setup();
    const { previous } = swapFolders(dist);
    mkdirSync(previous);
    writeFileSync(join(previous, 'stale.yaml'), 'stale\n');
    replaceDirectory(dist, new Map([['fresh.yaml', 'fresh\n']]));
    expect(snapshot(dist)).toEqual([['fresh.yaml', 'fresh\n']]);
    expect(existsSync(previous)).toBe(false);
  });

  test('a read-only leftover (dist/ checked out read-only, then swapped out) is made writable and removed: no run is blocked by it', () => {
    const dist = setup();
    const { previous } = swapFolders(dist);
    mkdirSync(join(previous, 'p'), { recursive: true });
    writeFileSync(join(previous, 'p', 'stale.yaml'), 'stale\n');
    chmodSync(join(previous, 'p'), 0o555);
    // As root the removal would succeed anyway; fail it once, as it fails for the owner.
    const nodeFs: typeof import('node:fs') = jest.requireActual('node:fs');
    const rm = nodeFs.rmSync;
    let modeAtRetry = 0;
    const spy = jest
      .spyOn(nodeFs, 'rmSync')
      .mockImplementationOnce(() => {
        throw Object.assign(new Error(`EACCES: permission denied, unlink '${join(previous, 'p', 'stale.yaml')}'`), { code: 'EACCES' });
      })
      .mockImplementationOnce((path, options) => {
        modeAtRetry = nodeFs.statSync(join(previous, 'p')).mode & 0o777;
        return rm(path, options);
      });
    recover(dist);
    spy.mockRestore();
    expect(modeAtRetry).toBe(0o700);
    expect(existsSync(previous)).toBe(false);
    expect(snapshot(dist)).toEqual([['p/old.yaml', 'old\n']]);
    expect(rm).toBe(nodeFs.rmSync);
  });
});
