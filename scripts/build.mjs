// Bundles main.ts into build/main.js with esbuild: the synth path runs plain node, no ts-node.
// esbuild strips types without checking them; `npm test` runs `tsc --noEmit` for that.
// Also bundles cdk8s-plugin.ts into build/cdk8s-plugin.js, the validation plugin cdk8s.yaml lists.
import { build } from 'esbuild';
import { helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: node scripts/build.mjs
Bundles main.ts into build/main.js and cdk8s-plugin.ts into build/cdk8s-plugin.js (esbuild; types
are not checked here: npm test runs tsc). Exit codes: 0 built; 1 esbuild reported errors.`);
oneLineErrors('build');

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

await build({
  entryPoints: ['cdk8s-plugin.ts'],
  outfile: 'build/cdk8s-plugin.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
