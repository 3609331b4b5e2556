import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DOC_MARKER } from '../../lib/docs/platform-docs';

/**
 * Every diagram of every generated doc, rendered by Mermaid in a real browser (Debian's Chromium)
 * in a column as wide as a repository browser shows Markdown, must be drawn at its natural size:
 * a wider diagram is scaled down to the column, and its labels with it, past reading.
 */
const REPOSITORY_BROWSER_WIDTH = 880;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = join(__dirname, '..', '..');

const diagrams = readdirSync(join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => [f, readFileSync(join(root, 'docs', f), 'utf8')] as const)
  .filter(([, text]) => text.startsWith(GENERATED_DOC_MARKER))
  .flatMap(([file, text]) => [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m, i) => ({ name: `${file} diagram ${i + 1}`, text: m[1] })));

const browser = existsSync(CHROMIUM);
// CI installs Chromium (.ci/run): there a missing browser is a failure, not a skip.
const skipReason = browser ? undefined : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
if (skipReason) console.warn(`docs browser check SKIPPED: ${skipReason}; the diagrams' rendered size was not checked`);

/** A diagram wider than the column, for the test that shows the check can fail. */
const WIDE =
  'flowchart LR\n' +
  Array.from({ length: 8 }, (_, i) => `  n${i}["Deployment a-service-with-a-long-name-${i}"] -->|"TCP 8080"| n${i + 1}`).join('\n');

let rendered: any[] | undefined;
/**
 * The size of every generated diagram and of WIDE, from one browser launch for the suite (the
 * renderer draws each diagram alone in the column, so one launch measures each as its own would).
 */
function renderedSizes(): { generated: any[]; wide: any } {
  rendered ??= JSON.parse(
    execFileSync(
      process.execPath,
      [join(root, 'scripts', 'mermaid-render.mjs'), '--width', String(REPOSITORY_BROWSER_WIDTH), '--chromium', CHROMIUM],
      { input: JSON.stringify([...diagrams.map((d) => d.text), WIDE]), encoding: 'utf8', timeout: 120_000 },
    ),
  ) as any[];
  return { generated: rendered.slice(0, diagrams.length), wide: rendered[diagrams.length] };
}

describe(`generated diagrams in a browser ${REPOSITORY_BROWSER_WIDTH} px wide`, () => {
  if (skipReason && !process.env.CI) {
    test.skip(`every diagram renders at its natural size (skipped: ${skipReason})`, () => undefined);
    return;
  }

  test('every diagram renders at its natural size, none wider than the column', () => {
    expect(skipReason).toBeUndefined();
    expect(diagrams.length).toBeGreaterThan(5);
    const sizes = renderedSizes().generated;
    const tooWide = diagrams
      .map((d, i) => ({ ...d, size: sizes[i] }))
      .filter((d) => !d.size.ok || d.size.naturalWidth > REPOSITORY_BROWSER_WIDTH || d.size.renderedWidth < d.size.naturalWidth - 1)
      .map((d) => `${d.name}: ${d.size.ok ? `${Math.round(d.size.naturalWidth)}x${Math.round(d.size.naturalHeight)} px` : d.size.error}`);
    expect(tooWide).toEqual([]);
  }, 180_000);

  test('the check can fail: a diagram wider than the column is drawn scaled down', () => {
    const size = renderedSizes().wide;
    expect(size.naturalWidth).toBeGreaterThan(REPOSITORY_BROWSER_WIDTH);
    expect(size.renderedWidth).toBeLessThanOrEqual(REPOSITORY_BROWSER_WIDTH);
  }, 180_000);
});
