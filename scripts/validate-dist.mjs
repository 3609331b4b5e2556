// CI's strict validation of dist/ (or kustomization/): every object through the synth's own
// validator (lib/policy/schema/validate-schemas.ts: each Kubernetes version of its build and the
// CRDs pinned in cdk8s.yaml, generated into lib/imports/schema-validators/; CRDs dist/ defines;
// API versions a build's versions do not serve refused). Each build folder is validated at the
// Kubernetes versions policy-report.json (beside DIST) records for it, as the synth did. CI adds
// what the synth cannot rely on:
// - the generated validators must be exactly what ../shared describes (else: run npm run import);
//   the hashes of a generation are remembered in build/ under a key of every byte it reads;
// - a kind no pinned CRD describes is checked against its CRD in ../shared/crds, and a kind with
//   no schema at all is an error.
// Usage: node scripts/validate-dist.mjs [DIST...] (SHARED_DIR defaults to ../shared)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** policy-report.json beside a dist/ (or kustomization/) folder: each build's Kubernetes versions. */
const reportOf = (dist) => join(dirname(resolve(dist)), 'policy-report.json');
import { parseAllDocuments } from 'yaml';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';
import { committedFileHashes, GENERATED, generatedFileHashes, SCHEMAS } from './generate-schema-validators.mjs';
import { loadTs } from './load-ts.mjs';
import { offlineCrds } from './pinned-crds.mjs';

helpRequested(`Usage: node scripts/validate-dist.mjs [DIST...]   (DIST defaults to dist; CI runs it on dist and kustomization)
Validates every object of each DIST strictly with the synth's own validator: each build folder at the
Kubernetes versions policy-report.json (beside DIST) records for it, and the pinned CRDs, generated
into lib/imports/schema-validators/. Checks that generated code equals what ../shared describes, and
checks kinds no pinned CRD covers against ../shared/crds. SHARED_DIR overrides ../shared. CI runs it;
the synth's own schema check needs no ../shared.
Exit codes: 0 every object valid; 1 an object invalid or without a schema (listed); 2 DIST, its
report or ../shared missing.`);
oneLineErrors('validate-dist');

const trees = process.argv.length > 2 ? process.argv.slice(2) : ['dist'];
for (const dist of trees) {
  if (!existsSync(dist))
    fail('validate-dist', `no folder ${dist}/ to validate; run npm run synth first, or name one: node scripts/validate-dist.mjs DIST`);
  if (!existsSync(reportOf(dist)))
    fail('validate-dist', `no ${relative('.', reportOf(dist))} beside ${dist}/: it records each build's Kubernetes versions; run npm run synth`);
}
for (const needed of [SCHEMAS, join(SCHEMAS, '..', 'crds')]) {
  if (!existsSync(needed))
    fail(
      'validate-dist',
      `${needed} is missing: strict validation needs the Kubernetes schemas and the pinned CRDs of ../shared, a sibling checkout beside this repository (see README "What ../shared is"); set SHARED_DIR to use another copy. npm run synth and npm test do not need it.`,
    );
}
let invalid = 0;

const expected = await generatedFileHashes();
const committed = committedFileHashes();
const stale = [...new Set([...expected.keys(), ...committed.keys()])].filter((f) => expected.get(f) !== committed.get(f)).sort();
if (stale.length > 0) {
  invalid++;
  console.log(
    `${GENERATED}/: ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''} ${stale.length === 1 ? 'is' : 'are'} not what ../shared/schemas and the CRDs pinned in cdk8s.yaml describe; run npm run import`,
  );
}

const { validateSchemas } = await loadTs('lib/policy/schema/validate-schemas.ts');
const { pinnedCrdSchema } = await loadTs('lib/policy/schema/schema-registry.ts');
const { KubernetesVersions } = await loadTs('lib/core/kubernetes-version.ts');
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

// ../shared CRDs for kinds that are not pinned (the pinned ones are generated code).
const extraCrds = [...offlineCrds().values()]
  .filter((crd) => crd.spec.versions.every((v) => !pinnedCrdSchema(`${crd.spec.group}/${v.name}`, crd.spec.names.kind)))
  .map((crd) => manifest(crd, `../shared/crds (${crd.metadata.name})`));

const validated = new Map();
let objects = 0;
let buildCount = 0;
for (const dist of trees) {
  const versionsOf = new Map(JSON.parse(readFileSync(reportOf(dist), 'utf8')).platforms.map((p) => [p.name, p.kubernetes]));
  const builds = new Map();
  for (const file of walk(dist).filter((f) => f.endsWith('.yaml') && !f.endsWith('kustomization.yaml'))) {
    const build = relative(dist, file).split(sep)[0];
    for (const object of docsOf(file)) {
      builds.set(build, [...(builds.get(build) ?? []), manifest(object, `${relative('.', file)} (${object.kind} ${object.metadata?.name})`)]);
    }
  }
  buildCount += builds.size;
  invalid += validateBuilds(dist, builds, versionsOf);
}

/** Each build folder of `dist` at its recorded versions; returns how many problems it printed. */
function validateBuilds(dist, builds, versionsOf) {
  let problems = 0;
  for (const [build, manifests] of [...builds].sort(([a], [b]) => a.localeCompare(b))) {
    objects += manifests.length;
    const recorded = versionsOf.get(build);
    if (recorded === undefined) {
      problems++;
      console.log(
        `${dist}/${build}/: no build of that name in ${relative('.', reportOf(dist))}, so its Kubernetes versions are unknown; run npm run synth`,
      );
      continue;
    }
    const result = validateSchemas(manifests, { extraCrds, kubernetes: KubernetesVersions.parse(recorded) });
    for (const error of result.errors) console.log(error.message);
    for (const m of result.unvalidated) console.log(`${m.path}: no schema for ${m.apiVersion}/${m.kind}`);
    problems += result.errors.length + result.unvalidated.length;
    for (const [source, n] of result.validated) validated.set(source, (validated.get(source) ?? 0) + n);
  }
  return problems;
}
const by = [...validated]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([source, n]) => `${n} against ${source}`)
  .join(', ');
console.log(
  `strict schema validation of ${trees.map((t) => `${t}/`).join(' and ')}: ${objects} objects in ${buildCount} build folders, validated ${by}; ${invalid} invalid`,
);
process.exitCode = invalid > 0 ? 1 : 0;
