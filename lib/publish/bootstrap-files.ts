import { parse } from 'yaml';
import { FileTree, readTree } from '../output/file-tree';
import { BOOTSTRAP_FOLDER } from '../flux/flux-entry-point';
import { DistFiles } from '../output/file-tree';
import { kustomization, kustomizationPath, parseDistPath } from '../output/layout';

/**
 * The entry-points tree with the files bootstrap wrote kept as they are on disk: every
 * `<folder>/flux-system/` of `onDisk` (the kustomization/ folder, or its files as already read)
 * is carried over (the synth never deletes them), and a folder the synth writes lists it first
 * in its kustomization.yaml, so Flux keeps managing itself from Git.
 */
export function withBootstrapFiles(onDisk: string | FileTree, tree: DistFiles): DistFiles {
  const files = typeof onDisk === 'string' ? readTree(onDisk) : onDisk;
  const kept = [...files.keys()].filter((f) => parseDistPath(f).layer === BOOTSTRAP_FOLDER);
  if (kept.length === 0) return tree;
  const result: DistFiles = new Map(tree);
  for (const file of kept) result.set(file, files.get(file)!);
  for (const folder of new Set(kept.map((f) => parseDistPath(f).platform))) {
    const own = result.get(kustomizationPath(folder));
    if (own === undefined || !result.has(kustomizationPath(folder, BOOTSTRAP_FOLDER))) continue;
    const resources: string[] = parse(own).resources ?? [];
    if (!resources.includes(BOOTSTRAP_FOLDER)) result.set(kustomizationPath(folder), kustomization([BOOTSTRAP_FOLDER, ...resources]));
  }
  return result;
}
