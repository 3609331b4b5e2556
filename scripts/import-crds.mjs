// Regenerates the generated CRD code from the `imports:` list of cdk8s.yaml: upstream CRDs into
// lib/imports/ (inside the package, so lib/ never reaches outside itself), and a CRD this repository
// synthesizes (dist/<platform>/...) into lib/platforms/<platform>/imports/, beside the platform that owns it.
// A source is a commit-pinned upstream URL or a path in this repository (our own CRDs, synthesized
// into dist/); which CRDs an entry takes is scripts/pinned-crds.mjs.
// Offline (default): the same CRDs, byte for byte, are documents of the files in ../shared/crds;
// they reach `cdk8s import` through a temporary file, so no CRD file enters the project.
// With --network: the URL is downloaded and filtered the same way.
// Then the schema validators of Kubernetes 1.28 and of these CRDs are generated
// (scripts/generate-schema-validators.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { pinnedImports } from './pinned-crds.mjs';

const network = process.argv.includes('--network');
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
    const outdir = file === source ? join('lib', 'platforms', source.split('/')[1], 'imports') : join('lib', 'imports');
    execFileSync('npx', ['cdk8s', 'import', '--no-check-upgrade', '-l', 'typescript', '-o', outdir, `${prefix}:=${file}`], { stdio: 'inherit' });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
  // `cdk8s import` appends every source it was given to cdk8s.yaml; keep the file as written.
  writeFileSync('cdk8s.yaml', config);
}
execFileSync(process.execPath, ['scripts/generate-schema-validators.mjs', ...(network ? ['--network'] : [])], { stdio: 'inherit' });
