import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ValidationError } from '../core/errors';
import { swapFolders } from './dist-swap';

/**
 * What a decided publish does, target by target: put the staged copy (`next`) in place of
 * `target`, or remove `target` (a generated doc of a build that is gone).
 */
export interface PublishStep {
  readonly target: string;
  readonly remove?: boolean;
}

/** The journal's text: `{"swap": [targets], "remove": [targets]}`. */
interface JournalText {
  readonly swap: readonly string[];
  readonly remove: readonly string[];
}

/**
 * The journal of a publish, beside dist/: written (and flushed to disk) once every target is
 * staged, removed once all are swapped in. While it exists the publish is decided, and the next
 * run completes it rather than undoing it.
 */
export function journalPath(outdir: string): string {
  return join(dirname(outdir), '.synth-journal');
}

/** The journal is written here first and renamed into place: a run killed while writing it decided nothing. */
export function journalDraft(journal: string): string {
  return `${journal}.tmp`;
}

/** Writes the journal durably: it must be on disk before the first rename, or a power cut could leave half a publish with no record. */
export function writeJournal(journal: string, steps: readonly PublishStep[]): void {
  const text: JournalText = { swap: steps.filter((s) => !s.remove).map((s) => s.target), remove: steps.filter((s) => s.remove).map((s) => s.target) };
  const draft = journalDraft(journal);
  writeFileSync(draft, JSON.stringify(text));
  const fd = openSync(draft, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(draft, journal);
  const dir = openSync(dirname(journal), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/**
 * The steps a journal records; undefined when there is none. `allowed` says which paths a publish
 * of this outdir may name. A journal that is not one the synth writes (empty, not JSON, naming a
 * path that is no output of the synth) is refused, naming the file and what to do: the synth
 * cannot tell what an interrupted publish had decided, and guessing could mix two synths' outputs.
 */
export function readJournal(journal: string, allowed: (target: string) => boolean, outputs: readonly string[]): PublishStep[] | undefined {
  if (!existsSync(journal)) return undefined;
  const text = readFileSync(journal, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unreadable(journal, text, text.trim() === '' ? 'is empty' : 'is not JSON', outputs);
  }
  // Before the docs joined the publish, a journal was a plain list of the targets swapped.
  const steps: PublishStep[] | undefined = Array.isArray(parsed)
    ? parsed.map((target) => ({ target }))
    : isJournalText(parsed)
      ? [...parsed.swap.map((target) => ({ target })), ...parsed.remove.map((target) => ({ target, remove: true }))]
      : undefined;
  if (!steps || steps.some((s) => typeof s.target !== 'string'))
    throw unreadable(journal, text, 'does not list the outputs to swap and remove ({"swap": [...], "remove": [...]})', outputs);
  const stranger = steps.find((s) => !allowed(s.target));
  if (stranger) throw unreadable(journal, text, `names ${stranger.target}, which is not an output of this synth`, outputs);
  return steps;
}

function isJournalText(x: unknown): x is JournalText {
  return typeof x === 'object' && x !== null && Array.isArray((x as JournalText).swap) && Array.isArray((x as JournalText).remove);
}

/** The refusal of a journal the synth cannot read, with what is beside the outputs and what to do. */
function unreadable(journal: string, text: string, problem: string, outputs: readonly string[]): ValidationError {
  const left = leftCopies(outputs);
  const fix =
    left.length === 0
      ? `no publish was under way (no staged or parked copy is beside the outputs): delete ${journal} and run the synth again`
      : `an interrupted publish left ${left.join(', ')}; delete ${journal} and run the synth again: it keeps each output as it is now (putting back one that is only parked), removes the staged copies and, once it succeeds, has published every output anew (until then they may mix an older and a newer synth)`;
  return new ValidationError({
    path: journal,
    field: 'content',
    value: text.length > 60 ? `${text.slice(0, 57)}...` : text,
    problem: `${problem}: it is not a publish journal this synth wrote, so it cannot tell which outputs an interrupted publish had decided to replace`,
    fix,
  });
}

/** The staged (`next`) and parked (`previous`) copies beside the outputs, and beside the docs in `outputs`' folders. */
function leftCopies(outputs: readonly string[]): string[] {
  return outputs.flatMap((target) => {
    const { next, previous } = swapFolders(target);
    return [next, previous].filter((copy) => existsSync(copy));
  });
}

/** The docs a killed publish left staged or parked in `dir` (`.x.md-next`, `.x.md-previous`), as the doc paths they stand for. */
export function docsWithLeftCopies(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const docs = readdirSync(dir)
    .map((name) => /^\.(.+\.md)-(next|previous)$/.exec(name)?.[1])
    .filter((name): name is string => name !== undefined);
  return [...new Set(docs)].map((name) => join(dir, name));
}

/** A doc of `dir` that a publish may swap or remove: `<dir>/<name>.md`. */
export function isDocTarget(dir: string, target: string): boolean {
  return dirname(target) === dir && basename(target).endsWith('.md') && !basename(target).startsWith('.');
}
