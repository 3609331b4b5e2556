// Builds the published package: lib/ -> build/lib/ (.js, .d.ts, maps) with tsc -p tsconfig.build.json.
// The folder is emptied first, so a file removed from lib/ never lingers in the tarball.
// tsc emits only from .ts: the generated schema validators (JavaScript + types) are copied as they are.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';

rmSync('build/lib', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
for (const file of ['schema-validators.js', 'schema-validators.d.ts']) copyFileSync(`lib/imports/${file}`, `build/lib/imports/${file}`);
