import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * lib/ is a package whose layers point one way (README "What is where"): a folder may import
 * only from folders of a lower rank, never from a sibling of the same rank, and nothing in lib/
 * reaches outside lib/. Generated CRD code (lib/imports) sits at the bottom with core.
 */
const RANK: Record<string, number> = {
  core: 0, imports: 0,
  placement: 1,
  storage: 2, scaling: 2, crds: 2,
  workloads: 3,
  security: 4,
  ingress: 5, monitoring: 5, addons: 5,
  policy: 6,
  gitops: 7,
  platforms: 8,
  '(index)': 9,
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
      if (to === from) {
        if (from === 'platforms' && relative(LIB, file).split(sep).length > 2) {
          const [own, other] = [relative(LIB, file).split(sep)[1], relative(LIB, target).split(sep)[1]];
          if (own !== other) found.push(`${where} (one platform imports another)`);
        }
        continue;
      }
      if (!(from in RANK) || !(to in RANK)) found.push(`${where} (folder without a rank: add it to RANK)`);
      else if (RANK[to] >= RANK[from]) found.push(`${where} (${from} may not import ${to}: ${RANK[to] === RANK[from] ? 'siblings' : 'a higher layer'})`);
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
    expect(layerViolations([
      at('workloads/pod.ts', "import { declareException } from '../policy/exceptions';"),
      at('ingress/istio.ts', "import { WorkloadMonitor } from '../monitoring/service-monitor';"),
      at('storage/snapshot-class.ts', "import { VolumeSnapshotClass } from '../../imports/volumesnapshotclass';"),
      at('platforms/web-terminal/pools.ts', "import { pools } from '../archiverse/pools';"),
      at('gitops/collect.ts', "import { Manifest } from '../core/manifest';\nexport { x } from './layer';"),
    ])).toEqual([
      'workloads/pod.ts -> ../policy/exceptions (workloads may not import policy: a higher layer)',
      'ingress/istio.ts -> ../monitoring/service-monitor (ingress may not import monitoring: siblings)',
      'storage/snapshot-class.ts -> ../../imports/volumesnapshotclass (reaches outside lib/)',
      'platforms/web-terminal/pools.ts -> ../archiverse/pools (one platform imports another)',
    ]);
  });
});
