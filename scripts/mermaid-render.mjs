// Renders Mermaid diagrams in a real browser (Debian's Chromium, driven by playwright-core) at a
// given page width, as a repository browser shows a Markdown file, and measures each one.
// Usage: node scripts/mermaid-render.mjs --width <px> [--chromium <path>] < diagrams.json
// stdin: a JSON array of diagram texts. stdout: a JSON array, per diagram
//   { ok, naturalWidth, naturalHeight, renderedWidth, renderedHeight } or { ok: false, error }:
//   natural is the size Mermaid laid the diagram out at (its viewBox), rendered the size it takes
//   in the column (Mermaid scales a wider diagram down to the column's width, and its text with it).
// Mermaid comes from node_modules; the page loads nothing from the network.
// Exit codes: 0 every diagram was rendered or refused (see each); 1 the browser failed; 2 bad input.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';

const USAGE = `Usage: node scripts/mermaid-render.mjs --width <px> [--chromium <path>] < diagrams.json
Renders each Mermaid diagram of stdin (a JSON array of texts) in headless Chromium in a column
<px> wide and prints its natural and rendered size as JSON.
Exit codes: 0 rendered (see each result); 1 the browser failed; 2 bad command line or input.`;
helpRequested(USAGE);
oneLineErrors('mermaid-render');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const width = Number(option('--width'));
if (!Number.isInteger(width) || width <= 0) fail('mermaid-render', `--width must be a whole number of pixels (got ${option('--width')})`);
const executablePath = option('--chromium', '/usr/bin/chromium');

let input = '';
for await (const chunk of process.stdin) input += chunk;
let texts;
try {
  texts = JSON.parse(input);
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) throw new Error('not an array of strings');
} catch (error) {
  fail('mermaid-render', `stdin must be a JSON array of diagram texts (${error.message})`);
}

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'mermaid-render-'));
// The flags a closed network needs (no background connections, no updates), in a fresh profile.
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: width + 100, height: 1000 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  await page.setContent(`<!doctype html><html><body style="margin:0"><div id="column" style="width:${width}px"></div></body></html>`);
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  const results = await page.evaluate(async (diagrams) => {
    const mermaid = globalThis.mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const column = globalThis.document.getElementById('column');
    const out = [];
    for (const [i, text] of diagrams.entries()) {
      try {
        const { svg } = await mermaid.render(`diagram${i}`, text);
        column.innerHTML = svg;
        const element = column.querySelector('svg');
        const [, , naturalWidth, naturalHeight] = element.getAttribute('viewBox').split(/\s+/).map(Number);
        const box = element.getBoundingClientRect();
        out.push({ ok: true, naturalWidth, naturalHeight, renderedWidth: box.width, renderedHeight: box.height });
      } catch (error) {
        out.push({ ok: false, error: String(error?.message ?? error) });
      }
    }
    return out;
  }, texts);
  process.stdout.write(JSON.stringify(results));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
