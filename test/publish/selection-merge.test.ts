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
  const sarif = (runs: string[]) =>
    `${JSON.stringify({ version: '2.1.0', runs: runs.map((b) => ({ automationDetails: { id: `k8s-platforms/${b}/` }, results: [b] })) }, null, 2)}\n`;
  const junit = (suites: [string, string][]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="k8s-platforms checks">\n${suites.map(([b, c]) => `  <testsuite name="${b}" tests="1">\n    <testcase name="${c}"/>\n  </testsuite>`).join('\n')}\n</testsuites>\n`;
  write('policy-report.sarif', sarif(['blog', 'shop']).replace('"shop"\n', '"old shop"\n'));
  write(
    'policy-report.junit.xml',
    junit([
      ['blog', 'blog case'],
      ['shop', 'old shop case'],
    ]),
  );
  const fresh = {
    dist: new Map([['shop/kustomization.yaml', 'new shop\n']]),
    entryPoints: new Map([
      ['shop/kustomization.yaml', 'new shop entry\n'],
      ['README.md', 'new readme\n'],
    ]),
    report: `${JSON.stringify({ platforms: [{ name: 'shop', objects: 1 }] }, null, 2)}\n`,
    docs: new Map([['shop.md', 'doc\n']]),
    sarif: sarif(['shop']),
    junit: junit([['shop', 'new shop case']]),
  };
  const merged = withUnselectedBuilds(fresh, ['shop'], {
    dist: join(root, 'dist'),
    entryPoints: join(root, 'kustomization'),
    report: join(root, 'policy-report.json'),
    sarif: join(root, 'policy-report.sarif'),
    junit: join(root, 'policy-report.junit.xml'),
  });

  test("the SARIF and JUnit files replace the chosen build's run and test suite and keep the others'", () => {
    expect(JSON.parse(merged.sarif).runs.map((r: any) => [r.automationDetails.id, r.results])).toEqual([
      ['k8s-platforms/blog/', ['blog']],
      ['k8s-platforms/shop/', ['shop']],
    ]);
    expect(merged.junit).toBe(
      junit([
        ['blog', 'blog case'],
        ['shop', 'new shop case'],
      ]),
    );
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
