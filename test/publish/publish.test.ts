import * as fs from 'node:fs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mountPointError, swapFolders, swapTarget } from '../../lib/publish/dist-swap';
import { listFiles } from '../../lib/output/file-tree';
import { journalPath, publish, recoverPublish } from '../../lib/publish/publish';
import { PublishError } from '../../lib/publish/publish-error';
import { GENERATED_DOC_MARKER } from '../../lib/docs/platform-docs';
import { SynthOutput } from '../../lib/pipeline/synth';

// fs as the library sees it (named imports read the module object at each call), so a spy on it
// can make one rename or removal fail.
const nodeFs: typeof fs = jest.requireActual('node:fs');

/** An object file as the synth writes it: the generated header, then the object. */
const configMap = (name: string, version: string) =>
  `# Generated from p/apps/${name}; edit the TypeScript, not this file.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: p\ndata:\n  version: ${version}\n`;

/** What publish() takes from a synth: the trees (dist/ holds two objects, which the shrink guard counts) and the build's doc. */
function output(version: string, unchanged = 'same'): SynthOutput {
  return {
    ok: true,
    trees: {
      dist: new Map([
        ['p/kustomization.yaml', `resources: [] # ${version}\n`],
        ['p/apps/configmap-a.yaml', configMap('a', version)],
        ['p/apps/configmap-b.yaml', configMap('b', unchanged)],
      ]),
      entryPoints: new Map([['p/kustomization.yaml', `entry: ${version}\n`]]),
      report: `{"platforms": [], "version": "${version}"}\n`,
      sarif: `{"sarif": "${version}"}\n`,
      junit: `<testsuites name="${version}"/>\n`,
      docs: new Map([['p.md', `${GENERATED_DOC_MARKER}\n# p ${version}\n`]]),
    },
    summary: { platforms: [{ name: 'p', objects: 2 }], objects: 2, files: 3, entryPointObjects: 1, checks: '' },
  } as unknown as SynthOutput;
}

const tree = (dir: string) => listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
/** dist/, kustomization/, the report, its SARIF and JUnit files and the docs of a project folder, as one value (a doc's staged or parked copy is not a doc). */
const all = (root: string) => [
  tree(join(root, 'dist')),
  tree(join(root, 'kustomization')),
  ...['policy-report.json', 'policy-report.sarif', 'policy-report.junit.xml'].map((f) => readFileSync(join(root, f), 'utf8')),
  tree(join(root, 'docs')).filter(([f]) => !f.startsWith('.')),
];
const leftovers = (root: string) =>
  fs
    .readdirSync(root)
    .filter((f) => f.startsWith('.'))
    .sort();
/** The outputs of a project folder, as publish() names them. */
const outputs = (root: string) => [
  join(root, 'dist'),
  join(root, 'kustomization'),
  join(root, 'policy-report.json'),
  join(root, 'policy-report.sarif'),
  join(root, 'policy-report.junit.xml'),
  join(root, 'docs', 'p.md'),
];

function published(version: string): string {
  const root = mkdtempSync(join(tmpdir(), 'publish-'));
  expect(publish(output(version), join(root, 'dist'))).toMatchObject({ ok: true, replaced: outputs(root) });
  return root;
}

afterEach(() => jest.restoreAllMocks());

describe('publish: dist/, kustomization/ and the report change together or not at all', () => {
  test('all four are replaced, and nothing is left beside them', () => {
    const root = published('old');
    expect(publish(output('new'), join(root, 'dist'))).toMatchObject({ ok: true, replaced: outputs(root) });
    expect(all(root)).toEqual(all(published('new')));
    expect(leftovers(root)).toEqual([]);
    expect(fs.readdirSync(join(root, 'docs'))).toEqual(['p.md']);
  });

  test('nothing changed: nothing is replaced, not even dist/ itself', () => {
    const root = published('old');
    const inode = (path: string) => fs.statSync(path).ino;
    const before = outputs(root).map(inode);
    expect(publish(output('old'), join(root, 'dist'))).toMatchObject({ ok: true, replaced: [] });
    expect(outputs(root).map(inode)).toEqual(before);
  });

  test('a file whose text did not change is not written again: the new dist/ holds the very same file (a hard link)', () => {
    const root = published('old');
    const unchanged = join(root, 'dist', 'p', 'apps', 'configmap-b.yaml');
    const changed = join(root, 'dist', 'p', 'apps', 'configmap-a.yaml');
    const [kept, replaced] = [fs.statSync(unchanged).ino, fs.statSync(changed).ino];
    expect(publish(output('new'), join(root, 'dist'))).toMatchObject({ ok: true });
    expect(fs.statSync(unchanged).ino).toBe(kept);
    expect(fs.statSync(changed).ino).not.toBe(replaced);
    expect(all(root)).toEqual(all(published('new')));
  });

  test('a generated doc of a build that is gone is removed with the publish; a page without the marker is left alone', () => {
    const root = published('old');
    writeFileSync(join(root, 'docs', 'gone.md'), `${GENERATED_DOC_MARKER}\n# gone\n`);
    writeFileSync(join(root, 'docs', 'guide.md'), '# a page someone wrote\n');
    expect(publish(output('new'), join(root, 'dist'))).toMatchObject({ ok: true, replaced: [...outputs(root), join(root, 'docs', 'gone.md')] });
    expect(fs.readdirSync(join(root, 'docs')).sort()).toEqual(['guide.md', 'p.md']);
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
        `nothing was published: ${join(root, 'dist')}, ${kustomization}, ${join(root, 'policy-report.json')}, ${join(root, 'policy-report.sarif')}, ${join(root, 'policy-report.junit.xml')} and ${join(root, 'docs', 'p.md')} are as they were. Swapping in ${kustomization} failed: EPERM: operation not permitted, rename '${kustomization}'`,
        false,
      ),
    );
    expect(all(root)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  test('an old copy that cannot be removed: the message says all four were published, and the next run removes it', () => {
    const root = published('old');
    const previous = swapFolders(join(root, 'dist')).previous;
    const rm = nodeFs.rmSync;
    jest.spyOn(nodeFs, 'rmSync').mockImplementation((path, options) => {
      if (path === previous) throw Object.assign(new Error(`EBUSY: resource busy or locked, rmdir '${previous}'`), { code: 'EBUSY' });
      return rm(path, options);
    });
    expect(() => publish(output('new'), join(root, 'dist'))).toThrow(
      `${join(root, 'dist')}, ${join(root, 'kustomization')}, ${join(root, 'policy-report.json')}, ${join(root, 'policy-report.sarif')}, ${join(root, 'policy-report.junit.xml')} and ${join(root, 'docs', 'p.md')} were published, but removing the old copies failed: EBUSY: resource busy or locked, rmdir '${previous}'; the next synth removes them`,
    );
    jest.restoreAllMocks();
    expect(all(root)).toEqual(all(published('new')));
    expect(recoverPublish(join(root, 'dist'))).toBe(`completed the publish of ${outputs(root).join(', ')} that an interrupted synth had begun`);
    expect(leftovers(root)).toEqual([]);
  });

  test.each([
    ['after the first swap', 2],
    ['between the two renames of the second swap', 3],
    ['after the second swap', 4],
    ['between the two renames of the doc', 7],
  ])('killed %s: the journal makes the next run complete the publish, docs included', (_, renames) => {
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
      `first completed the publish of ${outputs(root).join(', ')} that an interrupted synth had begun`,
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
    mkdirSync(join(elsewhere, 'p'), { recursive: true });
    writeFileSync(join(elsewhere, 'p', 'kustomization.yaml'), 'resources: [] # stale\n');
    symlinkSync(elsewhere, join(root, 'dist'));
    expect(publish(output('new'), join(root, 'dist'))).toMatchObject({ ok: true });
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
