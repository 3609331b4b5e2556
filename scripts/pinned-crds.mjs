// The upstream CRDs pinned in cdk8s.yaml's `imports:` list, read from ../shared/crds (offline) or
// downloaded (--network). Both generators use it: `cdk8s import` (lib/imports/*.ts) and the
// schema validators (lib/imports/schema-validators.js), so the two always describe the same CRDs.
// Each entry is `<prefix>:=<source>`; an upstream file named `<group>_<plural>.yaml` holds one CRD,
// a multi-CRD file names the CRDs it takes in the URL fragment (`...gen.yaml#a.example.io,b.example.io`).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// CRD_DIR names the folder itself; SHARED_DIR another copy of ../shared (as validate-dist.mjs reads it).
export const crdFolder = process.env.CRD_DIR ?? join(process.env.SHARED_DIR ?? join('..', 'shared'), 'crds');

export function crdsIn(text) {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS())
    .filter((crd) => crd?.kind === 'CustomResourceDefinition');
}

/** Every CRD in ../shared/crds by name. */
export function offlineCrds(folder = crdFolder) {
  const byName = new Map();
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    for (const crd of crdsIn(readFileSync(join(folder, file), 'utf8'))) byName.set(crd.metadata.name, crd);
  }
  return byName;
}

export function crdNamesOf(url) {
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

/** cdk8s.yaml's entries: { prefix, source, crds } (crds only for upstream URLs; a local path has none). */
export async function pinnedImports({ network = false } = {}) {
  const entries = parse(readFileSync('cdk8s.yaml', 'utf8')).imports ?? [];
  const local = network ? undefined : offlineCrds();
  const out = [];
  for (const entry of entries) {
    const [prefix, source] = entry.split(':=');
    if (!/^https?:\/\//.test(source)) {
      out.push({ prefix, source, crds: undefined });
      continue;
    }
    const available = local ?? (await download(source));
    const crds = crdNamesOf(source).map((name) => {
      const crd = available.get(name);
      if (!crd) throw new Error(`no CRD ${name} in ${local ? crdFolder : source} for ${source}`);
      return crd;
    });
    out.push({ prefix, source, crds });
  }
  return out;
}
