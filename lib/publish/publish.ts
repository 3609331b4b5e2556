import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ValidationError } from '../core/errors';
import { withBootstrapFiles } from './bootstrap-files';
import {
  recover,
  removeLeftover,
  rollForward,
  rollForwardRemoval,
  sameTree,
  stage,
  swapFolders,
  swapIn,
  swapOut,
  SwapContent,
  swapTarget,
  takeOut,
  UnswappableError,
} from './dist-swap';
import { ENTRY_POINTS_PATH } from '../flux/flux-entry-point';
import { Baseline, baselineOf } from './committed-tree';
import { removalErrors } from './shrink-guard';
import { PublishError } from './publish-error';
import { FileTree, readOwnedTree, SynthTrees, withoutDotFiles } from '../output/file-tree';
import { isDistFile } from '../output/layout';
import { isEntryPointsFile } from '../output/entry-points';
import { withUnselectedBuilds } from './selection-merge';
import { docsWithLeftCopies, isDocTarget, journalDraft, journalPath, PublishStep, readJournal, writeJournal } from './publish-journal';
import { foreignDocError, foreignFolderError, foreignReportError, isGeneratedDoc, notAFolderError } from './output-ownership';
import { DOCS_PATH } from '../docs/platform-docs';

export { journalPath } from './publish-journal';
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

/** docs/ sits beside dist/, as in the repository; docs/api/ (npm run api-docs) shares it. */
export function docsDir(outdir: string): string {
  return join(dirname(outdir), DOCS_PATH);
}

/** The findings in SARIF and JUnit XML sit beside the report (lib/output/findings-files.ts). */
export function sarifPath(outdir: string): string {
  return join(dirname(outdir), SARIF_FILE);
}
export function junitPath(outdir: string): string {
  return join(dirname(outdir), JUNIT_FILE);
}

/**
 * A publish: done, with the baseline the shrink guard compared with (the change summary reads it
 * too) and the outputs it replaced (none when nothing changed); or refused before anything was
 * written (the shrink guard, an output folder that is not the synth's, an unswappable target).
 */
export type PublishResult =
  | { readonly ok: true; readonly baseline: Baseline; readonly replaced: readonly string[] }
  | { readonly ok: false; readonly errors: readonly Error[] };

/** What a publish writes: the trees of a synth; without `dist`, the docs alone (k8s-platforms docs). */
export interface PublishInput {
  readonly trees: SynthTrees;
  /** The builds synthesized when not all were: the others' files stay as they are on disk. */
  readonly selection?: readonly string[];
}

/**
 * The one step that writes: dist/, kustomization/, policy-report.json and each build's
 * docs/<build>.md, which change together or not at all, keeping the files `flux bootstrap` wrote
 * under kustomization/ (bootstrap-files.ts). What an interrupted run left is recovered first; then
 * what is on disk is read once: an output folder holding files the synth did not write is
 * refused, the shrink guard may refuse, and only the outputs whose content changed are staged
 * (a changed folder's unchanged files are hard-linked, not written again) and checked
 * (dist-swap.ts). The journal is written, and each is swapped in. A failure while staging
 * changes none of them; a failure while swapping puts the old ones back; a kill while swapping is
 * completed by the next run (recoverPublish). Run it under the synth lock.
 */
export function publish(output: PublishInput, outdir: string, options: PublishOptions = {}): PublishResult {
  let targets: string[];
  let recovered: string | undefined;
  try {
    targets = publishTargets(outdir);
    checkDocsFolder(outdir);
    recovered = recoverPublish(outdir);
  } catch (error) {
    if (error instanceof UnswappableError || error instanceof ValidationError) return { ok: false, errors: [error] };
    throw error;
  }
  const [distDir, entriesDir, reportFile, sarifFile, junitFile] = targets;
  // What is on disk now, read once (after recovery: each output is whole), for the ownership check, the unchanged files and the baseline.
  const onDisk = {
    dist: readOwnedTree(distDir, isDistFile, { like: output.trees.dist }),
    entryPoints: readOwnedTree(entriesDir, isEntryPointsFile, { like: output.trees.entryPoints }),
  };
  const report = readIfThere(reportFile);
  const docs = docsPlan(docsDir(outdir), output.trees.docs, output.selection === undefined);
  // "Left unchanged" must not hide that the recovery itself completed an earlier publish.
  const refuse = (errors: Error[]): PublishResult => ({ ok: false, errors: recovered ? [new Error(`first ${recovered}`), ...errors] : errors });
  const foreign = [
    foreignFolderError('dist/', distDir, onDisk.dist),
    foreignFolderError('kustomization/ (beside dist/)', entriesDir, onDisk.entryPoints),
    foreignReportError(reportFile, report),
    ...docs.foreign,
  ].filter((e): e is ValidationError => e !== undefined);
  if (foreign.length > 0) return refuse(foreign);
  const current = { dist: withoutDotFiles(onDisk.dist.files), entryPoints: withoutDotFiles(onDisk.entryPoints.files) };
  // A synth of some builds replaces their folders only.
  const trees = output.selection
    ? withUnselectedBuilds(
        output.trees,
        output.selection,
        { dist: distDir, entryPoints: entriesDir, report: reportFile, sarif: sarifFile, junit: junitFile },
        current,
      )
    : output.trees;
  // What `flux bootstrap` wrote under kustomization/ stays.
  const entryPoints = withBootstrapFiles(onDisk.entryPoints.files, trees.entryPoints);
  const baseline = baselineOf(outdir, trees.dist, current.dist);
  const refused = removalErrors(baseline, trees.dist, options.allowRemoval ?? []);
  if (refused.length > 0) return refuse(refused);

  const staged: { step: PublishStep; content: SwapContent; current?: FileTree }[] = [];
  if (!sameTree(onDisk.dist.files, trees.dist)) staged.push({ step: { target: distDir }, content: trees.dist, current: onDisk.dist.files });
  if (!sameTree(onDisk.entryPoints.files, entryPoints))
    staged.push({ step: { target: entriesDir }, content: entryPoints, current: onDisk.entryPoints.files });
  if (report !== trees.report) staged.push({ step: { target: reportFile }, content: trees.report });
  // The findings in SARIF and JUnit follow the report; each is written only when its text changed.
  for (const [target, content] of [
    [sarifFile, trees.sarif],
    [junitFile, trees.junit],
  ])
    if (readIfThere(target) !== content) staged.push({ step: { target }, content });
  for (const [target, content] of docs.changed) staged.push({ step: { target }, content });
  const steps = [...staged.map((s) => s.step), ...docs.stale.map((target) => ({ target, remove: true }))];
  if (steps.length === 0) return { ok: true, baseline, replaced: [] };
  if (docs.changed.length > 0) mkdirSync(docsDir(outdir), { recursive: true });
  for (const s of staged) stage(s.step.target, s.content, s.current);
  swapAll(journalPath(outdir), steps);
  return { ok: true, baseline, replaced: steps.map((s) => s.target) };
}

/**
 * Publishes the docs alone (`k8s-platforms docs`): each build's docs/<build>.md whose text
 * changed, and the removal of generated docs of builds that are gone unless `removeStale` is
 * false (a synth of some builds), under the same journal, recovery and ownership rules as
 * publish(). Pages without the generated marker are never touched. Run it under the synth lock.
 */
export function publishDocs(
  outdir: string,
  docs: ReadonlyMap<string, string>,
  options: { readonly removeStale?: boolean } = {},
): { readonly ok: true; readonly replaced: readonly string[] } | { readonly ok: false; readonly errors: readonly Error[] } {
  let recovered: string | undefined;
  try {
    checkDocsFolder(outdir);
    recovered = recoverPublish(outdir);
  } catch (error) {
    if (error instanceof UnswappableError || error instanceof ValidationError) return { ok: false, errors: [error] };
    throw error;
  }
  const plan = docsPlan(docsDir(outdir), docs, options.removeStale ?? true);
  const foreign = plan.foreign.filter((e): e is ValidationError => e !== undefined);
  if (foreign.length > 0) return { ok: false, errors: recovered ? [new Error(`first ${recovered}`), ...foreign] : foreign };
  const steps = [...plan.changed.map(([target]) => ({ target })), ...plan.stale.map((target) => ({ target, remove: true }))];
  if (steps.length > 0) {
    mkdirSync(docsDir(outdir), { recursive: true });
    for (const [target, content] of plan.changed) stage(target, content);
    swapAll(journalPath(outdir), steps);
  }
  return { ok: true, replaced: steps.map((s) => s.target) };
}

/** docs/ holds the generated docs beside people's pages: a file in its place is refused before anything is read or written. */
function checkDocsFolder(outdir: string): void {
  const dir = docsDir(outdir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw notAFolderError('docs/ (beside dist/)', dir);
}

/**
 * The docs a publish writes: each build's doc whose text changed, the generated docs of builds
 * that are gone (only when every build was synthesized), and a refusal for a page of someone's
 * own at a build doc's name.
 */
function docsPlan(
  dir: string,
  docs: ReadonlyMap<string, string>,
  removeStale: boolean,
): { changed: [string, string][]; stale: string[]; foreign: (ValidationError | undefined)[] } {
  const changed: [string, string][] = [];
  const foreign: (ValidationError | undefined)[] = [];
  for (const [file, content] of docs) {
    const target = join(dir, file);
    const text = readIfThere(target);
    if (text === content) continue;
    foreign.push(foreignDocError(target, text));
    changed.push([target, content]);
  }
  const stale =
    removeStale && existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.md') && !f.startsWith('.') && !docs.has(f))
          .map((f) => join(dir, f))
          .filter((f) => isGeneratedDoc(readIfThere(f) ?? ''))
      : [];
  return { changed, stale, foreign };
}

/** A file's text; undefined when there is none; a folder where the file belongs reads as empty text (not the synth's). */
function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') return '';
    throw error;
  }
}

/** Where dist/, kustomization/, the report and its SARIF and JUnit files are really swapped (a symlink's target; a mount point refused). */
export function publishTargets(outdir: string): string[] {
  return [outdir, entryPointsDir(outdir), reportPath(outdir), sarifPath(outdir), junitPath(outdir)].map(swapTarget);
}

/**
 * Puts dist/, kustomization/, the report and the docs of `outdir` in a consistent state after a
 * run that was killed or failed: a publish its journal says was decided is completed, anything
 * else an interrupted run left is removed and the old content kept. Returns what it did, for a
 * message. A journal the synth cannot read is refused (publish-journal.ts), naming the file.
 */
export function recoverPublish(outdir: string): string | undefined {
  const journal = journalPath(outdir);
  removeLeftover(journalDraft(journal)); // killed while writing the journal: nothing was decided
  const outputs = [...publishTargets(outdir), ...docsWithLeftCopies(docsDir(outdir))];
  const docs = docsDir(outdir);
  const steps = readJournal(journal, (t) => outputs.includes(t) || isDocTarget(docs, t), outputs);
  let done: string | undefined;
  if (steps) {
    for (const step of steps) (step.remove ? rollForwardRemoval : rollForward)(step.target);
    unlinkSync(journal);
    done = `completed the publish of ${steps.map((s) => s.target).join(', ')} that an interrupted synth had begun`;
  }
  for (const target of outputs) recover(target);
  return done;
}

/** Swaps every staged target in (and takes out every one to remove), under the journal; puts the old ones back if a rename fails. */
function swapAll(journal: string, steps: readonly PublishStep[]): void {
  writeJournal(journal, steps);
  const targets = steps.map((s) => s.target);
  const swapped: [PublishStep, boolean][] = [];
  try {
    for (const step of steps) swapped.push([step, step.remove ? takeOut(step.target) : swapIn(step.target)]);
  } catch (error) {
    const cause = (error as Error).message;
    try {
      // The one that failed may be half-swapped: undo it too.
      const failed = targets[swapped.length];
      swapOut(failed, existsSync(swapFolders(failed).previous));
      for (const [step, hadOld] of swapped.reverse()) swapOut(step.target, hadOld);
      unlinkSync(journal);
      targets.forEach(recover);
    } catch (undoError) {
      throw new PublishError(
        `publishing was interrupted: ${swapped.map(([s]) => s.target).join(', ') || 'none'} new, the rest old; the next synth completes the publish (${journal} records it). Swapping in ${targets[swapped.length]} failed: ${cause}; putting the old ones back failed: ${(undoError as Error).message}`,
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
  return targets.length === 1 ? targets[0] : `${targets.slice(0, -1).join(', ')} and ${targets[targets.length - 1]}`;
}
