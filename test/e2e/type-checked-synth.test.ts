import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * The README's synth type-checks the application before it synthesizes: esbuild alone strips
 * types, so a misspelled prop (`replicaz: 5`) would otherwise be dropped without a word. A copy of
 * the project (the library and node_modules linked) gets the typo in one platform file.
 */
test('a type error in platform code fails npm run synth before anything is built or written', () => {
  const project = mkdtempSync(join(tmpdir(), 'typecheck-'));
  for (const linked of ['lib', 'imports', 'node_modules', 'scripts']) symlinkSync(join(root, linked), join(project, linked));
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.app.json', 'cdk8s.yaml', 'main.ts'])
    copyFileSync(join(root, file), join(project, file));
  cpSync(join(root, 'platforms'), join(project, 'platforms'), { recursive: true });
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
