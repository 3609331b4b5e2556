import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * lib/ is a package whose layers point one way (docs/using-the-library.md): a folder may import
 * only from folders of a lower rank, never from a sibling of the same rank, and nothing in lib/
 * reaches outside lib/. Generated CRD code (lib/imports) sits at the bottom with core.
 */
const RANK: Record<string, number> = {
  core: 0,
  imports: 0,
  placement: 1,
  storage: 2,
  scaling: 2,
  crds: 2,
  workloads: 3,
  security: 4,
  ingress: 5,
  monitoring: 5,
  addons: 5,
  policy: 6,
  flux: 7,
  output: 8,
  docs: 9,
  changes: 9,
  publish: 10,
  pipeline: 11,
  cli: 12,
  '(index)': 13,
};

const LIB = resolve(__dirname, '../../lib');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative imports of a file (`from '...'`, `import('...')`, `export ... from '...'`). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)'(\.{1,2}\/[^']*)'/g)].map((m) => m[1]);
}

/** The top folder of lib/ a path is in; files directly in lib/ are the package's entry. */
function folderOf(path: string): string {
  const rel = relative(LIB, path);
  return rel.includes(sep) ? rel.split(sep)[0] : '(index)';
}

/** Every import that runs against the order, as `file -> target (why)`. */
export function layerViolations(sources: readonly { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of sources) {
    const from = folderOf(file);
    for (const spec of relativeImports(text)) {
      const target = resolve(dirname(file), spec);
      const where = `${relative(LIB, file)} -> ${spec}`;
      if (!target.startsWith(LIB + sep)) {
        found.push(`${where} (reaches outside lib/)`);
        continue;
      }
      const to = folderOf(target);
      if (to === from) continue;
      if (!(from in RANK) || !(to in RANK)) found.push(`${where} (folder without a rank: add it to RANK)`);
      else if (RANK[to] >= RANK[from])
        found.push(`${where} (${from} may not import ${to}: ${RANK[to] === RANK[from] ? 'siblings' : 'a higher layer'})`);
    }
  }
  return found;
}

describe('lib/ layers', () => {
  const sources = sourceFiles(LIB).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  test('every import points down the layer order, and nothing reaches outside lib/', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(layerViolations(sources)).toEqual([]);
  });

  test('the check names a backwards import, a sibling import, an import from outside lib/ and one platform using another', () => {
    const at = (path: string, text: string) => ({ file: join(LIB, path), text });
    expect(
      layerViolations([
        at('workloads/pod.ts', "import { declareException } from '../policy/exceptions';"),
        at('ingress/istio.ts', "import { WorkloadMonitor } from '../monitoring/service-monitor';"),
        at('storage/snapshot-class.ts', "import { VolumeSnapshotClass } from '../../imports/volumesnapshotclass';"),
        at('output/collect.ts', "import { Manifest } from '../core/manifest';\nexport { x } from './layout';"),
      ]),
    ).toEqual([
      'workloads/pod.ts -> ../policy/exceptions (workloads may not import policy: a higher layer)',
      'ingress/istio.ts -> ../monitoring/service-monitor (ingress may not import monitoring: siblings)',
      'storage/snapshot-class.ts -> ../../imports/volumesnapshotclass (reaches outside lib/)',
    ]);
  });
});

const ROOT = resolve(__dirname, '../..');

/**
 * The application (platforms/, main.ts) is one consumer of the package: it imports lib/ only
 * through lib/index.ts, as another team imports 'k8s-platforms', and one platform never imports
 * another (shared code belongs in lib/).
 */
export function applicationViolations(sources: readonly { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of sources) {
    for (const spec of relativeImports(text)) {
      const target = resolve(dirname(file), spec);
      const where = `${relative(ROOT, file)} -> ${spec}`;
      if (target.startsWith(LIB + sep)) found.push(`${where} (reaches inside lib/: import from its index, the package's public API)`);
      const [fromPlatform, toPlatform] = [file, target].map((p) => relative(join(ROOT, 'platforms'), p).split(sep));
      if (
        fromPlatform.length > 1 &&
        toPlatform.length > 1 &&
        !fromPlatform[0].startsWith('..') &&
        !toPlatform[0].startsWith('..') &&
        fromPlatform[0] !== toPlatform[0]
      ) {
        found.push(`${where} (one platform imports another)`);
      }
    }
  }
  return found;
}

describe('the application uses the package as another team would', () => {
  const sources = [...sourceFiles(join(ROOT, 'platforms')), join(ROOT, 'main.ts')].map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  test('platforms/ and main.ts import lib/ only through lib/index.ts, and no platform imports another', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(applicationViolations(sources)).toEqual([]);
  });

  test('the check names a deep import into lib/ and one platform using another', () => {
    const at = (path: string, text: string) => ({ file: join(ROOT, path), text });
    expect(
      applicationViolations([
        at('platforms/web-terminal/pools.ts', "import { pools } from '../archiverse/pools';\nimport { NodePool } from '../../lib';"),
        at('platforms/archiverse/archiverse.ts', "import { WebService } from '../../lib/workloads/web-service';"),
      ]),
    ).toEqual([
      'platforms/web-terminal/pools.ts -> ../archiverse/pools (one platform imports another)',
      "platforms/archiverse/archiverse.ts -> ../../lib/workloads/web-service (reaches inside lib/: import from its index, the package's public API)",
    ]);
  });
});
