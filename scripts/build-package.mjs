// Builds the published package: lib/ -> build/lib/ (.js, .d.ts) with tsc -p tsconfig.build.json,
// incrementally (build/.tsbuildinfo-package): a pack after a small edit recompiles what it touched,
// not all of lib/ (about 14 s CPU). What the incremental record cannot know is checked here:
// a file removed from lib/ never lingers in the tarball (outputs without a source are deleted),
// and an output missing from build/lib/ (deleted by hand) makes a full compile.
// tsc emits only from .ts: the generated schema validators (a folder of JavaScript + types) are copied as they are.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: npm run build:package
Compiles lib/ into build/lib/ (.js, .d.ts) with tsc -p tsconfig.build.json (incremental), for npm pack,
deletes outputs whose source is gone, and copies the generated schema validators (JavaScript) beside them.
Exit codes: 0 built; 1 tsc reported errors (printed above).`);
oneLineErrors('build:package');

const OUT = 'build/lib';
const BUILD_INFO = 'build/.tsbuildinfo-package';
const VALIDATORS = 'imports/schema-validators';

const filesUnder = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)))
    : [];
/** What tsc writes for lib/: a .js and a .d.ts for every .ts (not .d.ts) source. */
const expected = new Set(
  filesUnder('lib')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith(`${VALIDATORS}/`))
    .flatMap((f) => [f.replace(/\.ts$/, '.js'), f.replace(/\.ts$/, '.d.ts')]),
);
const compile = () =>
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO], {
    stdio: 'inherit',
  });

compile();
if ([...expected].some((f) => !existsSync(join(OUT, f)))) {
  // The record said up to date, but an output is gone: compile everything again.
  rmSync(BUILD_INFO, { force: true });
  compile();
}
for (const f of filesUnder(OUT)) if (!expected.has(f) && !f.startsWith(`${VALIDATORS}/`)) rmSync(join(OUT, f));
rmSync(join(OUT, VALIDATORS), { recursive: true, force: true });
cpSync(join('lib', VALIDATORS), join(OUT, VALIDATORS), { recursive: true });
