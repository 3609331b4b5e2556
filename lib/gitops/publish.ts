import { dirname, join } from 'node:path';
import { Construct } from 'constructs';
import { PlatformManifests } from './collect';
import { replaceDirectory } from './dist-swap';
import { layoutEntryPoints } from './entry-points';
import { ENTRY_POINTS_PATH } from './flux-entry-point';
import { GitSource } from './git-source';
import { DistFiles } from './layout';
import { checkShrink } from './shrink-guard';

export interface PublishOptions {
  /**
   * Let a platform lose more than MAX_SHRINK_FRACTION of its objects, or all of them.
   * @default false
   */
  readonly allowShrink?: boolean;
}

/** kustomization/ sits beside dist/, as in the repository (so a test's temporary dist/ gets its own). */
export function entryPointsDir(outdir: string): string {
  return join(dirname(outdir), ENTRY_POINTS_PATH);
}

/**
 * Checks, then writes both trees Flux reads: dist/ and the entry points in kustomization/.
 * Everything that can refuse (the shrink guard, building the entry points) runs before the
 * first swap; each tree then changes only by a complete, checked swap (dist-swap.ts).
 */
export function publishGitOps(app: Construct, outdir: string, platforms: readonly PlatformManifests[], dist: DistFiles, options: PublishOptions = {}): { entryPoints: number } {
  const counts = new Map(platforms.map(({ platform, layers }) => [platform.folder, layers.reduce((n, l) => n + l.manifests.length, 0)]));
  checkShrink(outdir, counts, options.allowShrink ?? false);
  const entries = layoutEntryPoints(platforms, GitSource.of(app));
  replaceDirectory(outdir, dist);
  replaceDirectory(entryPointsDir(outdir), entries);
  return { entryPoints: platforms.length };
}
