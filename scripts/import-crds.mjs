// Regenerates the generated CRD code from the `imports:` list of cdk8s.yaml: upstream CRDs into
// lib/imports/ (inside the package, so lib/ never reaches outside itself), and a CRD this repository
// synthesizes (dist/<platform>/...) into lib/platforms/<platform>/imports/, beside the platform that owns it.
// Each entry is `<prefix>:=<source>`. A source is a commit-pinned upstream URL or a path in this
// repository (our own CRDs, synthesized into dist/). An upstream file named
// `<group>_<plural>.yaml` holds one CRD; a multi-CRD upstream file names the CRDs it takes in the
// URL fragment: `...gen.yaml#gateways.networking.istio.io,virtualservices.networking.istio.io`.
// Offline (default): the same CRDs, byte for byte, are documents of the files in ../shared/crds;
// they reach `cdk8s import` through a temporary file, so no CRD file enters the project.
// With --network: the URL is downloaded and filtered the same way.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: npm run import [-- --network]
Regenerates lib/imports/ (and lib/platforms/<id>/imports/) from the imports: list of cdk8s.yaml.
Offline by default: the upstream CRDs are read from ../shared/crds (CRD_DIR overrides it).
  --network   download the commit-pinned URLs instead (no ../shared needed).
Exit codes: 0 imported; 1 a CRD is missing or cdk8s import failed; 2 bad command line or no CRD folder.`);
oneLineErrors('import');
for (const arg of process.argv.slice(2)) if (arg !== '--network') fail('import', `unknown argument ${JSON.stringify(arg)}; see npm run import -- --help`);

const network = process.argv.includes('--network');
const crdFolder = process.env.CRD_DIR ?? join('..', 'shared', 'crds');
if (!network && !existsSync(crdFolder)) fail('import', `no CRD folder at ${crdFolder}: the offline import reads the upstream CRDs from ../shared (see README "What ../shared is"); set CRD_DIR, or run npm run import -- --network`);
const config = readFileSync('cdk8s.yaml', 'utf8');
const entries = parse(config).imports ?? [];

function crdsIn(text) {
  return parseAllDocuments(text).map((doc) => doc.toJS()).filter((crd) => crd?.kind === 'CustomResourceDefinition');
}

function offlineCrds() {
  const byName = new Map();
  for (const file of readdirSync(crdFolder).filter((f) => f.endsWith('.yaml'))) {
    for (const crd of crdsIn(readFileSync(join(crdFolder, file), 'utf8'))) byName.set(crd.metadata.name, crd);
  }
  return byName;
}

function crdNamesOf(url) {
  const [file, fragment] = url.split('#');
  if (fragment) return fragment.split(',');
  const match = /^([a-z0-9.-]+)_([a-z0-9-]+)\.yaml$/.exec(basename(file));
  if (!match) throw new Error(`cdk8s.yaml import ${url}: expected a file named <group>_<plural>.yaml, or #<crd-name>,... after the URL`);
  return [`${match[2]}.${match[1]}`];
}

async function download(url) {
  const response = await fetch(url.split('#')[0]);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Map(crdsIn(await response.text()).map((crd) => [crd.metadata.name, crd]));
}

const local = network ? undefined : offlineCrds();
const scratch = mkdtempSync(join(tmpdir(), 'crd-import-'));
try {
  for (const entry of entries) {
    const [prefix, source] = entry.split(':=');
    let file = source;
    if (/^https?:\/\//.test(source)) {
      const available = local ?? (await download(source));
      const wanted = crdNamesOf(source).map((name) => {
        const crd = available.get(name);
        if (!crd) throw new Error(`no CRD ${name} in ${local ? crdFolder : source} for ${source}`);
        return stringify(crd);
      });
      file = join(scratch, `${prefix}.yaml`);
      writeFileSync(file, wanted.join('---\n'));
    } else if (!existsSync(source)) {
      throw new Error(`cdk8s.yaml import ${entry}: ${source} does not exist; run npm run synth first`);
    }
    const outdir = file === source ? join('lib', 'platforms', source.split('/')[1], 'imports') : join('lib', 'imports');
    execFileSync('npx', ['cdk8s', 'import', '--no-check-upgrade', '-l', 'typescript', '-o', outdir, `${prefix}:=${file}`], { stdio: 'inherit' });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
  // `cdk8s import` appends every source it was given to cdk8s.yaml; keep the file as written.
  writeFileSync('cdk8s.yaml', config);
}
