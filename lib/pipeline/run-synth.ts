import { App } from 'cdk8s';
import { GitSource } from '../flux/git-source';
import { parseDistPath } from '../output/layout';
import { diffTrees, PlatformChanges } from '../changes/object-changes';
import { baselineOf } from '../publish/committed-tree';
import { keepRecord, restoreEmptied } from '../publish/dist-record';
import { docsDir, publishDocs } from '../publish/docs-publish';
import { publish, PublishOptions } from '../publish/publish';
import { acquireSynthLock } from '../publish/synth-lock';
import { refusalOf, synthesize, SynthRefusal, SynthSummary } from './synth';

/** An app of platforms and the repository their clusters pull from. */
export interface PlatformBuild {
  readonly app: App;
  /** @default GitSource.placeholder() */
  readonly source?: GitSource;
}

/** What a published synth changed, object by object, against the baseline (the committed dist/, else the one on disk). */
export interface SynthChanges {
  /** How the baseline is named to a person. */
  readonly against: string;
  readonly platforms: readonly PlatformChanges[];
}

export interface RunSynthOptions extends PublishOptions {
  /**
   * The builds to synthesize and publish, by folder or platform name; the others' files stay as they are.
   * @default every build
   */
  readonly platforms?: readonly string[];
}

export type SynthOutcome =
  | { readonly ok: true; readonly summary: SynthSummary; readonly changes: SynthChanges; readonly notes: readonly string[] }
  | (SynthRefusal & { readonly notes?: readonly string[] });

/**
 * A whole synth into `outdir`: take the lock (or be refused at once), then synthAndPublish(),
 * then release. Every expected failure (a ValidationError from a construct, a failed check, the
 * shrink guard, the lock) comes back as a refusal; only the unexpected is thrown.
 */
export function runSynth(outdir: string, build: () => PlatformBuild, options: RunSynthOptions = {}): SynthOutcome {
  const lock = acquireSynthLock(outdir);
  if (!lock.held) return { ok: false, errors: [new Error(lock.message)] };
  try {
    return synthAndPublish(outdir, build, options);
  } finally {
    lock.release();
  }
}

/**
 * Build the app, synthesize, publish; for a caller that already holds the synth lock. A dist/
 * something emptied (the cdk8s CLI does) is put back first, so it is never lost, refused or not.
 */
export function synthAndPublish(outdir: string, build: () => PlatformBuild, options: RunSynthOptions = {}): SynthOutcome {
  const notes: string[] = [];
  const restored = restoreEmptied(outdir);
  if (restored) notes.push(restored);
  try {
    const { app, source } = build();
    const result = synthesize(app, { source, platforms: options.platforms });
    if (!result.ok) return { ...result, notes };
    const baseline = baselineOf(outdir); // read before publish replaces dist/ on disk
    const published = publish(result, outdir, options);
    if (!published.ok) return { ...published, notes };
    publishDocs(docsDir(outdir), result.trees.docs, { removeStale: result.selection === undefined });
    try {
      keepRecord(outdir);
    } catch (error) {
      notes.push(`warning: published, but keeping the copy of ${outdir} failed (${(error as Error).message}); the next synth keeps it`);
    }
    const selected = result.selection ? new Set(result.selection) : undefined;
    const before = selected ? new Map([...baseline.tree].filter(([path]) => selected.has(parseDistPath(path).platform))) : baseline.tree;
    return { ok: true, summary: result.summary, notes, changes: { against: baseline.label, platforms: diffTrees(before, result.trees.dist) } };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { ...refusal, notes };
    throw error;
  }
}
