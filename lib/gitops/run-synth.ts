import { App } from 'cdk8s';
import { GitSource } from './git-source';
import { publish, PublishOptions } from './publish';
import { acquireSynthLock } from './synth-lock';
import { refusalOf, synthesize, SynthRefusal, SynthSummary } from './synth';

/** An app of platforms and the repository their clusters pull from. */
export interface PlatformApp {
  readonly app: App;
  /** @default GitSource.placeholder() */
  readonly source?: GitSource;
}

export type SynthOutcome = { readonly ok: true; readonly summary: SynthSummary } | SynthRefusal;

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
    const published = publish(result, outdir, options);
    return published.ok ? { ok: true, summary: result.summary } : published;
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}
