// Writes lib/imports/schema-validators/: the strict schema validators the synth and CI share, one
// set of files per Kubernetes version of ../shared/schemas plus the pinned CRDs (see
// scripts/schema-validators-code.mjs). Generated code, like the rest of lib/imports, so a clone
// without ../shared still synthesizes and tests; no schema or CRD file enters the project.
// Usage: node scripts/generate-schema-validators.mjs [--network]   (SHARED_DIR defaults to ../shared)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';
import { crdFolder, pinnedImports } from './pinned-crds.mjs';
import { schemaValidatorFiles } from './schema-validators-code.mjs';

export const GENERATED = join('lib', 'imports', 'schema-validators');
const shared = process.env.SHARED_DIR ?? join('..', 'shared');
export const SCHEMAS = join(shared, 'schemas');

/** The Kubernetes versions of ../shared/schemas (folders k8s-1.NN), oldest first. */
export function sharedVersions() {
  return readdirSync(SCHEMAS)
    .map((f) => /^k8s-(1\.\d+)$/.exec(f)?.[1])
    .filter(Boolean)
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

export async function generatedFiles({ network = false } = {}) {
  const kubernetes = sharedVersions().map((version) => ({
    version,
    definitions: JSON.parse(readFileSync(join(SCHEMAS, `k8s-${version}`, '_definitions.json'), 'utf8')),
  }));
  const crds = (await pinnedImports({ network })).flatMap((entry) => entry.crds ?? []);
  return schemaValidatorFiles({ kubernetes, crds });
}

const sha256 = (content) => createHash('sha256').update(content).digest('hex');

/** The hash of every file of the generated folder as it is on disk, by file name: what generatedFileHashes() is compared with. */
export function committedFileHashes() {
  if (!existsSync(GENERATED)) return new Map();
  return new Map(readdirSync(GENERATED).map((f) => [f, sha256(readFileSync(join(GENERATED, f)))]));
}
/** Where the hashes of the last generation are kept, under the key of what it read. */
const MEMO = join('build', 'schema-validators-memo.json');

/**
 * The hash of every file generatedFiles() would write, by file name. Generating costs seconds of
 * CPU, so the hashes of the last generation are remembered in build/ under a key that covers every
 * byte the generator can read: ../shared's schemas and CRDs, every script, every .ts file of lib/
 * (loadTs bundles the ones it needs), cdk8s.yaml's pins, package-lock.json (ajv's version) and the
 * Node version. Any change to any of them generates again, so the memory never vouches for code
 * other inputs would produce.
 */
export async function generatedFileHashes() {
  const key = generatorInputsKey();
  const remembered = memoUnder(key);
  if (remembered) return remembered;
  const hashes = new Map([...(await generatedFiles())].map(([name, content]) => [name, sha256(content)]));
  mkdirSync('build', { recursive: true });
  const next = `${MEMO}.${process.pid}`; // renamed into place: a concurrent run never reads half a file
  writeFileSync(next, JSON.stringify({ key, files: Object.fromEntries(hashes) }));
  renameSync(next, MEMO);
  return hashes;
}

/** The remembered hashes when the memo was written under `key`; a missing or unreadable memo is none. */
function memoUnder(key) {
  try {
    const memo = JSON.parse(readFileSync(MEMO, 'utf8'));
    return memo.key === key && memo.files && typeof memo.files === 'object' ? new Map(Object.entries(memo.files)) : undefined;
  } catch {
    return undefined;
  }
}

export function generatorInputsKey() {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const visit = (path, wanted) => {
    if (!existsSync(path)) return hash.update(`${path}: absent\n`);
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (child !== GENERATED) visit(child, wanted);
      } else if (wanted(entry.name)) hash.update(`${child}\0${sha256(readFileSync(child))}\n`);
    }
  };
  visit(SCHEMAS, () => true);
  visit(crdFolder, () => true);
  visit('scripts', () => true);
  visit('lib', (name) => name.endsWith('.ts'));
  for (const file of ['cdk8s.yaml', 'package-lock.json']) hash.update(`${file}\0${sha256(readFileSync(file))}\n`);
  return hash.digest('hex');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  helpRequested(`Usage: node scripts/generate-schema-validators.mjs [--network]   (npm run import runs it)
Writes lib/imports/schema-validators/: strict validators of every Kubernetes version in
../shared/schemas (k8s-1.NN; SHARED_DIR overrides ../shared), the code versions share written once,
and of the CRDs pinned in cdk8s.yaml; plus which versions serve each kind and the fields that
changed between versions (for the upgrade report).
  --network   read the pinned CRDs from their URLs instead of ../shared/crds.
Exit codes: 0 written; 1 generation failed; 2 bad command line.`);
  oneLineErrors('generate-schema-validators');
  for (const arg of process.argv.slice(2))
    if (arg !== '--network') fail('generate-schema-validators', `unknown argument ${JSON.stringify(arg)}; see --help`);
  const files = await generatedFiles({ network: process.argv.includes('--network') });
  rmSync(GENERATED, { recursive: true, force: true });
  mkdirSync(GENERATED, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(GENERATED, name), content);
  const bytes = [...files.values()].reduce((n, c) => n + Buffer.byteLength(c), 0);
  console.log(`wrote ${GENERATED}/: ${files.size} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
}
