import { App } from 'cdk8s';
import { baselineOf } from '../publish/committed-tree';
import { docsDir, publishDocs } from '../publish/docs-publish';
import { GitSource } from '../flux/git-source';
import { diffTrees, PlatformChanges } from '../changes/object-changes';
import { publish, PublishOptions } from '../publish/publish';
import { acquireSynthLock } from '../publish/synth-lock';
import { refusalOf, synthesize, SynthRefusal, SynthSummary } from './synth';

/** An app of platforms and the repository their clusters pull from. */
export interface PlatformApp {
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

export type SynthOutcome = { readonly ok: true; readonly summary: SynthSummary; readonly changes: SynthChanges } | SynthRefusal;

/**
 * A whole synth into `outdir`: take the lock (or be refused at once), then synthAndPublish(),
 * then release. Every expected failure (a ValidationError from a construct, a failed check, the
 * shrink guard, the lock) comes back as a refusal; only the unexpected is thrown.
 */
export function runSynth(outdir: string, build: () => PlatformApp, options: PublishOptions = {}): SynthOutcome {
  const lock = acquireSynthLock(outdir);
  if (!lock.held) return { ok: false, errors: [new Error(lock.message)] };
  try {
    return synthAndPublish(outdir, build, options);
  } finally {
    lock.release();
  }
}

/** Build the app, synthesize, publish; for a caller that already holds the synth lock. */
export function synthAndPublish(outdir: string, build: () => PlatformApp, options: PublishOptions = {}): SynthOutcome {
  try {
    const { app, source } = build();
    const result = synthesize(app, { source });
    if (!result.ok) return result;
    const baseline = baselineOf(outdir); // read before publish replaces dist/ on disk
    const published = publish(result, outdir, options);
    if (!published.ok) return published;
    publishDocs(docsDir(outdir), result.trees.docs);
    return { ok: true, summary: result.summary, changes: { against: baseline.label, platforms: diffTrees(baseline.tree, result.trees.dist) } };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}
