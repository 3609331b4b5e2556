import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles } from './dist-swap';
import { DistFiles, kustomization } from './layout';

/** The folder `flux bootstrap --path kustomization/<folder>` writes: Flux's own components and its sync (the flux-system GitRepository and Kustomization). */
export const BOOTSTRAP_FOLDER = 'flux-system';

/**
 * The entry-points tree with the files bootstrap wrote kept as they are on disk: every
 * `<folder>/flux-system/` under `entryPointsDir` is carried over (the synth never deletes them),
 * and a folder the synth writes lists it first in its kustomization.yaml, so Flux keeps managing
 * itself from Git.
 */
export function withBootstrapFiles(entryPointsDir: string, tree: DistFiles): DistFiles {
  if (!existsSync(entryPointsDir)) return tree;
  const kept = listFiles(entryPointsDir).filter((f) => f.split('/')[1] === BOOTSTRAP_FOLDER && f.split('/').length > 2);
  if (kept.length === 0) return tree;
  const result: DistFiles = new Map(tree);
  for (const file of kept) result.set(file, readFileSync(join(entryPointsDir, file), 'utf8'));
  for (const folder of new Set(kept.map((f) => f.split('/')[0]))) {
    const own = result.get(`${folder}/kustomization.yaml`);
    if (own === undefined || !result.has(`${folder}/${BOOTSTRAP_FOLDER}/kustomization.yaml`)) continue;
    const resources: string[] = parse(own).resources ?? [];
    if (!resources.includes(BOOTSTRAP_FOLDER)) result.set(`${folder}/kustomization.yaml`, kustomization([BOOTSTRAP_FOLDER, ...resources]));
  }
  return result;
}
