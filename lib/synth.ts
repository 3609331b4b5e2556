import { App } from 'cdk8s';
import { collectPlatforms } from './gitops/collect';
import { layoutDist } from './gitops/layout';
import { publishGitOps, PublishOptions } from './gitops/publish';
import { runPolicies } from './policy/run-policies';

export interface SynthSummary {
  readonly platforms: readonly { readonly name: string; readonly objects: number }[];
  readonly objects: number;
  readonly files: number;
}

/**
 * app -> checked objects -> files -> dist/ and the Flux entry points beside it. Any error
 * (construct validation, policy, shrink guard, write) throws before the swap, so `outdir` keeps
 * its previous content.
 */
export function synthesize(app: App, outdir: string, options: PublishOptions = {}): SynthSummary {
  const platforms = collectPlatforms(app);
  if (platforms.length === 0) throw new Error('the app defines no platform; refusing to replace dist/ with nothing');
  runPolicies(platforms);
  const files = layoutDist(platforms);
  publishGitOps(app, outdir, platforms, files, options);
  const counts = platforms.map(({ platform, layers }) => ({ name: platform.folder, objects: layers.reduce((n, l) => n + l.manifests.length, 0) }));
  return { platforms: counts, objects: counts.reduce((n, p) => n + p.objects, 0), files: files.size };
}
