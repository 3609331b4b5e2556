// Regenerates the generated CRD code from the `imports:` list of cdk8s.yaml: upstream CRDs into
// lib/imports/ (inside the package, so lib/ never reaches outside itself), and a CRD this application
// synthesizes (dist/<platform>/...) into imports/, the application's own `cdk8s import` output.
// A source is a commit-pinned upstream URL or a path in this repository (our own CRDs, synthesized
// into dist/); which CRDs an entry takes is scripts/pinned-crds.mjs.
// Offline (default): the same CRDs, byte for byte, are documents of the files in ../shared/crds;
// they reach `cdk8s import` through a temporary file, so no CRD file enters the project.
// With --network: the URL is downloaded and filtered the same way.
// Then the schema validators of every Kubernetes version in ../shared/schemas and of these CRDs
// are generated (scripts/generate-schema-validators.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';
import { crdFolder, pinnedImports } from './pinned-crds.mjs';

helpRequested(`Usage: npm run import [-- --network]
Regenerates lib/imports/ (and the application's imports/) from the imports: list of cdk8s.yaml,
then the schema validators of each Kubernetes version of ../shared/schemas and of the CRDs
(lib/imports/schema-validators/).
Offline by default: the upstream CRDs are read from ../shared/crds (CRD_DIR overrides it).
  --network   download the commit-pinned URLs instead (the Kubernetes schemas still come from ../shared).
Exit codes: 0 imported; 1 a CRD is missing or cdk8s import failed; 2 bad command line or no CRD folder.`);
oneLineErrors('import');
for (const arg of process.argv.slice(2))
  if (arg !== '--network') fail('import', `unknown argument ${JSON.stringify(arg)}; see npm run import -- --help`);

const network = process.argv.includes('--network');
if (!network && !existsSync(crdFolder))
  fail(
    'import',
    `no CRD folder at ${crdFolder}: the offline import reads the upstream CRDs from ../shared (see README "What ../shared is"); set CRD_DIR, or run npm run import -- --network`,
  );
const config = readFileSync('cdk8s.yaml', 'utf8');
const imports = await pinnedImports({ network });
const scratch = mkdtempSync(join(tmpdir(), 'crd-import-'));
try {
  for (const { prefix, source, crds } of imports) {
    let file = source;
    if (crds) {
      file = join(scratch, `${prefix}.yaml`);
      writeFileSync(file, crds.map((crd) => stringify(crd)).join('---\n'));
    } else if (!existsSync(source)) {
      throw new Error(`cdk8s.yaml import ${prefix}:=${source}: ${source} does not exist; run npm run synth first`);
    }
    const outdir = file === source ? 'imports' : join('lib', 'imports');
    execFileSync('npx', ['cdk8s', 'import', '--no-check-upgrade', '-l', 'typescript', '-o', outdir, `${prefix}:=${file}`], { stdio: 'inherit' });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
  // `cdk8s import` appends every source it was given to cdk8s.yaml; keep the file as written.
  writeFileSync('cdk8s.yaml', config);
}
execFileSync(process.execPath, ['scripts/generate-schema-validators.mjs', ...(network ? ['--network'] : [])], { stdio: 'inherit' });
