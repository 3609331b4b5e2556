// The code of lib/imports/schema-validators/kubernetes-api.js: which Kubernetes versions serve each
// kind (so a kind a version does not serve is named with the versions that do), and every field that
// changed from one version to the next (so the upgrade report finds the objects a later version
// reads differently without loading that version's validators). Both come from the definitions of
// ../shared/schemas/k8s-1.NN, compared version by version.
const REF = /^#\/definitions\/(.+)$/;

function kindKeys(definition) {
  return (definition['x-kubernetes-group-version-kind'] ?? []).map((g) => `${g.group ? `${g.group}/` : ''}${g.version}/${g.kind}`);
}

/** The definition a schema stands for, following its $ref. */
function resolved(definitions, schema) {
  const ref = schema?.$ref && REF.exec(schema.$ref);
  return ref ? { name: ref[1], schema: definitions[ref[1]] ?? {} } : { name: undefined, schema: schema ?? {} };
}

/** The JSON type a schema takes, int-or-string counted as one. */
function typeOf(schema) {
  if (schema['x-kubernetes-int-or-string']) return 'integer-or-string';
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  return 'any';
}

/**
 * What a later version reads differently in one kind: fields it no longer has, fields whose type
 * changed, and fields it newly requires, found by walking both versions' schemas from the kind's
 * root (a definition that refers to itself is walked once per path).
 */
function fieldChanges(before, after, oldSchema, newSchema, field, seen, out) {
  const old = resolved(before, oldSchema);
  const now = resolved(after, newSchema);
  const pair = `${old.name}|${now.name}`;
  if (old.name && now.name && seen.has(pair)) return;
  const inner = old.name && now.name ? new Set([...seen, pair]) : seen;
  const [oldType, newType] = [typeOf(old.schema), typeOf(now.schema)];
  if (oldType !== newType && oldType !== 'any' && newType !== 'any') {
    out.push({ field, change: 'retyped', detail: `${oldType} -> ${newType}` });
    return;
  }
  const oldProps = old.schema.properties ?? {};
  const newProps = now.schema.properties ?? {};
  for (const [name, schema] of Object.entries(oldProps)) {
    const path = field ? `${field}.${name}` : name;
    if (!(name in newProps)) out.push({ field: path, change: 'removed' });
    else fieldChanges(before, after, schema, newProps[name], path, inner, out);
  }
  const required = new Set(old.schema.required ?? []);
  for (const name of now.schema.required ?? []) {
    if (!required.has(name) && name in oldProps) out.push({ field: field ? `${field}.${name}` : name, change: 'required' });
  }
  if (old.schema.items && now.schema.items) fieldChanges(before, after, old.schema.items, now.schema.items, `${field}[]`, inner, out);
  const [oldMap, newMap] = [old.schema.additionalProperties, now.schema.additionalProperties];
  if (oldMap && newMap && typeof oldMap === 'object' && typeof newMap === 'object')
    fieldChanges(before, after, oldMap, newMap, `${field}{}`, inner, out);
}

/** kubernetes-api.js: `served` and `changes` as the KubernetesApi type of index.d.ts describes them. */
export function kubernetesApiCode(kubernetes, header) {
  const served = {};
  const kindsAt = kubernetes.map(({ version, definitions }) => {
    const kinds = new Map();
    for (const [name, definition] of Object.entries(definitions.definitions)) for (const key of kindKeys(definition)) kinds.set(key, name);
    for (const key of kinds.keys()) served[key] = [served[key]?.[0] ?? version, version];
    return { version, definitions: definitions.definitions, kinds };
  });
  // A kind served, dropped and served again would need a list, not a range: none is, and the check says so.
  for (const [key, [first, last]] of Object.entries(served)) {
    const gap = kindsAt.find(({ version, kinds }) => compareVersions(version, first) > 0 && compareVersions(version, last) < 0 && !kinds.has(key));
    if (gap) throw new Error(`${key} is served in ${first} and ${last} but not in ${gap.version}: kubernetes-api.js cannot say so`);
  }
  const changes = [];
  for (let i = 1; i < kindsAt.length; i++) {
    const [before, after] = [kindsAt[i - 1], kindsAt[i]];
    for (const [key, name] of [...after.kinds].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const oldName = before.kinds.get(key);
      if (!oldName) continue;
      const found = [];
      fieldChanges(
        before.definitions,
        after.definitions,
        { $ref: `#/definitions/${oldName}` },
        { $ref: `#/definitions/${name}` },
        '',
        new Set(),
        found,
      );
      for (const change of found) changes.push({ version: after.version, kind: key, ...change });
    }
  }
  const sortedServed = Object.fromEntries(Object.entries(served).sort(([a], [b]) => (a < b ? -1 : 1)));
  return [
    header,
    '// Which Kubernetes versions serve each kind, and the fields that changed from one version to the next.',
    '"use strict";',
    `exports.served = ${JSON.stringify(sortedServed, null, 0).replace(/\],"/g, '],\n"')};`,
    `exports.changes = [\n${changes.map((c) => JSON.stringify(c)).join(',\n')}\n];`,
    '',
  ].join('\n');
}

function compareVersions(a, b) {
  return Number(a.split('.')[1]) - Number(b.split('.')[1]);
}
