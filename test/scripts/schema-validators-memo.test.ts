import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * validate-dist remembers the hashes of the generated schema validators (build/, under
 * generatorInputsKey()) instead of generating them again on every run. The memory may only be used
 * while every byte the generator reads is unchanged: each input below, changed, must change the key.
 */
const ROOT = resolve(__dirname, '../..');

const INPUTS: [string, string][] = [
  ['a Kubernetes schema of ../shared', 'shared/schemas/k8s-1.28/_definitions.json'],
  ['a CRD of ../shared', 'shared/crds/a_crds.yaml'],
  ['a .ts file of lib/ the generator bundles', 'lib/policy/schema/strict-openapi.ts'],
  ['a script', 'scripts/schema-validators-code.mjs'],
  ["cdk8s.yaml's pins", 'cdk8s.yaml'],
  ["package-lock.json (ajv's version)", 'package-lock.json'],
];
const GENERATED_FILE = 'lib/imports/schema-validators/crds.js';
const NEW_VERSION = 'shared/schemas/k8s-1.29/_definitions.json';

/**
 * The key in a small project (its own ../shared), computed in one node process: first as it is,
 * again unchanged, then after each edit in turn (`steps`: a file to append a line to, or to create).
 */
function keysAfter(steps: string[]): string[] {
  const project = mkdtempSync(join(tmpdir(), 'validators-memo-'));
  const files: Record<string, string> = {
    'shared/schemas/k8s-1.28/_definitions.json': '{}',
    'shared/crds/a_crds.yaml': 'kind: CustomResourceDefinition\n',
    'lib/policy/schema/strict-openapi.ts': 'export const a = 1;\n',
    [GENERATED_FILE]: '// generated\n',
    'scripts/schema-validators-code.mjs': '// the generator\n',
    'cdk8s.yaml': 'imports: []\n',
    'package-lock.json': '{"packages":{"node_modules/ajv":{"version":"8.17.1"}}}\n',
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(project, file, '..'), { recursive: true });
    writeFileSync(join(project, file), content);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  const program = `
    import { appendFileSync, mkdirSync } from 'node:fs';
    import { dirname } from 'node:path';
    const { generatorInputsKey } = await import(${JSON.stringify(join(ROOT, 'scripts/generate-schema-validators.mjs'))});
    const keys = [generatorInputsKey(), generatorInputsKey()];
    for (const file of JSON.parse(process.argv[1])) {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, '\\n');
      keys.push(generatorInputsKey());
    }
    console.log(JSON.stringify(keys));`;
  const { CRD_DIR: _ownFolder, ...env } = process.env; // the small project's ../shared/crds, not another
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', program, JSON.stringify(steps)], {
    cwd: project,
    env: { ...env, SHARED_DIR: join(project, 'shared') },
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}

describe('the schema validators memo key', () => {
  const steps = [GENERATED_FILE, ...INPUTS.map(([, file]) => file), NEW_VERSION];
  let keys: string[];
  beforeAll(() => {
    keys = keysAfter(steps);
  });
  const after = (file: string) => keys[2 + steps.indexOf(file)];
  const before = (file: string) => keys[1 + steps.indexOf(file)];

  test('is stable while nothing changes, and ignores the generated folder itself', () => {
    expect(keys[1]).toBe(keys[0]);
    expect(after(GENERATED_FILE)).toBe(keys[0]);
  });

  test.each(INPUTS)('changes when %s changes', (_what, file) => {
    expect(after(file)).not.toBe(before(file));
  });

  test('changes when a Kubernetes version is added to ../shared', () => {
    expect(after(NEW_VERSION)).not.toBe(before(NEW_VERSION));
  });
});
