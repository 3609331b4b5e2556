import { performance } from 'node:perf_hooks';
import { PolicyInput } from './policy-check';
import { secretScanInputs } from './rules/secret-values-check';
import { scanForSecrets } from './secret-scanner';
import { summaryTable, VerificationReport } from './report';
import { verifyPlatform } from './verify';

export interface Verification {
  readonly report: VerificationReport;
  /** The terminal summary, with the time the checks took. */
  readonly summary: string;
  /** Every schema, placement and policy problem of every platform; empty when all pass. */
  readonly errors: readonly Error[];
}

/** Schema and policy checks on every platform. Never throws for a failed check: the caller decides. */
export function verifyPlatforms(platforms: readonly PolicyInput[]): Verification {
  // The secret scanner runs in a process of its own: one run for every build, not one a build.
  const started = performance.now();
  scanForSecrets(platforms.flatMap((p) => p.manifests.flatMap(secretScanInputs)));
  const scanMs = performance.now() - started;
  const results = platforms.map(verifyPlatform);
  const report = { platforms: results.map((r) => r.report) };
  const ms = (pick: (t: { schemaMs: number; policyMs: number }) => number) =>
    Math.round(results.reduce((n, r) => n + pick(r.timing), 0) + pick({ schemaMs: 0, policyMs: scanMs }));
  const summary = `${summaryTable(report)}\nchecks took ${ms((t) => t.schemaMs + t.policyMs)} ms (schema ${ms((t) => t.schemaMs)} ms, policy ${ms((t) => t.policyMs)} ms)`;
  return { report, summary, errors: results.flatMap((r) => r.errors) };
}
