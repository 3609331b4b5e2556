// Bundles scripts/fleet.ts (the benchmark's fleet generator) into build/fleet.js, as scripts/build.mjs does main.ts.
import { build } from 'esbuild';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';
import { externalValidators } from './external-validators.mjs';

helpRequested(`Usage: node scripts/build-fleet.mjs   (npm run bench runs it)
Bundles scripts/fleet.ts, the benchmark's fleet generator, into build/fleet.js.
Exit codes: 0 built; 1 esbuild failed; 2 bad command line.`);
oneLineErrors('build-fleet');
if (process.argv.length > 2) fail('build-fleet', `unknown argument ${JSON.stringify(process.argv[2])}; see --help`);

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
  plugins: [externalValidators('build/fleet.js')],
});
