// Regenerates imports/ from the `imports:` list of cdk8s.yaml.
// Offline (default): each URL names an upstream file `<group>_<plural>.yaml` holding one CRD;
// the same CRD, byte for byte, is a document of a file in ../shared/crds, which we hand to
// `cdk8s import` through a temporary file (the CRD files themselves never enter the project).
// With --network: the URLs are handed to `cdk8s import` as they are.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';

const network = process.argv.includes('--network');
const crdFolder = process.env.CRD_DIR ?? join('..', 'shared', 'crds');
const config = readFileSync('cdk8s.yaml', 'utf8');
const entries = parse(config).imports ?? [];

function offlineCrds() {
  const byName = new Map();
  for (const file of readdirSync(crdFolder).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(readFileSync(join(crdFolder, file), 'utf8'))) {
      const crd = doc.toJS();
      if (crd?.kind === 'CustomResourceDefinition') byName.set(crd.metadata.name, crd);
    }
  }
  return byName;
}

function crdNameOf(url) {
  const match = /^([a-z0-9.-]+)_([a-z0-9-]+)\.yaml$/.exec(basename(url));
  if (!match) throw new Error(`cdk8s.yaml import ${url}: expected a file named <group>_<plural>.yaml`);
  return `${match[2]}.${match[1]}`;
}

const crds = network ? undefined : offlineCrds();
const scratch = mkdtempSync(join(tmpdir(), 'crd-import-'));
try {
  for (const entry of entries) {
    const [prefix, url] = entry.split(':=');
    let source = url;
    if (!network) {
      const crd = crds.get(crdNameOf(url));
      if (!crd) throw new Error(`no CRD ${crdNameOf(url)} in ${crdFolder} for ${url}`);
      source = join(scratch, `${prefix}.yaml`);
      writeFileSync(source, stringify(crd));
    }
    execFileSync('npx', ['cdk8s', 'import', '--no-check-upgrade', '-l', 'typescript', '-o', 'imports', `${prefix}:=${source}`], { stdio: 'inherit' });
  }
} finally {
  writeFileSync('cdk8s.yaml', config); // `cdk8s import` appends the temporary paths to cdk8s.yaml
  rmSync(scratch, { recursive: true, force: true });
}
