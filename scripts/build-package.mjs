// Builds the published package: lib/ -> build/lib/ (.js, .d.ts, maps) with tsc -p tsconfig.build.json.
// The folder is emptied first, so a file removed from lib/ never lingers in the tarball.
// tsc emits only from .ts: the generated schema validators (a folder of JavaScript + types) are copied as they are.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: npm run build:package
Compiles lib/ into build/lib/ (.js, .d.ts, maps) with tsc -p tsconfig.build.json, for npm pack,
and copies the generated schema validators (JavaScript) beside them.
Exit codes: 0 built; 1 tsc reported errors (printed above).`);
oneLineErrors('build:package');

rmSync('build/lib', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('lib/imports/schema-validators', 'build/lib/imports/schema-validators', { recursive: true });
