// CI's strict validation of dist/ (or kustomization/): every object through the synth's own
// validator (lib/policy/schema/validate-schemas.ts: Kubernetes 1.28 and the CRDs pinned in
// cdk8s.yaml, generated into lib/imports/schema-validators.js; CRDs dist/ defines; removed API
// versions refused). CI adds what the synth cannot rely on:
// - the generated validators must be exactly what ../shared describes (else: run npm run import);
// - a kind no pinned CRD describes is checked against its CRD in ../shared/crds, and a kind with
//   no schema at all is an error.
// Usage: node scripts/validate-dist.mjs [DIST] (SHARED_DIR defaults to ../shared)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';
import { GENERATED, generatedCode } from './generate-schema-validators.mjs';
import { loadTs } from './load-ts.mjs';
import { offlineCrds } from './pinned-crds.mjs';

helpRequested(`Usage: node scripts/validate-dist.mjs [DIST]   (DIST defaults to dist; CI also runs it on kustomization)
Validates every object of DIST strictly with the synth's own validator (Kubernetes 1.28 and the
pinned CRDs, generated into lib/imports/schema-validators.js), checks that generated code equals
what ../shared describes, and checks kinds no pinned CRD covers against ../shared/crds. SHARED_DIR
overrides ../shared. CI runs it; the synth's own schema check needs no ../shared.
Exit codes: 0 every object valid; 1 an object invalid or without a schema (listed); 2 DIST or
../shared missing.`);
oneLineErrors('validate-dist');

const dist = process.argv[2] ?? 'dist';
const shared = process.env.SHARED_DIR ?? join('..', 'shared');
if (!existsSync(dist))
  fail('validate-dist', `no folder ${dist}/ to validate; run npm run synth first, or name one: node scripts/validate-dist.mjs DIST`);
for (const needed of [join(shared, 'schemas', 'k8s-1.28', '_definitions.json'), join(shared, 'crds')]) {
  if (!existsSync(needed))
    fail(
      'validate-dist',
      `${needed} is missing: strict validation needs the pinned schemas and CRDs of ../shared, a sibling checkout beside this repository (see README "What ../shared is"); set SHARED_DIR to use another copy. npm run synth and npm test do not need it.`,
    );
}
let invalid = 0;

if ((await generatedCode()) !== readFileSync(GENERATED, 'utf8')) {
  invalid++;
  console.log(`${GENERATED}: is not what ../shared/schemas and the CRDs pinned in cdk8s.yaml describe; run npm run import`);
}

const { validateSchemas } = await loadTs('lib/policy/schema/validate-schemas.ts');
const { knownSchema } = await loadTs('lib/policy/schema/schema-registry.ts');
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const docsOf = (file) =>
  parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS())
    .filter((o) => o?.kind);
const manifest = (object, path) => ({
  path,
  apiVersion: object.apiVersion,
  kind: object.kind,
  name: object.metadata?.name,
  namespace: object.metadata?.namespace,
  object,
});

const files = walk(dist).filter((f) => f.endsWith('.yaml') && !f.endsWith('kustomization.yaml'));
const manifests = files.flatMap((file) =>
  docsOf(file).map((object) => manifest(object, `${relative('.', file)} (${object.kind} ${object.metadata?.name})`)),
);
// ../shared CRDs for kinds that are neither built in nor pinned (the pinned ones are generated code).
const extraCrds = [...offlineCrds().values()]
  .filter((crd) => crd.spec.versions.every((v) => !knownSchema(`${crd.spec.group}/${v.name}`, crd.spec.names.kind)))
  .map((crd) => manifest(crd, `../shared/crds (${crd.metadata.name})`));

const result = validateSchemas(manifests, { extraCrds });
for (const error of result.errors) console.log(error.message);
for (const m of result.unvalidated) console.log(`${m.path}: no schema for ${m.apiVersion}/${m.kind}`);
invalid += result.errors.length + result.unvalidated.length;
const by = [...result.validated]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([source, n]) => `${n} against ${source}`)
  .join(', ');
console.log(`strict schema validation of ${dist}/: ${manifests.length} objects, ${result.validatedCount} validated (${by}), ${invalid} invalid`);
process.exitCode = invalid > 0 ? 1 : 0;
