import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTree } from '../../lib/output/file-tree';
import { keepRecord, recordPath, restoreEmptied } from '../../lib/publish/dist-record';

function project(): { root: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'dist-record-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'shop', 'apps'), { recursive: true });
  writeFileSync(join(dist, 'shop', 'kustomization.yaml'), 'resources: [apps]\n');
  writeFileSync(join(dist, 'shop', 'apps', 'configmap-a.yaml'), 'kind: ConfigMap\n');
  return { root, dist };
}

describe('the copy of dist/ the synth keeps, so dist/ is never the only copy', () => {
  test('kept beside dist/ in a self-ignored folder, it puts back a dist/ that was emptied (as cdk8s synth does) and says so', () => {
    const { root, dist } = project();
    const published = readTree(dist);
    keepRecord(dist);
    expect(readFileSync(join(root, '.k8s-platforms', '.gitignore'), 'utf8')).toContain('\n*\n');
    expect(readTree(recordPath(dist))).toEqual(published);
    rmSync(dist, { recursive: true });
    mkdirSync(dist);
    expect(restoreEmptied(dist)).toBe(
      `dist/ was empty (cdk8s synth empties its output folder before the app runs); restored the last published copy from ${recordPath(dist)}`,
    );
    expect(readTree(dist)).toEqual(published);
  });

  test('a dist/ with files is left alone; with no copy and no commit there is nothing to restore', () => {
    const { dist } = project();
    expect(restoreEmptied(dist)).toBeUndefined();
    rmSync(dist, { recursive: true });
    expect(restoreEmptied(dist)).toBeUndefined();
  });

  test('without a copy, a dist/ Git tracks comes back from the commit', () => {
    const { root, dist } = project();
    const published = readTree(dist);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'dist');
    git('commit', '-qm', 'dist');
    rmSync(dist, { recursive: true });
    expect(restoreEmptied(dist)).toBe(
      'dist/ was empty (cdk8s synth empties its output folder before the app runs); restored the committed copy (HEAD)',
    );
    expect(readTree(dist)).toEqual(published);
  });

  test('the copy follows each publish: a file the new dist/ drops leaves the copy too', () => {
    const { dist } = project();
    keepRecord(dist);
    rmSync(join(dist, 'shop', 'apps', 'configmap-a.yaml'));
    keepRecord(dist);
    expect([...readTree(recordPath(dist)).keys()]).toEqual(['shop/kustomization.yaml']);
  });
});
