import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CDK8S_MANIFEST_FILE, manifestStream } from '../output/cdk8s-output';
import { readTree } from '../output/file-tree';
import { PlatformBuild, runSynth, secretScanMemoryBeside } from '../pipeline/run-synth';
import { PublishError } from '../publish/publish-error';
import { publishTargets } from '../publish/publish';
import { synthesize } from '../pipeline/synth';
import { clearHandoff, fileHashes, findingOf, writeHandoff } from './cdk8s-handoff';
import { namesFromEnv, PLATFORM_ENV, removalsFromEnv } from './command-request';
import { listsPlatformChecks, readCdk8sConfig } from './project';
import { CommandIo, sharedIdentities, shownPath, unexpected } from './run-command';

/**
 * `cdk8s synth` runs the app with CDK8S_OUTDIR set (its output folder, emptied first; a temporary
 * one for --stdout), captures its stdout, then runs its validation plugins on the YAML files
 * there. Under it a PlatformApp:
 * - for the configured output (cdk8s.yaml `output:`, default dist): synthesizes and publishes the
 *   project's dist/ as k8s-platforms synth does (dist/ put back first if the CLI emptied it), and
 *   leaves the objects where the CLI reads them;
 * - for any other folder (--stdout, --output elsewhere): checks, writes the objects there as one
 *   YAML stream, and publishes nothing;
 * - when refused and cdk8s.yaml lists the PlatformChecks plugin (which the CLI runs), exits 0 and
 *   hands the findings to the plugin, so the refusal ends in the CLI's validation report, not in
 *   its stack trace; without the plugin it exits 1.
 * K8S_PLATFORMS_PLATFORM and ALLOW_REMOVAL stand for --platform and --allow-removal.
 */
export function runUnderCdk8sCli(build: () => PlatformBuild, dist: string, root: string, io: CommandIo): number {
  const outdir = resolve(process.env.CDK8S_OUTDIR!);
  const config = readCdk8sConfig(root);
  const configured = resolve(root, config.output ?? 'dist');
  const plugin = listsPlatformChecks(config) && process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
  const platforms = namesFromEnv(process.env[PLATFORM_ENV]);
  clearHandoff(root);
  const refused = (errors: readonly Error[], checks?: string): number => {
    if (plugin) {
      writeHandoff(root, { outdir, ok: false, findings: errors.map(findingOf), files: {}, builds: [], objects: 0 });
      io.err(
        `${checks ? `${checks}\n` : ''}the synth was refused (${errors.length} problem${errors.length === 1 ? '' : 's'}); ${shownPath(dist)}/ was left unchanged: see the validation report`,
      );
      return 0;
    }
    io.err(`${checks ? `${checks}\n` : ''}synth failed; ${shownPath(dist)}/ was left unchanged.\n${errors.map((e) => e.message).join('\n')}`);
    return 1;
  };
  try {
    if (outdir !== configured) {
      const { app, source } = build();
      // Publishes nothing, so the scanner's memory beside dist/ is read, not added to.
      const result = synthesize(app, { source, platforms, secretScanMemory: secretScanMemoryBeside(dist, { readOnly: true }) });
      if (!result.ok) return refused(result.errors, result.checks);
      const clash = sharedIdentities(result.trees.dist);
      if (clash)
        return refused([
          new Error(
            `${PLATFORM_ENV}: builds ${clash.builds.join(' and ')} hold ${clash.count} objects of the same identity (${clash.example}, ...); they are separate clusters, and one stream would apply one over the other; fix: choose one, e.g. ${PLATFORM_ENV}=${clash.builds[0]}`,
          ),
        ]);
      handOver(outdir, manifestStream(result.trees.dist));
      writeHandoff(root, {
        outdir,
        ok: true,
        findings: [],
        files: fileHashes(outdir),
        builds: result.summary.platforms.map((p) => p.name),
        objects: result.summary.objects,
      });
      return 0;
    }
    const outcome = runSynth(dist, build, { platforms, allowRemoval: removalsFromEnv() });
    for (const note of outcome.notes ?? []) io.err(note);
    if (!outcome.ok) return refused(outcome.errors, outcome.checks);
    io.err(outcome.summary.checks);
    for (const warning of outcome.summary.warnings) io.err(warning);
    if (outdir !== resolve(dist)) handOver(outdir, manifestStream(readTree(dist)));
    writeHandoff(root, {
      outdir,
      ok: true,
      findings: [],
      files: fileHashes(outdir),
      builds: outcome.summary.platforms.map((p) => p.name),
      objects: outcome.summary.objects,
    });
    const { summary, replaced } = outcome;
    if (replaced.length === 0)
      io.err(
        `nothing to write: ${shownPath(dist)}/, its entry points, the report and the docs already hold these ${summary.objects} objects and ${summary.entryPointObjects} Flux objects`,
      );
    else if (replaced.includes(publishTargets(dist)[0]))
      io.err(`wrote ${summary.objects} objects to ${shownPath(dist)}/ and ${summary.entryPointObjects} Flux objects to its entry points`);
    else io.err(`${shownPath(dist)}/ already holds these ${summary.objects} objects; replaced ${replaced.map(shownPath).join(', ')}`);
    return 0;
  } catch (error) {
    // Once the publish has swapped anything in, its error says what is on disk: never "left unchanged".
    if (error instanceof PublishError) io.err(`synth failed; ${error.message}`);
    else io.err(`synth failed; ${shownPath(dist)}/ was left unchanged.\n${unexpected(error)}`);
    return 1;
  }
}

/** The one file the CLI reads from a folder that is not dist/ itself. */
function handOver(outdir: string, stream: string): void {
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, CDK8S_MANIFEST_FILE), stream);
}
