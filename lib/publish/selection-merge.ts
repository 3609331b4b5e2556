import { existsSync, readFileSync } from 'node:fs';
import { DistFiles, FileTree, readTree, SynthTrees } from '../output/file-tree';
import { parseDistPath } from '../output/layout';

/**
 * The trees a synth of some builds publishes: the chosen builds' folders as synthesized, every
 * other folder as it is on disk, so `--platform x` replaces x and nothing else. The entry points'
 * README is the new one (it describes every build); the report keeps the other builds' entries
 * in their place and replaces the chosen ones'.
 */
export function withUnselectedBuilds(
  trees: SynthTrees,
  selection: readonly string[],
  dirs: { readonly dist: string; readonly entryPoints: string; readonly report: string },
  onDisk?: { readonly dist: FileTree; readonly entryPoints: FileTree },
): SynthTrees {
  const chosen = new Set(selection);
  const keep = (dir: string, fresh: DistFiles, read?: FileTree): DistFiles => {
    const kept = [...(read ?? readTree(dir))].filter(([path]) => path.includes('/') && !chosen.has(parseDistPath(path).platform) && !fresh.has(path));
    return new Map([...kept, ...fresh].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };
  return {
    ...trees,
    dist: keep(dirs.dist, trees.dist, onDisk?.dist),
    entryPoints: keep(dirs.entryPoints, trees.entryPoints, onDisk?.entryPoints),
    report: mergedReport(dirs.report, trees.report),
  };
}

interface NamedEntries {
  readonly platforms: readonly { readonly name: string }[];
}

function mergedReport(file: string, fresh: string): string {
  if (!existsSync(file)) return fresh;
  let old: NamedEntries;
  try {
    old = JSON.parse(readFileSync(file, 'utf8')) as NamedEntries;
    if (!Array.isArray(old.platforms)) return fresh;
  } catch {
    return fresh; // not a report we wrote: the chosen builds' report replaces it
  }
  const next = JSON.parse(fresh) as NamedEntries;
  const byName = new Map(next.platforms.map((p) => [p.name, p]));
  const merged = old.platforms.map((p) => byName.get(p.name) ?? p);
  for (const p of next.platforms) if (!old.platforms.some((o) => o.name === p.name)) merged.push(p);
  return `${JSON.stringify({ ...old, platforms: merged }, null, 2)}\n`;
}
