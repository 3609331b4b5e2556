import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Mermaid's own parse of each diagram: { ok, diagramType, nodes, edges } or { ok: false, error }.
 * In one child process for all of them (scripts/mermaid-check.mjs): Mermaid is ESM and needs a
 * DOM, which jest's module system cannot give it.
 */
export function parseMermaid(texts: string[]): any[] {
  return JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'mermaid-check.mjs')], { input: JSON.stringify(texts), encoding: 'utf8' }),
  );
}
