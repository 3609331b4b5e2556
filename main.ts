import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { allowShrinkRequested } from './lib/gitops/shrink-guard';
import { buildApp } from './lib/platforms';
import { synthesize } from './lib/gitops/synth';

// `npm run synth` and `npx cdk8s synth` both land here. dist/ is replaced by a checked swap;
// DIST_DIR points it elsewhere (tests synthesize into a temporary folder).
const started = performance.now();
const outdir = process.env.DIST_DIR ?? 'dist';
// Under `cdk8s synth` stdout is captured by the CLI; stderr reaches the user.
const print = process.env.CDK8S_OUTDIR ? console.error : console.log;
try {
  const summary = synthesize(buildApp(), outdir, { allowShrink: allowShrinkRequested() });
  print(summary.checks);
  const ms = Math.round(performance.now() - started);
  print(`wrote ${summary.objects} objects (${summary.files} files) to ${outdir}/ in ${ms} ms`);
  noteForCdk8sCli(outdir);
} catch (error) {
  const message = error instanceof Error && /Validation/.test(error.name) ? error.message : (error as Error).stack ?? String(error);
  const checks = (error as { summary?: string }).summary;
  console.error(`${checks ? `${checks}\n` : ''}synth failed; ${outdir}/ was left unchanged.\n${message}`);
  process.exitCode = 1;
}

/** `cdk8s synth` empties its output folder, runs us, then insists the folder exists. */
function noteForCdk8sCli(outdir: string): void {
  const staging = process.env.CDK8S_OUTDIR;
  if (!staging) return;
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'README.txt'), `The manifests are in ${outdir}/, replaced by a checked swap; this folder is only the cdk8s CLI's.\n`);
}
