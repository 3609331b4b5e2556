import { App } from 'cdk8s';
import { Manifest } from '../lib/core/manifest';
import { GitSource } from '../lib/flux/git-source';
import { collectPlatforms, policyInputOf } from '../lib/output/collect';
import { runSynth, SynthOutcome } from '../lib/pipeline/run-synth';
import { PolicyCheck } from '../lib/policy/policy-check';
import { verifyPlatform } from '../lib/policy/verify';
import { PublishOptions } from '../lib/publish/publish';

/*
 * Helpers that run the synth pipeline, or part of it (collect, checks, publish), on an app. Kept
 * apart from test/helpers.ts so that a construct unit test, which renders a chart without the
 * pipeline, does not load the checks, the schema validators and the publisher it never uses.
 */

/** All synthesized objects of the app, checked like the real synth does. */
export function manifests(app: App): Manifest[] {
  return collectPlatforms(app).flatMap((p) => p.layers.flatMap((l) => l.manifests));
}

export function find(app: App, kind: string, name: string): Record<string, any> {
  return findIn(manifests(app), kind, name);
}

/** find() in objects already collected: a suite that reads many objects of one app collects it once. */
export function findIn(objects: readonly Manifest[], kind: string, name: string): Record<string, any> {
  const found = objects.filter((m) => m.kind === kind && m.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0].object;
}

/**
 * What one policy check finds on the app's objects, as `<path>: <field> <problem>` lines. The check
 * is prepared with every build first, as the synth does (lib/policy/verify.ts prepareChecks): the
 * secret rule then scans all strings in one scanner process, not one process per string.
 */
export function checkFindings(app: App, check: PolicyCheck): string[] {
  const contexts = collectPlatforms(app).map(policyInputOf);
  check.prepare?.(contexts);
  return contexts.flatMap((context) => {
    return context.manifests
      .filter((m) => check.appliesTo(m, context))
      .flatMap((m) => check.check(m, context).map((f) => `${m.path}: ${f.field} ${f.problem}`));
  });
}

/** Every error the synth's checks (schema, placement, policy) raise on the app's objects. */
export function verificationErrors(app: App): string[] {
  return collectPlatforms(app).flatMap((p) => verifyPlatform(policyInputOf(p)).errors.map((e) => e.message));
}

/** A whole synth of `app` into `dist` (lock, checks, publish), as main.ts runs it. */
export function synthInto(app: App, dist: string, options: PublishOptions = {}, source?: GitSource): SynthOutcome {
  return runSynth(dist, () => ({ app, source }), options);
}

/** The messages of a refused synth, one a line; throws when the synth was not refused. */
export function refusalMessage(outcome: SynthOutcome): string {
  if (outcome.ok) throw new Error('the synth was not refused');
  return outcome.errors.map((e) => e.message).join('\n');
}
