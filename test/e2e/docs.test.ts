import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Manifest } from '../../lib/core/manifest';
import { objectsOfTree } from '../../lib/output/dist-objects';
import { readTree } from '../../lib/output/file-tree';
import { networkFlows } from '../../lib/docs/network-flows';
import { GENERATED_DOC_MARKER } from '../../lib/docs/platform-docs';
import { parseMermaid } from '../mermaid';
import { sharedSynth } from '../shared-synth';

const root = join(__dirname, '..', '..');
const docs = join(root, 'docs');
const generated = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')])
    .filter(([, text]) => text.startsWith(GENERATED_DOC_MARKER));
const diagramOf = (text: string) => /```mermaid\n([\s\S]*?)\n```/.exec(text)![1];

/** The committed dist/ of one platform as the Manifest list the docs are made from. */
function committedObjects(folder: string): Manifest[] {
  return [...objectsOfTree(readTree(join(root, 'dist'))).values()]
    .filter((o) => o.platform === folder)
    .map((o) => ({ path: o.id, apiVersion: o.object.apiVersion, kind: o.kind, name: o.name, namespace: o.namespace, object: o.object }));
}

describe('generated docs', () => {
  test('docs/<build>.md exists for every platform build and equals what a fresh synth writes (no drift)', () => {
    const synth = sharedSynth(); // node build/main.js into a fresh DIST_DIR: it writes docs/ beside it
    expect(synth.status).toBe(0);
    const platforms = readdirSync(join(root, 'dist')).sort();
    expect(generated(docs).map(([f]) => f)).toEqual(platforms.map((p) => `${p}.md`));
    expect(generated(join(synth.root, 'docs'))).toEqual(generated(docs));
  });

  test("every diagram parses with Mermaid's own parser, and its arrows are exactly the flows the committed NetworkPolicies allow", () => {
    const files = generated(docs);
    const parsed = parseMermaid(files.map(([, text]) => diagramOf(text)));
    files.forEach(([file], i) => {
      expect(parsed[i]).toMatchObject({ ok: true, diagramType: 'flowchart-v2' });
      const flows = networkFlows(committedObjects(file.replace(/\.md$/, '')));
      const label = new Map<string, string>([
        ...flows.workloads.map((w) => [w.id, `${w.kind} ${w.name}`] as const),
        ...flows.outsiders.map((o) => [o.id, o.label] as const),
      ]);
      const text = new Map<string, string>(parsed[i].nodes.map((n: any) => [n.id, n.text]));
      const drawn = parsed[i].edges.map((e: any) => `${text.get(e.from)} -> ${text.get(e.to)}: ${e.text}`).sort();
      expect(drawn).toEqual(flows.flows.map((f) => `${label.get(f.from)} -> ${label.get(f.to)}: ${f.ports.join(', ')}`).sort());
      expect(drawn.length).toBeGreaterThan(0);
    });
  });
});
