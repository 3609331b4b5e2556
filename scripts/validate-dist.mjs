// CI's strict validation of dist/, kubeconform-style: every object against the Kubernetes 1.28
// definitions in ../shared/schemas, every custom resource against its CRD in ../shared/crds (or one
// dist/ itself defines); an unknown field, an invalid value or a kind without a schema is an error.
// The strictness rules are lib/policy/schema/strict-openapi.ts, the same the synth uses.
// Usage: node scripts/validate-dist.mjs [DIST] (SHARED_DIR defaults to ../shared)
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: node scripts/validate-dist.mjs [DIST]   (DIST defaults to dist; CI also runs it on kustomization)
Validates every object of DIST strictly (unknown fields rejected) against the Kubernetes 1.28
schemas in ../shared/schemas and the CRDs in ../shared/crds or DIST itself. SHARED_DIR overrides
../shared. CI runs it; the synth's own schema check needs no ../shared.
Exit codes: 0 every object valid; 1 an object invalid or without a schema (listed); 2 DIST or
../shared missing.`);
oneLineErrors('validate-dist');

const dist = process.argv[2] ?? 'dist';
const shared = process.env.SHARED_DIR ?? join('..', 'shared');

/** A TypeScript module of lib/, bundled into build/ (where node_modules resolves) and imported. */
async function loadTs(path) {
  const scratch = mkdtempSync(join('build', 'validate-dist-'));
  try {
    const outfile = join(scratch, 'module.cjs');
    await build({ entryPoints: [path], outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (!existsSync(dist)) fail('validate-dist', `no folder ${dist}/ to validate; run npm run synth first, or name one: node scripts/validate-dist.mjs DIST`);
for (const needed of [join(shared, 'schemas', 'k8s-1.28', '_definitions.json'), join(shared, 'crds')]) {
  if (!existsSync(needed)) fail('validate-dist', `${needed} is missing: strict validation needs the pinned schemas and CRDs of ../shared, a sibling checkout beside this repository (see README "What ../shared is"); set SHARED_DIR to use another copy. npm run synth and npm test do not need it.`);
}
mkdirSync('build', { recursive: true });
const { strictOpenApi, AJV_OPTIONS } = await loadTs('lib/policy/schema/strict-openapi.ts');
const { withObjectRoot } = await loadTs('lib/policy/schema/crd-schemas.ts');
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const docsOf = (file) => parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter((o) => o?.kind);

const ajv = new Ajv(AJV_OPTIONS);
const definitions = JSON.parse(readFileSync(join(shared, 'schemas', 'k8s-1.28', '_definitions.json'), 'utf8'));
ajv.addSchema({ $id: 'k8s', ...strictOpenApi(definitions) });
const schemas = new Map(); // "<group>/<version>/<kind>" -> { source, validate }
for (const [name, def] of Object.entries(definitions.definitions)) {
  for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
    const key = `${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`;
    schemas.set(key, { source: 'k8s-1.28', schema: { $ref: `k8s#/definitions/${name}` } });
  }
}
const objects = walk(dist).filter((f) => f.endsWith('.yaml') && !f.endsWith('kustomization.yaml')).flatMap((file) => docsOf(file).map((object) => ({ file, object })));
const crds = [
  ...readdirSync(join(shared, 'crds')).filter((f) => f.endsWith('.yaml')).flatMap((f) => docsOf(join(shared, 'crds', f))),
  ...objects.map((o) => o.object),
].filter((o) => o.kind === 'CustomResourceDefinition');
for (const crd of crds) {
  for (const version of crd.spec.versions) {
    // A custom resource's metadata is an ObjectMeta, whatever the CRD's schema says.
    const root = withObjectRoot(version.schema.openAPIV3Schema);
    const schema = { ...strictOpenApi(root), properties: { ...strictOpenApi(root).properties, metadata: { $ref: 'k8s#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' } } };
    schemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, { source: `CRD ${crd.metadata.name}`, schema });
  }
}

const counts = new Map();
let invalid = 0;
for (const { file, object } of objects) {
  const key = `${object.apiVersion}/${object.kind}`;
  const found = schemas.get(key);
  const where = `${relative('.', file)} (${object.kind} ${object.metadata?.name})`;
  if (!found) {
    invalid++;
    console.log(`${where}: no schema for ${key}`);
    continue;
  }
  found.validate ??= ajv.compile(found.schema);
  counts.set(found.source.startsWith('CRD') ? 'CRDs' : found.source, (counts.get(found.source.startsWith('CRD') ? 'CRDs' : found.source) ?? 0) + 1);
  if (!found.validate(object)) {
    invalid++;
    for (const e of found.validate.errors) console.log(`${where}: ${e.instancePath || '/'} ${e.message}${e.params.additionalProperty ? ` "${e.params.additionalProperty}"` : ''}`);
  }
}
const by = [...counts].map(([source, n]) => `${n} against ${source}`).join(', ');
const validated = [...counts.values()].reduce((a, b) => a + b, 0);
console.log(`strict schema validation of ${dist}/: ${objects.length} objects, ${validated} validated (${by}), ${invalid} invalid`);
process.exitCode = invalid > 0 ? 1 : 0;
