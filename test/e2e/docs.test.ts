import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Manifest } from '../../lib/core/manifest';
import { objectsOfTree } from '../../lib/output/dist-objects';
import { readTree } from '../../lib/output/file-tree';
import { networkFlows } from '../../lib/docs/network-flows';
import { unbrokenLabel } from '../../lib/docs/flow-diagram';
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
const diagramsOf = (text: string) => [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
/** The folded flows a doc lists: "- every pod -> `<outsider>`: <ports>". */
const foldedOf = (text: string) =>
  [...text.matchAll(/^- every pod (->|<-) `([^`]*)`: (.*)$/gm)].map((m) => ({ to: m[1] === '->', outsider: m[2], ports: m[3] }));
/** A label as Mermaid's parser gives it back, read as the text it was made from. */
const unbroken = unbrokenLabel;

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

  test("every diagram parses with Mermaid's own parser, and its arrows and notes are exactly the flows the committed NetworkPolicies allow", () => {
    const files = generated(docs);
    const diagrams = files.map(([, text]) => diagramsOf(text));
    const parsed = parseMermaid(diagrams.flat());
    let next = 0;
    files.forEach(([file, text], i) => {
      const parts = diagrams[i].map(() => parsed[next++]);
      for (const part of parts) expect(part).toMatchObject({ ok: true, diagramType: 'flowchart-v2' });
      const flows = networkFlows(committedObjects(file.replace(/\.md$/, '')));
      const label = new Map<string, string>([
        ...flows.workloads.map((w) => [w.id, `${w.kind} ${w.name}`] as const),
        ...flows.outsiders.map((o) => [o.id, o.label] as const),
      ]);
      const drawn = parts.flatMap((part) => {
        const node = new Map<string, string>(part.nodes.map((n: any) => [n.id, unbroken(n.text)]));
        return part.edges.map((e: any) => `${node.get(e.from)} -> ${node.get(e.to)}: ${unbroken(e.text)}`);
      });
      // A folded note stands for its flow from (or to) every pod of the build.
      const noted = foldedOf(text).flatMap((n) =>
        flows.workloads.map((w) => (n.to ? `${w.kind} ${w.name} -> ${n.outsider}: ${n.ports}` : `${n.outsider} -> ${w.kind} ${w.name}: ${n.ports}`)),
      );
      // Each flow once: an arrow of one diagram, or a note.
      expect([...drawn, ...noted].sort()).toEqual(flows.flows.map((f) => `${label.get(f.from)} -> ${label.get(f.to)}: ${f.ports.join(', ')}`).sort());
      expect(drawn.length).toBeGreaterThan(0);
    });
  });

  test('the placement table shows the range every HorizontalPodAutoscaler scales its workload in', () => {
    const hpas = [...objectsOfTree(readTree(join(root, 'dist'))).values()].filter((o) => o.kind === 'HorizontalPodAutoscaler');
    expect(hpas.length).toBeGreaterThan(1);
    for (const hpa of hpas) {
      const text = readFileSync(join(docs, `${hpa.platform}.md`), 'utf8');
      const target = hpa.object.spec.scaleTargetRef;
      const row = text.split('\n').find((line) => line.startsWith(`| ${target.kind} ${hpa.namespace}/${target.name} |`));
      expect([hpa.platform, row?.split(' | ')[1]]).toEqual([
        hpa.platform,
        `${hpa.object.spec.minReplicas ?? 1}-${hpa.object.spec.maxReplicas} (HPA)`,
      ]);
    }
  });
});
