import * as fs from 'node:fs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mountPointError, swapFolders, swapTarget } from '../../lib/publish/dist-swap';
import { listFiles } from '../../lib/output/file-tree';
import { journalPath, publish, recoverPublish } from '../../lib/publish/publish';
import { PublishError } from '../../lib/publish/publish-error';
import { SynthOutput } from '../../lib/pipeline/synth';

// fs as the library sees it (named imports read the module object at each call), so a spy on it
// can make one rename or removal fail.
const nodeFs: typeof fs = jest.requireActual('node:fs');

/** What publish() takes from a synth: the three trees (dist/ holds one object, which the shrink guard counts). */
function output(version: string): SynthOutput {
  return {
    ok: true,
    trees: {
      dist: new Map([
        ['p/kustomization.yaml', `resources: [] # ${version}\n`],
        ['p/apps/configmap-a.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: p\ndata:\n  version: ${version}\n`],
      ]),
      entryPoints: new Map([['p/kustomization.yaml', `entry: ${version}\n`]]),
      report: `{"version": "${version}"}\n`,
      sarif: `{"sarif": "${version}"}\n`,
      junit: `<testsuites name="${version}"/>\n`,
    },
    summary: { platforms: [{ name: 'p', objects: 1 }], objects: 1, files: 2, entryPointObjects: 1, checks: '' },
  } as unknown as SynthOutput;
}

const tree = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
/** dist/, kustomization/ and the report of a project folder, as one value. */
const all = (root: string) => [
  tree(join(root, 'dist')),
  tree(join(root, 'kustomization')),
  ...['policy-report.json', 'policy-report.sarif', 'policy-report.junit.xml'].map((f) => readFileSync(join(root, f), 'utf8')),
];
const leftovers = (root: string) =>
  fs
    .readdirSync(root)
    .filter((f) => f.startsWith('.'))
    .sort();

function published(version: string): string {
  const root = mkdtempSync(join(tmpdir(), 'publish-'));
  expect(publish(output(version), join(root, 'dist'))).toEqual({ ok: true });
  return root;
}

afterEach(() => jest.restoreAllMocks());

describe('publish: dist/, kustomization/ and the report change together or not at all', () => {
  test('all three are replaced, and nothing is left beside them', () => {
    const root = published('old');
    expect(publish(output('new'), join(root, 'dist'))).toEqual({ ok: true });
    expect(all(root)).toEqual(all(published('new')));
    expect(leftovers(root)).toEqual([]);
  });

  test('a rename that fails half-way puts the ones already swapped back, and says nothing was published', () => {
    const root = published('old');
    const before = all(root);
    const kustomization = join(root, 'kustomization');
    const rename = nodeFs.renameSync;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (from === kustomization) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}'`), { code: 'EPERM' });
      return rename(from, to);
    });
    expect(() => publish(output('new'), join(root, 'dist'))).toThrow(
      new PublishError(
        `nothing was published: ${join(root, 'dist')}, ${kustomization}, ${join(root, 'policy-report.json')}, ${join(root, 'policy-report.sarif')} and ${join(root, 'policy-report.junit.xml')} are as they were. Swapping in ${kustomization} failed: EPERM: operation not permitted, rename '${kustomization}'`,
        false,
      ),
    );
    expect(all(root)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  test('an old copy that cannot be removed: the message says all three were published, and the next run removes it', () => {
    const root = published('old');
    const previous = swapFolders(join(root, 'dist')).previous;
    const rm = nodeFs.rmSync;
    jest.spyOn(nodeFs, 'rmSync').mockImplementation((path, options) => {
      if (path === previous) throw Object.assign(new Error(`EBUSY: resource busy or locked, rmdir '${previous}'`), { code: 'EBUSY' });
      return rm(path, options);
    });
    expect(() => publish(output('new'), join(root, 'dist'))).toThrow(
      `${join(root, 'dist')}, ${join(root, 'kustomization')}, ${join(root, 'policy-report.json')}, ${join(root, 'policy-report.sarif')} and ${join(root, 'policy-report.junit.xml')} were published, but removing the old copies failed: EBUSY: resource busy or locked, rmdir '${previous}'; the next synth removes them`,
    );
    jest.restoreAllMocks();
    expect(all(root)).toEqual(all(published('new')));
    expect(recoverPublish(join(root, 'dist'))).toBe(
      `completed the publish of ${join(root, 'dist')}, ${join(root, 'kustomization')}, ${join(root, 'policy-report.json')}, ${join(root, 'policy-report.sarif')}, ${join(root, 'policy-report.junit.xml')} that an interrupted synth had begun`,
    );
    expect(leftovers(root)).toEqual([]);
  });

  test.each([
    ['after the first swap', 2],
    ['between the two renames of the second swap', 3],
    ['after the second swap', 4],
  ])('killed %s: the journal makes the next run complete the publish', (_, renames) => {
    const root = published('old');
    const dist = join(root, 'dist');
    // Each swap is two renames (target -> previous, next -> target): the run dies after `renames` of them.
    const rename = nodeFs.renameSync;
    let done = 0;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).endsWith('.synth-journal.tmp')) return rename(from, to);
      if (done === renames) throw new Error('killed');
      done++;
      return rename(from, to);
    });
    jest.spyOn(nodeFs, 'unlinkSync').mockImplementation(() => {
      throw new Error('killed'); // no roll-back: a killed run does none
    });
    expect(() => publish(output('new'), dist)).toThrow(PublishError);
    jest.restoreAllMocks();
    expect(existsSync(journalPath(dist))).toBe(true);
    recoverPublish(dist);
    expect(all(root)).toEqual(all(published('new')));
    expect(leftovers(root)).toEqual([]);
  });

  test('a refusal after the recovery completed an earlier publish says so first', () => {
    const root = published('old');
    const dist = join(root, 'dist');
    const rename = nodeFs.renameSync;
    let done = 0;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (!String(from).endsWith('.tmp') && done++ >= 2) throw new Error('killed'); // and no roll-back
      return rename(from, to);
    });
    expect(() => publish(output('new'), dist)).toThrow(PublishError);
    jest.restoreAllMocks();
    // The platform's one object goes: the shrink guard refuses (and the recovery is reported first).
    const newer = output('newer');
    const nothing = { ...newer, trees: { ...newer.trees, dist: new Map([['p/kustomization.yaml', 'resources: []\n']]) } } as SynthOutput;
    const refused = publish(nothing, dist);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.map((e) => e.message)[0]).toBe(
      `first completed the publish of ${dist}, ${join(root, 'kustomization')}, ${join(root, 'policy-report.json')}, ${join(root, 'policy-report.sarif')}, ${join(root, 'policy-report.junit.xml')} that an interrupted synth had begun`,
    );
    expect(all(root)).toEqual(all(published('new')));
  });

  test('without a journal, whatever a killed run staged is removed and the old content kept', () => {
    const root = published('old');
    const before = all(root);
    const dist = join(root, 'dist');
    mkdirSync(swapFolders(dist).next);
    writeFileSync(join(swapFolders(dist).next, 'half.yaml'), 'half\n');
    writeFileSync(`${journalPath(dist)}.tmp`, '["half');
    expect(recoverPublish(dist)).toBeUndefined();
    expect(all(root)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('publish: where dist/ is', () => {
  test('dist/ as a symlink: its target is replaced, and the link stays', () => {
    const root = mkdtempSync(join(tmpdir(), 'publish-'));
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'elsewhere-')), 'real-dist');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'stale.yaml'), 'stale\n');
    symlinkSync(elsewhere, join(root, 'dist'));
    expect(publish(output('new'), join(root, 'dist'))).toEqual({ ok: true });
    expect(fs.lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(tree(elsewhere)).toEqual(tree(join(published('new'), 'dist')));
    expect(leftovers(join(elsewhere, '..'))).toEqual([]);
  });

  test('dist/ as a symlink to nothing is refused, and nothing is written', () => {
    const root = mkdtempSync(join(tmpdir(), 'publish-'));
    symlinkSync(join(root, 'gone'), join(root, 'dist'));
    expect(publish(output('new'), join(root, 'dist'))).toEqual({
      ok: false,
      errors: [new Error(`${join(root, 'dist')} is a symlink to ${join(root, 'gone')}, which does not exist; create it, or remove the link`)],
    });
    expect(fs.readdirSync(root)).toEqual(['dist']);
  });

  test('dist/ as a mount point is refused before anything is written (a rename cannot replace it)', () => {
    // /proc is a mount point on every Linux machine; nothing is written, so it is safe to name.
    expect(() => swapTarget('/proc')).toThrow(mountPointError('/proc'));
    expect(mountPointError('/mnt/dist').message).toBe(
      '/mnt/dist is a mount point, which cannot be replaced by renames (EBUSY); mount its parent folder instead, or make dist a symlink to a folder on the mounted file system',
    );
  });
});
