import { performance } from 'node:perf_hooks';
import { PolicyInput } from './policy-check';
import { summaryTable, VerificationReport } from './report';
import { prepareChecks, verifyPrepared } from './verify';

export interface Verification {
  readonly report: VerificationReport;
  /** The terminal summary, with the time the checks took. */
  readonly summary: string;
  /** Every schema, placement and policy problem of every platform; empty when all pass. */
  readonly errors: readonly Error[];
}

/**
 * Schema and policy checks on every platform, each rule prepared once for all of them (one secret
 * scan a synth). Never throws for a failed check: the caller decides.
 */
export function verifyPlatforms(platforms: readonly PolicyInput[]): Verification {
  const started = performance.now();
  prepareChecks(platforms);
  const preparedMs = performance.now() - started;
  const results = platforms.map(verifyPrepared);
  const report = { platforms: results.map((r) => r.report) };
  const ms = (pick: (t: { schemaMs: number; policyMs: number }) => number) => Math.round(results.reduce((n, r) => n + pick(r.timing), 0));
  const [schemaMs, policyMs] = [ms((t) => t.schemaMs), ms((t) => t.policyMs) + Math.round(preparedMs)];
  const summary = `${summaryTable(report)}\nchecks took ${schemaMs + policyMs} ms (schema ${schemaMs} ms, policy ${policyMs} ms)`;
  return { report, summary, errors: results.flatMap((r) => r.errors) };
}
