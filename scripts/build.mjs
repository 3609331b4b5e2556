// Builds what the synth runs, with esbuild (plain node at synth time, no ts-node):
//   main.ts                        -> build/main.js           (the application: cdk8s.yaml's app)
//   lib/cli/bin.ts                 -> build/k8s-platforms.js  (the package's command, run by npm run synth)
//   lib/cli/validation-plugin.ts   -> build/cdk8s-plugin.js   (the validation plugin cdk8s.yaml lists)
// and type-checks the application and the library (tsconfig.app.json, incremental) at the same
// time: esbuild strips types without checking them, so a type error (a misspelled prop) would
// otherwise synthesize with the prop dropped. Nothing runs when no input changed since the last
// good build (a stamp of every input's path, size and modification time, in build/).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { helpRequested, oneLineErrors } from './cli.mjs';
import { externalValidators } from './external-validators.mjs';
import { inputStamp } from './input-stamp.mjs';

helpRequested(`Usage: node scripts/build.mjs
Type-checks the application and the library (tsc -p tsconfig.app.json, incremental) while esbuild
bundles main.ts into build/main.js, lib/cli/bin.ts into build/k8s-platforms.js and
lib/cli/validation-plugin.ts into build/cdk8s-plugin.js. Skips both when no input changed since
the last good build. Exit codes: 0 built (or up to date); 1 a type error or an esbuild error (printed).`);
oneLineErrors('build');

const INPUTS = [
  'main.ts',
  'lib',
  'platforms',
  'imports',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.app.json',
  'scripts/build.mjs',
  'scripts/external-validators.mjs',
];
const OUTPUTS = ['build/main.js', 'build/k8s-platforms.js', 'build/cdk8s-plugin.js'];
const STAMP = 'build/.build-stamp';

const current = inputStamp(INPUTS);
if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === current && OUTPUTS.every((f) => existsSync(f))) process.exit(0);
mkdirSync('build', { recursive: true });

const typecheck = new Promise((resolve) => {
  const tsc = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.app.json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  tsc.stdout.on('data', (d) => (output += d));
  tsc.stderr.on('data', (d) => (output += d));
  tsc.on('close', (code) => resolve({ code, output }));
});

const bundle = (entry, outfile, extra = {}) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external', // cdk8s and friends load from node_modules as usual
    logLevel: 'warning',
    plugins: [externalValidators(outfile)],
    ...extra,
  });
await Promise.all([
  bundle('main.ts', 'build/main.js', { sourcemap: true }),
  bundle('lib/cli/bin.ts', 'build/k8s-platforms.js', { sourcemap: true }),
  bundle('lib/cli/validation-plugin.ts', 'build/cdk8s-plugin.js'),
]);
const checked = await typecheck;
if (checked.code !== 0) {
  console.error(`${checked.output.trim()}\nbuild: the type check failed (tsc -p tsconfig.app.json); nothing was synthesized: fix the errors above`);
  process.exit(1);
}
writeFileSync(STAMP, current);
