import { dirname, join } from 'node:path';
import { withBootstrapFiles } from './bootstrap-files';
import { commit, recover, stage } from './dist-swap';
import { ENTRY_POINTS_PATH } from './flux-entry-point';
import { baselineOf } from './committed-tree';
import { removalErrors } from './shrink-guard';
import { SynthOutput, SynthRefusal } from './synth';

export interface PublishOptions {
  /**
   * What may leave dist/ beyond what the shrink guard lets through: platform folders (everything
   * they lose) or object identities (`<platform>/<Kind>/<namespace>/<name>`).
   * @default []
   */
  readonly allowRemoval?: readonly string[];
}

/** kustomization/ sits beside dist/, as in the repository (so a test's temporary dist/ gets its own). */
export function entryPointsDir(outdir: string): string {
  return join(dirname(outdir), ENTRY_POINTS_PATH);
}

/** The report sits beside dist/ too, outside what Flux applies. */
export function reportPath(outdir: string): string {
  return join(dirname(outdir), 'policy-report.json');
}

/**
 * The one step that writes: dist/, kustomization/ and policy-report.json, each by the checked
 * swap (dist-swap.ts), keeping the files `flux bootstrap` wrote under kustomization/ (bootstrap-files.ts).
 * What an interrupted run left is recovered first; then the shrink guard
 * may refuse; then all three are staged and read back, and only when all three are staged are
 * they swapped in, so a failed write changes none of them. Run it under the synth lock.
 */
export function publish(output: SynthOutput, outdir: string, options: PublishOptions = {}): { readonly ok: true } | SynthRefusal {
  const targets: [string, ReadonlyMap<string, string> | string][] = [
    [outdir, output.trees.dist],
    [entryPointsDir(outdir), output.trees.entryPoints],
    [reportPath(outdir), output.trees.report],
  ];
  for (const [target] of targets) recover(target);
  // What `flux bootstrap` wrote under kustomization/ stays (read after recovery, from the committed tree).
  targets[1][1] = withBootstrapFiles(entryPointsDir(outdir), output.trees.entryPoints);
  const refused = removalErrors(baselineOf(outdir), output.trees.dist, options.allowRemoval ?? []);
  if (refused.length > 0) return { ok: false, errors: refused };
  for (const [target, content] of targets) stage(target, content);
  for (const [target] of targets) commit(target);
  return { ok: true };
}
