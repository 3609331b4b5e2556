import { App } from 'cdk8s';
import { collectPlatforms } from './gitops/collect';
import { replaceDirectory } from './gitops/dist-swap';
import { layoutDist } from './gitops/layout';
import { verifyPlatforms, writeReport } from './policy/verify-platforms';

export interface SynthSummary {
  readonly platforms: readonly { readonly name: string; readonly objects: number }[];
  readonly objects: number;
  readonly files: number;
  /** The checks' summary table (lib/policy), for the terminal. */
  readonly checks: string;
}

/**
 * app -> checked objects -> files -> dist/, and the checks' report beside it. Any error
 * (construct validation, schema, policy, write) throws before the swap, so `outdir` keeps its
 * previous content.
 */
export function synthesize(app: App, outdir: string): SynthSummary {
  const platforms = collectPlatforms(app);
  if (platforms.length === 0) throw new Error('the app defines no platform; refusing to replace dist/ with nothing');
  const verification = verifyPlatforms(platforms);
  const files = layoutDist(platforms);
  replaceDirectory(outdir, files);
  writeReport(outdir, verification.report);
  const counts = platforms.map(({ platform, layers }) => ({ name: platform.name, objects: layers.reduce((n, l) => n + l.manifests.length, 0) }));
  return { platforms: counts, objects: counts.reduce((n, p) => n + p.objects, 0), files: files.size, checks: verification.summary };
}
