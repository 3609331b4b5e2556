import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { listFiles } from '../../lib/output/file-tree';
import { toYaml } from '../../lib/output/fast-yaml';

// layout.ts writes YAML with toYaml, which must equal yaml.stringify(value, { lineWidth: 0 })
// byte for byte (dist/ is committed, and Flux diffs it).
const reference = (value: unknown) => stringify(value, { lineWidth: 0 });

describe('toYaml writes what yaml.stringify writes', () => {
  test.each([
    ['scalars and nesting', { a: 'x', b: ['y', { c: 1, d: [], e: {} }], f: [[1, 2], ['a']], g: null, h: true, i: 0.5, j: -3 }],
    [
      'strings that need quotes or look like other types',
      {
        s: [
          '',
          ' ',
          'a b',
          'a: b',
          'a #b',
          '#x',
          '-x',
          '- x',
          '?x',
          ':x',
          'x:',
          'yes',
          'no',
          'on',
          'True',
          '1e3',
          '0x1F',
          '0o7',
          '.5',
          '1.',
          '+1',
          '.inf',
          '~',
          'null',
          '{user-id}',
          '[x]',
          'a,b',
          "it's",
          'say "hi"',
          'http://a:80/x',
          'tab\t',
          '*x',
          '&x',
          '!x',
          '|',
          '>',
          '%x',
          '@x',
          '`x',
          'é',
          'x ',
          ' x',
          'a=b',
          '1.0.0',
          '10Gi',
          '500m',
          '08',
          '0',
          '-0',
          '1_000',
          '2001-01-01',
        ],
      },
    ],
    ['keys', { 'app.kubernetes.io/name': 'x', 'a b': 1, '1': 2, true: 3, '': 4, 'k:': 5, 'policy.k8s-platforms.dev/allow-x': 'y' }],
    ['lists of lists and empty collections', { l: [{ a: 1, b: [{ c: 2 }] }, [], {}, [[]], [{}]] }],
    ['multi-line strings and odd numbers (handed to the yaml package)', { text: 'line one\nline two\n', n: -0, big: 1e21, u: undefined }],
    ['a top-level list and an empty map', [[], {}]],
  ])('%s', (_, value) => {
    expect(toYaml(value)).toBe(reference(value));
  });

  test('every object of the committed dist/ and kustomization/', () => {
    const root = join(__dirname, '..', '..');
    const objects = ['dist', 'kustomization'].flatMap((dir) =>
      listFiles(join(root, dir))
        .filter((f) => f.endsWith('.yaml'))
        .flatMap((f) => parseAllDocuments(readFileSync(join(root, dir, f), 'utf8')).map((d) => d.toJS())),
    );
    expect(objects.length).toBeGreaterThan(80);
    for (const object of objects) expect(toYaml(object)).toBe(reference(object));
  });
});
