import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** A dist/ on disk as a tree; an absent folder is an empty tree. Files and folders whose name starts with a dot are left out. */
export function readTree(dir: string): Map<string, string> {
  return withoutDotFiles(readAllFiles(dir));
}

/** Every file under `dir`, dot-files too, as a tree; an absent folder is an empty tree. */
export function readAllFiles(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** The tree without the files of dot-folders and dot-files (what readTree gives). */
export function withoutDotFiles(tree: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...tree].filter(([f]) => !f.split('/').some((s) => s.startsWith('.'))));
}

/** Files operating systems leave in any folder a person browses: nobody's work, removed with the folder. */
const SYSTEM_LITTER = new Set(['.DS_Store', 'Thumbs.db']);

/** A folder on disk read for a publish: its files, and the ones that are not the synth's. */
export interface OwnedTree {
  /** Every file read (relative path -> content); complete when `foreign` is empty. */
  readonly files: Map<string, string>;
  /** Files `owns` refused, up to the walk's limit, where it stopped: the synth would delete someone's work. */
  readonly foreign: readonly string[];
  /** The path is a file (or anything else that is not a folder): nothing of it is the synth's. */
  readonly notAFolder?: boolean;
}

/**
 * Reads every file under `dir` while each is one `owns` accepts (it reads the text only when it
 * needs it); stops after `limit` files it refuses, so a folder that is not ours (a home folder)
 * is not read whole. An absent folder is empty and ours. A file whose text equals `like`'s at the
 * same path (the tree about to be written) is kept as `like`'s string: one copy in memory, not two
 * (at 10,000 fleet units dist/ is 55 MB of text).
 */
export function readOwnedTree(
  dir: string,
  owns: (path: string, text: () => string) => boolean,
  options: { readonly limit?: number; readonly like?: ReadonlyMap<string, string> } = {},
): OwnedTree {
  const { limit = 5, like } = options;
  const files = new Map<string, string>();
  const foreign: string[] = [];
  const walk = (relativeDir: string): void => {
    const entries = readdirSync(join(dir, relativeDir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (foreign.length >= limit) return;
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      let text: string | undefined;
      const read = () => (text ??= readFileSync(join(dir, path), 'utf8'));
      if (entry.isFile() && (SYSTEM_LITTER.has(entry.name) || owns(path, read))) {
        const content = read();
        const next = like?.get(path);
        files.set(path, next === content ? next : content); // equal text: keep the one string
      } else foreign.push(path);
    }
  };
  if (!existsSync(dir)) return { files, foreign };
  if (!statSync(dir).isDirectory()) return { files, foreign, notAFolder: true };
  walk('');
  return { files, foreign };
}
