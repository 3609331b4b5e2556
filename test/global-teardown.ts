import { rmSync } from 'node:fs';
import { SCRATCH_ENV } from './shared-synth';

/** Removes the run's scratch folder (test/global-setup.ts). */
export default function globalTeardown(): void {
  const scratch = process.env[SCRATCH_ENV];
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
