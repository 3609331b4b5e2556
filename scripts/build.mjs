// Bundles main.ts into build/main.js with esbuild: the synth path runs plain node, no ts-node.
// esbuild strips types without checking them; `npm test` runs `tsc --noEmit` for that.
import { build } from 'esbuild';

await build({
  entryPoints: ['main.ts'],
  outfile: 'build/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external', // cdk8s and friends load from node_modules as usual
  sourcemap: true,
  logLevel: 'warning',
});
