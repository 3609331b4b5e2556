import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ValidationErrors } from '../core/errors';
import { PolicyInput } from './policy-check';
import { reportFile, summaryTable, VerificationReport } from './report';
import { verifyPlatform } from './verify';

export interface Verification {
  readonly report: VerificationReport;
  /** The terminal summary, with the time the checks took. */
  readonly summary: string;
}

/** Thrown when any platform fails a check; carries the summary so the terminal still shows the table. */
export class VerificationFailed extends ValidationErrors {
  constructor(errors: readonly Error[], readonly summary: string) {
    super(errors);
  }
}

/** Schema and policy checks on every platform; throws VerificationFailed before anything is written. */
export function verifyPlatforms(platforms: readonly PolicyInput[]): Verification {
  const results = platforms.map(verifyPlatform);
  const report = { platforms: results.map((r) => r.report) };
  const ms = (pick: (t: { schemaMs: number; policyMs: number }) => number) => Math.round(results.reduce((n, r) => n + pick(r.timing), 0));
  const summary = `${summaryTable(report)}\nchecks took ${ms((t) => t.schemaMs + t.policyMs)} ms (schema ${ms((t) => t.schemaMs)} ms, policy ${ms((t) => t.policyMs)} ms)`;
  const errors = results.flatMap((r) => r.errors);
  if (errors.length === 1) throw Object.assign(errors[0], { summary });
  if (errors.length > 1) throw new VerificationFailed(errors, summary);
  return { report, summary };
}

/** Where the report of a dist/ folder goes: beside it, outside what Flux applies. */
export function reportPath(outdir: string): string {
  return join(dirname(outdir), 'policy-report.json');
}

/** Written after dist/ is swapped in, whole (temporary file + rename), so it describes that dist/. */
export function writeReport(outdir: string, report: VerificationReport): void {
  const path = reportPath(outdir);
  writeFileSync(`${path}.tmp`, reportFile(report));
  renameSync(`${path}.tmp`, path);
}
