import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A tree of generated files: relative path -> content (what dist/, kustomization/ and docs/ hold). */
export type FileTree = ReadonlyMap<string, string>;

/** A tree being built: what dist/ or kustomization/ should contain. Pure, so it is easy to test. */
export type DistFiles = Map<string, string>;

/** What a synth writes, as relative path -> content: the publish step's whole input. */
export interface SynthTrees {
  readonly dist: DistFiles;
  readonly entryPoints: DistFiles;
  /** policy-report.json. */
  readonly report: string;
  /** policy-report.sarif and policy-report.junit.xml: the findings in standard formats (findings-files.ts). */
  readonly sarif: string;
  readonly junit: string;
  /** docs/<folder>.md per platform build (platform-docs.ts). */
  readonly docs: ReadonlyMap<string, string>;
}

/** Every file under `root`, as sorted paths relative to it; an absent folder has none. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}

/** A dist/ on disk as a tree; an absent folder is an empty tree. */
export function readTree(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(
    listFiles(dir)
      .filter((f) => !f.split('/').some((s) => s.startsWith('.')))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}
