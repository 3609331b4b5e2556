// Bundles scripts/fleet.ts (the benchmark's fleet generator) into build/fleet.js, as scripts/build.mjs does main.ts.
import { build } from 'esbuild';

await build({
  entryPoints: ['scripts/fleet.ts'],
  outfile: 'build/fleet.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
