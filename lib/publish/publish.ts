import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withBootstrapFiles } from './bootstrap-files';
import { recover, removeLeftover, rollForward, stage, swapFolders, swapIn, swapOut, SwapContent, swapTarget, UnswappableError } from './dist-swap';
import { ENTRY_POINTS_PATH } from '../flux/flux-entry-point';
import { baselineOf } from './committed-tree';
import { removalErrors } from './shrink-guard';
import { PublishError } from './publish-error';
import { SynthTrees } from '../output/file-tree';
import { withUnselectedBuilds } from './selection-merge';
import { JUNIT_FILE, SARIF_FILE } from '../output/findings-files';

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

/** The findings in SARIF and JUnit XML sit beside the report (lib/output/findings-files.ts). */
export function sarifPath(outdir: string): string {
  return join(dirname(outdir), SARIF_FILE);
}
export function junitPath(outdir: string): string {
  return join(dirname(outdir), JUNIT_FILE);
}

/**
 * The journal of a publish, beside dist/: written (and flushed to disk) once all three are
 * staged, removed once all three are swapped in. While it exists the publish is decided, and
 * the next run completes it rather than undoing it.
 */
export function journalPath(outdir: string): string {
  return join(dirname(outdir), '.synth-journal');
}

/** A publish: done, or refused before anything was written (the shrink guard, an unswappable target). */
export type PublishResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly Error[] };

/**
 * The one step that writes: dist/, kustomization/ and policy-report.json, which change together
 * or not at all, keeping the files `flux bootstrap` wrote under kustomization/ (bootstrap-files.ts).
 * What an interrupted run left is recovered first; then the shrink guard may refuse; then all three are staged
 * and checked (dist-swap.ts), the journal is written, and
 * each is swapped in. A failure while staging changes none of them; a failure while swapping
 * puts the old ones back; a kill while swapping is completed by the next run (recoverPublish).
 * Run it under the synth lock.
 */
export function publish(
  output: { readonly trees: SynthTrees; readonly selection?: readonly string[] },
  outdir: string,
  options: PublishOptions = {},
): PublishResult {
  let targets: string[];
  try {
    targets = publishTargets(outdir);
  } catch (error) {
    if (error instanceof UnswappableError) return { ok: false, errors: [error] };
    throw error;
  }
  const recovered = recoverPublish(outdir);
  // A synth of some builds replaces their folders only (read after recovery: the tree on disk is whole).
  const trees = output.selection
    ? withUnselectedBuilds(output.trees, output.selection, {
        dist: outdir,
        entryPoints: entryPointsDir(outdir),
        report: reportPath(outdir),
        sarif: sarifPath(outdir),
        junit: junitPath(outdir),
      })
    : output.trees;
  const contents: SwapContent[] = [trees.dist, trees.entryPoints, trees.report, trees.sarif, trees.junit];
  // What `flux bootstrap` wrote under kustomization/ stays (read after recovery, from the committed tree).
  contents[1] = withBootstrapFiles(entryPointsDir(outdir), trees.entryPoints);
  const refused = removalErrors(baselineOf(outdir), trees.dist, options.allowRemoval ?? []);
  // "Left unchanged" must not hide that the recovery itself completed an earlier publish.
  if (refused.length > 0) return { ok: false, errors: recovered ? [new Error(`first ${recovered}`), ...refused] : refused };
  targets.forEach((target, i) => stage(target, contents[i]));
  swapAll(journalPath(outdir), targets);
  return { ok: true };
}

/** Where dist/, kustomization/, the report and its SARIF and JUnit files are really swapped (a symlink's target; a mount point refused). */
export function publishTargets(outdir: string): string[] {
  return [outdir, entryPointsDir(outdir), reportPath(outdir), sarifPath(outdir), junitPath(outdir)].map(swapTarget);
}

/**
 * Puts dist/, kustomization/ and the report of `outdir` in a consistent state after a run that
 * was killed or failed: a publish its journal says was decided is completed, anything else an
 * interrupted run left is removed and the old content kept. Returns what it did, for a message.
 */
export function recoverPublish(outdir: string): string | undefined {
  const journal = journalPath(outdir);
  removeLeftover(temporaryOf(journal)); // killed while writing the journal: nothing was decided
  let done: string | undefined;
  if (existsSync(journal)) {
    const decided: string[] = JSON.parse(readFileSync(journal, 'utf8'));
    decided.forEach(rollForward);
    unlinkSync(journal);
    done = `completed the publish of ${decided.join(', ')} that an interrupted synth had begun`;
  }
  for (const target of publishTargets(outdir)) recover(target);
  return done;
}

/** Swaps every staged target in, under the journal; puts the old ones back if a rename fails. */
function swapAll(journal: string, targets: readonly string[]): void {
  writeDurably(journal, JSON.stringify(targets));
  const swapped: [string, boolean][] = [];
  try {
    for (const target of targets) swapped.push([target, swapIn(target)]);
  } catch (error) {
    const cause = (error as Error).message;
    try {
      // The one that failed may be half-swapped: undo it too.
      const failed = targets[swapped.length];
      swapOut(failed, existsSync(swapFolders(failed).previous));
      for (const [target, hadOld] of swapped.reverse()) swapOut(target, hadOld);
      unlinkSync(journal);
      targets.forEach(recover);
    } catch (undoError) {
      throw new PublishError(
        `publishing was interrupted: ${swapped.map(([t]) => t).join(', ') || 'none'} new, the rest old; the next synth completes the publish (${journal} records it). Swapping in ${targets[swapped.length]} failed: ${cause}; putting the old ones back failed: ${(undoError as Error).message}`,
        false,
      );
    }
    throw new PublishError(
      `nothing was published: ${names(targets)} are as they were. Swapping in ${targets[swapped.length]} failed: ${cause}`,
      false,
    );
  }
  try {
    for (const target of targets) removeLeftover(swapFolders(target).previous);
    unlinkSync(journal);
  } catch (error) {
    throw new PublishError(
      `${names(targets)} were published, but removing the old copies failed: ${(error as Error).message}; the next synth removes them`,
      true,
    );
  }
}

function names(targets: readonly string[]): string {
  return `${targets.slice(0, -1).join(', ')} and ${targets[targets.length - 1]}`;
}

const temporaryOf = (file: string) => `${file}.tmp`;

/** The journal must be on disk before the first rename, or a power cut could leave half a publish with no record. */
function writeDurably(file: string, text: string): void {
  const temporary = temporaryOf(file);
  writeFileSync(temporary, text);
  const fd = openSync(temporary, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
