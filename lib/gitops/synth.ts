import { App } from 'cdk8s';
import { collectPlatforms, policyInputOf } from './collect';
import { layoutDist } from './layout';
import { publishGitOps, PublishOptions } from './publish';
import { verifyPlatforms, writeReport } from '../policy/verify-platforms';

export interface SynthSummary {
  readonly platforms: readonly { readonly name: string; readonly objects: number }[];
  readonly objects: number;
  readonly files: number;
  /** The checks' summary table (lib/policy), for the terminal. */
  readonly checks: string;
}

/**
 * app -> checked objects (schema, policy) -> files -> dist/, the Flux entry points beside it, and
 * the checks' report. Any error (construct validation, schema, policy, shrink guard, write)
 * throws before the swap, so `outdir` keeps its previous content.
 */
export function synthesize(app: App, outdir: string, options: PublishOptions = {}): SynthSummary {
  const platforms = collectPlatforms(app);
  if (platforms.length === 0) throw new Error('the app defines no platform; refusing to replace dist/ with nothing');
  const verification = verifyPlatforms(platforms.map(policyInputOf));
  const files = layoutDist(platforms);
  publishGitOps(app, outdir, platforms, files, options);
  writeReport(outdir, verification.report);
  const counts = platforms.map(({ platform, layers }) => ({ name: platform.folder, objects: layers.reduce((n, l) => n + l.manifests.length, 0) }));
  return { platforms: counts, objects: counts.reduce((n, p) => n + p.objects, 0), files: files.size, checks: verification.summary };
}
