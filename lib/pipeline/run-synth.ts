import { existsSync } from 'node:fs';
import { App } from 'cdk8s';
import { GitSource } from '../flux/git-source';
import { parseDistPath } from '../output/layout';
import { diffTrees, PlatformChanges } from '../changes/object-changes';
import { ensureStateDir, keepRecord, recordPath, restoreEmptied, stateFile } from '../publish/dist-record';
import { publish, PublishOptions, publishTargets } from '../publish/publish';
import { PublishError } from '../publish/publish-error';
import { secretScannerFingerprint } from '../policy/secret-scanner';
import { SecretScanMemory } from '../policy/secret-scan-memory';
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
  | {
      readonly ok: true;
      readonly summary: SynthSummary;
      readonly changes: SynthChanges;
      readonly notes: readonly string[];
      /** The outputs the publish replaced (dist/, kustomization/, the report, docs); none when nothing changed. */
      readonly replaced: readonly string[];
    }
  | (SynthRefusal & { readonly notes?: readonly string[] });

/**
 * A whole synth into `outdir`: take the lock (or be refused at once), then synthAndPublish(),
 * then release. Every expected failure (a ValidationError from a construct, a failed check, the
 * shrink guard, the lock) comes back as a refusal; only the unexpected is thrown.
 */
export function runSynth(outdir: string, build: () => PlatformBuild, options: RunSynthOptions = {}): SynthOutcome {
  const lock = acquireSynthLock(outdir);
  if (!lock.held) return { ok: false, errors: [lock.error] };
  try {
    return synthAndPublish(outdir, build, options);
  } finally {
    lock.release();
  }
}

/**
 * Build the app, synthesize, publish; for a caller that already holds the synth lock. A dist/
 * something emptied (the cdk8s CLI does) is put back first, so it is never lost, refused or not.
 * The secret scanner's memory (SecretScanMemory) lives in the state folder beside dist/. Once the
 * publish has replaced anything, a later failure says so (PublishError): never "left unchanged".
 */
export function synthAndPublish(outdir: string, build: () => PlatformBuild, options: RunSynthOptions = {}): SynthOutcome {
  const notes: string[] = [];
  const restored = restoreEmptied(outdir);
  if (restored) notes.push(restored);
  let replaced: readonly string[] = [];
  try {
    const { app, source } = build();
    const memory = secretScanMemoryBeside(outdir);
    const result = synthesize(app, { source, platforms: options.platforms, secretScanMemory: memory });
    if (!result.ok) return { ...result, notes };
    const published = publish(result, outdir, options);
    if (!published.ok) return { ...published, notes };
    replaced = published.replaced;
    // Kept only by a synth that published: a refused one writes nothing, not even its memory.
    ensureStateDir(outdir);
    memory.save();
    // The kept copy of dist/ follows it: made again only when dist/ changed (or there is none yet).
    if (replaced.includes(publishTargets(outdir)[0]) || !existsSync(recordPath(outdir))) {
      try {
        keepRecord(outdir);
      } catch (error) {
        notes.push(`warning: published, but keeping the copy of ${outdir} failed (${(error as Error).message}); the next synth keeps it`);
      }
    }
    const { baseline } = published;
    const selected = result.selection ? new Set(result.selection) : undefined;
    const before = selected ? new Map([...baseline.tree].filter(([path]) => selected.has(parseDistPath(path).platform))) : baseline.tree;
    const changes = { against: baseline.label, platforms: diffTrees(before, result.trees.dist) };
    return { ok: true, summary: result.summary, notes, changes, replaced };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { ...refusal, notes };
    if (replaced.length > 0 && !(error instanceof PublishError)) {
      throw new PublishError(
        `${replaced.join(', ')} were published, but what followed failed: ${(error as Error).name}: ${(error as Error).message}`,
        true,
      );
    }
    throw error;
  }
}

/** The secret scanner's memory, in the state folder beside dist/. */
export const SECRET_SCAN_MEMORY = 'secret-scan.json';

/**
 * The secret scanner's memory in the state folder beside `outdir`. A synth that publishes adds
 * what it found clean; a command that writes nothing (diff, validate, synth --stdout) reads it
 * `readOnly`. Either way it only spares scanning again what was found clean (SecretScanMemory).
 */
export function secretScanMemoryBeside(outdir: string, options: { readonly readOnly?: boolean } = {}): SecretScanMemory {
  return SecretScanMemory.open(stateFile(outdir, SECRET_SCAN_MEMORY), secretScannerFingerprint(), options);
}
