// Parses Mermaid diagrams with Mermaid's own parser (the one GitHub renders with), for the tests.
// Usage: node scripts/mermaid-check.mjs < diagrams.json   (stdin: a JSON array of diagram texts)
// Prints a JSON array: per diagram { ok, diagramType, nodes, edges } or { ok: false, error }.
// Mermaid is ESM and needs a DOM, so it runs here under jsdom, in a process of its own.
// Exit codes: 0 every diagram was read (each result says whether it parsed); 2 bad input.
import { fail, helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: node scripts/mermaid-check.mjs < diagrams.json
stdin: JSON array of Mermaid texts; stdout: JSON array of { ok, diagramType, nodes, edges } or { ok: false, error }.
Exit codes: 0 read (see each result); 2 stdin is not a JSON array of strings.`);
oneLineErrors('mermaid-check');
let input = '';
for await (const chunk of process.stdin) input += chunk;
let texts;
try {
  texts = JSON.parse(input);
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) throw new Error('not an array of strings');
} catch (error) {
  fail('mermaid-check', `stdin must be a JSON array of diagram texts (${error.message})`);
}
const { JSDOM } = await import('jsdom');
const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid'); // after window exists: DOMPurify binds to it
const out = [];
for (const text of texts) {
  try {
    const { diagramType } = await mermaid.parse(text);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    out.push({
      ok: true,
      diagramType,
      nodes: [...db.getVertices().values()].map((v) => ({ id: v.id, text: v.text })),
      edges: db.getEdges().map((e) => ({ from: e.start, to: e.end, text: e.text })),
    });
  } catch (error) {
    out.push({ ok: false, error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(out));
