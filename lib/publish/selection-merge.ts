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
  dirs: { readonly dist: string; readonly entryPoints: string; readonly report: string; readonly sarif: string; readonly junit: string },
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
    sarif: mergedSarif(dirs.sarif, trees.sarif),
    junit: mergedJunit(dirs.junit, trees.junit),
  };
}

/** The SARIF file with the chosen builds' runs replaced (a run per build, by its automationDetails.id). */
function mergedSarif(file: string, fresh: string): string {
  if (!existsSync(file)) return fresh;
  type Run = { automationDetails?: { id?: string } };
  let old: { runs: Run[] };
  try {
    old = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(old.runs)) return fresh;
  } catch {
    return fresh;
  }
  const next = JSON.parse(fresh) as { runs: Run[] };
  const byId = new Map(next.runs.map((r) => [r.automationDetails?.id, r]));
  const merged = old.runs.map((r) => byId.get(r.automationDetails?.id) ?? r);
  for (const r of next.runs) if (!old.runs.some((o) => o.automationDetails?.id === r.automationDetails?.id)) merged.push(r);
  return `${JSON.stringify({ ...old, ...next, runs: merged }, null, 2)}\n`;
}

/** The JUnit file with the chosen builds' test suites replaced (one `<testsuite name="<build>">` block each, as junitFile writes). */
function mergedJunit(file: string, fresh: string): string {
  if (!existsSync(file)) return fresh;
  const suites = (text: string) =>
    new Map([...text.matchAll(/^ {2}<testsuite name="([^"]*)"[\s\S]*?^ {2}<\/testsuite>$/gm)].map((m) => [m[1], m[0]]));
  const old = suites(readFileSync(file, 'utf8'));
  const next = suites(fresh);
  if (old.size === 0) return fresh;
  const merged = [...old].map(([name, block]) => next.get(name) ?? block);
  for (const [name, block] of next) if (!old.has(name)) merged.push(block);
  const head = fresh.slice(0, fresh.indexOf('  <testsuite'));
  return `${head}${merged.join('\n')}\n</testsuites>\n`;
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
