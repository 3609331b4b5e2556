import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCRATCH_ENV } from './shared-synth';

/**
 * One scratch folder for the whole jest run, named in an environment variable the test workers
 * inherit: test/shared-synth.ts keeps there what the suites share (the bundle's build marker, the
 * one synth of the app). Nothing is built here: a run of unit tests alone pays for nothing.
 */
export default function globalSetup(): void {
  process.env[SCRATCH_ENV] = mkdtempSync(join(tmpdir(), 'k8s-platforms-test-'));
}
