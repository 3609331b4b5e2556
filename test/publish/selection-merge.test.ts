import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withUnselectedBuilds } from '../../lib/publish/selection-merge';

describe('a synth of some builds publishes theirs and keeps the others as they are on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'selection-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('dist/shop/kustomization.yaml', 'old shop\n');
  write('dist/shop/apps/configmap-gone.yaml', 'gone\n');
  write('dist/blog/kustomization.yaml', 'blog as it was\n');
  write('kustomization/README.md', 'old readme\n');
  write('kustomization/blog/kustomization.yaml', 'blog entry\n');
  write('kustomization/shop/kustomization.yaml', 'old shop entry\n');
  write(
    'policy-report.json',
    `${JSON.stringify(
      {
        platforms: [
          { name: 'blog', objects: 1 },
          { name: 'shop', objects: 9 },
        ],
      },
      null,
      2,
    )}\n`,
  );
  const fresh = {
    dist: new Map([['shop/kustomization.yaml', 'new shop\n']]),
    entryPoints: new Map([
      ['shop/kustomization.yaml', 'new shop entry\n'],
      ['README.md', 'new readme\n'],
    ]),
    report: `${JSON.stringify({ platforms: [{ name: 'shop', objects: 1 }] }, null, 2)}\n`,
    docs: new Map([['shop.md', 'doc\n']]),
  };
  const merged = withUnselectedBuilds(fresh, ['shop'], {
    dist: join(root, 'dist'),
    entryPoints: join(root, 'kustomization'),
    report: join(root, 'policy-report.json'),
  });

  test("the chosen build's folder is exactly the new one: a file it no longer writes is gone", () => {
    expect([...merged.dist]).toEqual([
      ['blog/kustomization.yaml', 'blog as it was\n'],
      ['shop/kustomization.yaml', 'new shop\n'],
    ]);
  });
  test('the entry points keep the other builds and take the new README', () => {
    expect(Object.fromEntries(merged.entryPoints)).toEqual({
      'README.md': 'new readme\n',
      'blog/kustomization.yaml': 'blog entry\n',
      'shop/kustomization.yaml': 'new shop entry\n',
    });
  });
  test("the report replaces the chosen build's entry in its place and keeps the others", () => {
    expect(JSON.parse(merged.report)).toEqual({
      platforms: [
        { name: 'blog', objects: 1 },
        { name: 'shop', objects: 1 },
      ],
    });
    expect(merged.docs).toBe(fresh.docs);
  });
});
