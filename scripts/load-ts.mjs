// Imports a TypeScript module of lib/ from a script: bundled into build/ (where node_modules
// resolves) with esbuild, then imported. Scripts share lib/'s code this way instead of copying it.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { externalValidators } from './external-validators.mjs';

export async function loadTs(path) {
  mkdirSync('build', { recursive: true });
  const scratch = mkdtempSync(join('build', 'load-ts-'));
  try {
    const outfile = join(scratch, 'module.cjs');
    await build({
      entryPoints: [path],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'warning',
      plugins: [externalValidators(outfile)],
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
