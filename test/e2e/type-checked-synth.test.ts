import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { builtBundle } from '../shared-synth';

const root = join(__dirname, '..', '..');

/**
 * The README's synth type-checks the application before it synthesizes: esbuild alone strips
 * types, so a misspelled prop (`replicaz: 5`) would otherwise be dropped without a word. A copy of
 * the project (the library and node_modules linked) gets the typo in one platform file. The copy
 * starts with what a user's tree holds after any earlier synth: the type check's incremental build
 * info (seededBuildInfo), so tsc checks again what the typo touches instead of everything, cold.
 */
test('a type error in platform code fails npm run synth before anything is built or written', () => {
  const project = mkdtempSync(join(tmpdir(), 'typecheck-'));
  for (const linked of ['lib', 'imports', 'node_modules', 'scripts']) symlinkSync(join(root, linked), join(project, linked));
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.app.json', 'cdk8s.yaml', 'main.ts'])
    copyFileSync(join(root, file), join(project, file));
  cpSync(join(root, 'platforms'), join(project, 'platforms'), { recursive: true });
  seedBuildInfo(project);
  const file = join(project, 'platforms', 'archiverse', 'archiverse.ts');
  const source = readFileSync(file, 'utf8');
  const typo = source.replace(/(new WebService\(apps, 'frontend', \{\n)/, '$1    replicaz: 5,\n');
  expect(typo).not.toBe(source);
  writeFileSync(file, typo);

  const run = spawnSync('npm', ['run', '--silent', 'synth'], { cwd: project, encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(
    /platforms\/archiverse\/archiverse\.ts\(\d+,\d+\): error TS2561: Object literal may only specify known properties, but 'replicaz' does not exist in type 'WebServiceProps'/,
  );
  expect(run.stderr).toContain('build: the type check failed (tsc -p tsconfig.app.json); nothing was synthesized: fix the errors above');
  expect(existsSync(join(project, 'dist'))).toBe(false);
  expect(existsSync(join(project, 'build', '.build-stamp'))).toBe(false);
}, 120_000);

/** Where tsc -p tsconfig.app.json keeps its incremental build info (tsconfig.app.json's tsBuildInfoFile). */
const BUILD_INFO = join('build', 'typecheck-app.tsbuildinfo');

/**
 * Puts the project's own build info (up to date: builtBundle() type-checks the current sources)
 * into the copy, as if the copy had been synthesized before. The file names source files relative
 * to itself: a file of the project is named again inside the copy (its links keep the names tsc
 * uses), a package from node_modules (linked into the copy, but tsc names a package by its real
 * path) or any file outside the project by its real path, from the copy's build/. Anything it does not match, tsc checks again: the seed saves time, never a check.
 */
function seedBuildInfo(project: string): void {
  builtBundle();
  if (!existsSync(join(root, BUILD_INFO))) return; // an up-to-date build/ whose build info was deleted: tsc starts cold
  const info = JSON.parse(readFileSync(join(root, BUILD_INFO), 'utf8')) as { fileNames: string[] };
  const from = join(root, 'build');
  const to = join(project, 'build');
  info.fileNames = info.fileNames.map((name) => {
    const file = resolve(from, name);
    const inProject = relative(root, file);
    const byRealPath = inProject.startsWith('..') || inProject.startsWith('node_modules');
    return relative(to, byRealPath ? file : join(project, inProject));
  });
  mkdirSync(to);
  writeFileSync(join(project, BUILD_INFO), JSON.stringify(info));
}
