import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCRATCH_ENV } from './shared-synth';

/**
 * One scratch folder for the whole jest run, named in an environment variable the test workers
 * inherit: test/shared-synth.ts keeps there what the suites share (the bundle's build marker, the
 * one synth of the app). Nothing is built here: a run of unit tests alone pays for nothing.
 * The workers' TMPDIR is a folder inside it, so every temporary folder a test makes (os.tmpdir(),
 * thousands a run) goes when test/global-teardown.ts removes the scratch folder, instead of
 * piling up in the machine's /tmp run after run.
 */
export default function globalSetup(): void {
  const scratch = mkdtempSync(join(tmpdir(), 'k8s-platforms-test-'));
  process.env[SCRATCH_ENV] = scratch;
  process.env.TMPDIR = join(scratch, 'tmp');
  mkdirSync(process.env.TMPDIR);
}
