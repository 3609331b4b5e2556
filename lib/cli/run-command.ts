import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { identityKey } from '../core/manifest';
import { formatChanges, formatChangesMarkdown } from '../changes/change-report';
import { anyChange, diffTrees, PlatformChanges } from '../changes/object-changes';
import { objectsOfTree } from '../output/dist-objects';
import { manifestStream } from '../output/cdk8s-output';
import { FileTree, listFiles, readTree } from '../output/file-tree';
import { parseDistPath } from '../output/layout';
import { baselineOf, isCommit, readCommittedTree } from '../publish/committed-tree';
import { docsDir, entryPointsDir, junitPath, publishDocs, publishTargets, reportPath, sarifPath } from '../publish/publish';
import { PublishError } from '../publish/publish-error';
import { withUnselectedBuilds } from '../publish/selection-merge';
import { ALLOW_REMOVAL_FLAG } from '../publish/shrink-guard';
import { acquireSynthLock } from '../publish/synth-lock';
import { PlatformBuild, runSynth, secretScanMemoryBeside, SynthOutcome } from '../pipeline/run-synth';
import { synthesize, SynthOutput, SynthResult } from '../pipeline/synth';
import { CommandRequest, UsageError } from './command-request';
import { KubernetesVersion } from '../core/kubernetes-version';
import { Site, ValidationError } from '../core/errors';
import { policyInputOf } from '../output/collect';
import { upgradeReport } from '../policy/upgrade/upgrade-report';
import { SCHEMA_VERSIONS } from '../policy/schema/schema-registry';
import { upgradeReportText } from '../docs/versions-section';
import { chartDiff, formatChartDiff } from './chart-diff';
import { buildVersions } from './kubernetes-version';
import { ChartRenderer, chartOutcomes, formatChartOutcomes, isChartError } from './charts-command';
import { CHARTS_DIR_ENV, ChartSources, checkSources } from './chart-sources';

/** Where a command prints: `out` for its result (the YAML of --stdout, the diff), `log` for everything a person reads. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly log: (text: string) => void;
  readonly err: (text: string) => void;
}

export const PROCESS_IO: CommandIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  log: (text) => console.log(text),
  err: (text) => console.error(text),
};

/**
 * Runs one command on an app's builds and returns its exit code (0 done, 1 refused or failed, 2
 * bad input). `dist` is the dist/ folder: kustomization/, policy-report.json and docs/ sit beside it.
 * `build` is called once. Every expected failure is printed as named errors; an unexpected one as
 * one line saying what and one saying where, never a stack trace.
 */
export function runCommand(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo = PROCESS_IO): number {
  const started = performance.now();
  const shown = shownPath(dist);
  try {
    switch (request.command) {
      case 'synth':
        return request.stdout ? printStream(request, build, dist, io) : synthCommand(request, build, dist, io, started);
      case 'diff':
        return diffCommand(request, build, dist, io);
      case 'validate':
        return validateCommand(request, build, dist, io);
      case 'docs':
        return docsCommand(request, build, dist, io);
      case 'upgrade-report':
        return upgradeReportCommand(request, build, dist, io);
      case 'charts':
        return chartsCommand(request, build, dist, io);
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    if (isChartError(error)) {
      io.err(`${request.command} failed; nothing was written.\n${error.message}`);
      return 1;
    }
    if (error instanceof PublishError) io.err(`synth failed; ${error.message}`);
    else
      io.err(
        `${request.command} failed; ${request.command === 'synth' && !request.stdout ? `${shown}/ was left unchanged.` : 'nothing was written.'}\n${unexpected(error)}`,
      );
    return 1;
  }
}

function synthCommand(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo, started: number): number {
  return report(runSynth(dist, build, { allowRemoval: request.allowRemoval, platforms: request.platforms }), request, dist, io, started);
}

function report(outcome: SynthOutcome, request: CommandRequest, dist: string, io: CommandIo, started: number): number {
  const shown = shownPath(dist);
  for (const note of outcome.notes ?? []) io.err(note);
  if (!outcome.ok) {
    io.err(
      `${outcome.checks ? `${outcome.checks}\n` : ''}synth failed; ${shown}/ was left unchanged.\n${outcome.errors.map((e) => e.message).join('\n')}`,
    );
    return 1;
  }
  const { summary, changes } = outcome;
  const allowed = request.allowRemoval ?? [];
  io.log(summary.checks);
  io.log(formatChanges(changes.platforms, changes.against));
  const removed = changes.platforms.flatMap((p) => p.changes.filter((c) => c.type === 'removed').map((c) => c.object.id));
  if (allowed.length > 0)
    io.log(
      `deleted, as ${allowed.map((a) => `${ALLOW_REMOVAL_FLAG} ${a}`).join(' ')} allowed: ${removed.length === 0 ? 'nothing' : removed.join(', ')}`,
    );
  for (const warning of summary.warnings) io.err(warning);
  const ms = Math.round(performance.now() - started);
  if (outcome.replaced.length === 0)
    io.log(
      `nothing to write: ${shown}/, its entry points, the report and the docs already hold these ${summary.objects} objects (${summary.files} files) and ${summary.entryPointObjects} Flux objects (${ms} ms)`,
    );
  else if (outcome.replaced.includes(publishTargets(dist)[0]))
    io.log(
      `wrote ${summary.objects} objects (${summary.files} files) to ${shown}/ and ${summary.entryPointObjects} Flux objects to its entry points in ${ms} ms`,
    );
  else
    io.log(
      `${shown}/ already holds these ${summary.objects} objects (${summary.files} files); replaced ${outcome.replaced.map(shownPath).join(', ')} in ${ms} ms`,
    );
  return 0;
}

/**
 * Synthesizes without writing; a refusal is printed and becomes exit code 1. The secret scanner's
 * memory beside `dist` spares scanning again what the last synth found clean; nothing is added to it.
 */
function checked(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo, what: string): SynthOutput | undefined {
  const { app, source } = build();
  const secretScanMemory = secretScanMemoryBeside(dist, { readOnly: true });
  const result: SynthResult = synthesize(app, { source, platforms: request.platforms, secretScanMemory });
  if (result.ok) return result;
  io.err(`${result.checks ? `${result.checks}\n` : ''}${what}: the synth was refused:\n${result.errors.map((e) => e.message).join('\n')}`);
  return undefined;
}

/**
 * Objects the chosen builds write, as one YAML stream; refused when two builds hold one identity (one cluster
 * each: the stream would apply one over the other).
 */
function printStream(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo): number {
  const result = checked(request, build, dist, io, 'synth --stdout');
  if (!result) return 1;
  const clash = sharedIdentities(result.trees.dist);
  if (clash) {
    io.err(
      `synth --stdout: builds ${clash.builds.join(' and ')} hold ${clash.count} objects of the same identity (${clash.example}, ...): they are separate clusters, and one stream would apply one over the other; fix: choose one with --platform ${clash.builds[0]} (or ${'K8S_PLATFORMS_PLATFORM'}=${clash.builds[0]} under cdk8s synth)`,
    );
    return 1;
  }
  io.out(manifestStream(result.trees.dist));
  return 0;
}

/** Two builds of one tree that hold an object of the same identity, if any. */
export function sharedIdentities(dist: FileTree): { readonly builds: string[]; readonly count: number; readonly example: string } | undefined {
  const owners = new Map<string, Set<string>>();
  for (const o of objectsOfTree(dist).values()) {
    const key = identityKey(o.kind, o.namespace, o.name);
    owners.set(key, (owners.get(key) ?? new Set()).add(o.platform));
  }
  const shared = [...owners].filter(([, builds]) => builds.size > 1);
  if (shared.length === 0) return undefined;
  return { builds: [...shared[0][1]].sort(), count: shared.length, example: shared[0][0] };
}

/** Against a Git ref's dist/ (--against), else the synth's own baseline: the committed dist/, or the one on disk when Git does not track it. */
function diffCommand(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo): number {
  const against = request.against;
  if (against !== undefined && !isCommit(dist, against))
    return usage(
      io,
      `diff: ${JSON.stringify(against)} names no commit of the repository holding ${shownPath(dist)}/ (in a shallow clone, git fetch it first)`,
    );
  const result = checked(request, build, dist, io, 'diff');
  if (!result) return 1;
  const base =
    against === undefined
      ? baselineOf(dist)
      : { tree: readCommittedTree(dist, against) ?? new Map<string, string>(), label: `${shownPath(dist)}/ at ${against}` };
  // Where the charts are, refused before anything is printed when it is not a folder.
  const sources: ChartSources = { chartsDir: request.chartsDir ?? (process.env[CHARTS_DIR_ENV] || undefined) };
  checkSources(sources, []);
  const before = onlySelected(base.tree, result.selection);
  const changes = diffTrees(before, result.trees.dist);
  const format = (platforms: readonly PlatformChanges[]) =>
    request.markdown ? formatChangesMarkdown(platforms, `\`${base.label}\``) : formatChanges(platforms, base.label);
  io.out(format(changes));
  // What the changed HelmReleases' charts create, when the charts are at hand; else which ones it could not see.
  const charts = chartDiff(before, result.trees.dist, sources, new ChartRenderer(buildVersions(result.report)));
  if (charts.changes.length > 0 || charts.notSeen.length > 0)
    io.out(formatChartDiff(charts, sources.chartsDir !== undefined, format, request.markdown));
  return anyChange(changes) ? 1 : 0;
}

/** `charts`: each HelmRelease's chart rendered and checked, or named as not seen; 1 when a seen chart has findings. */
function chartsCommand(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo): number {
  const result = checked(request, build, dist, io, 'charts');
  if (!result) return 1;
  const renderer = new ChartRenderer(buildVersions(result.report));
  const outcomes = chartOutcomes(result.trees.dist, { charts: request.charts, chartsDir: request.chartsDir }, renderer);
  const anySeen = outcomes.some((o) => 'rendered' in o);
  io.out(formatChartOutcomes(outcomes, anySeen ? renderer.version() : undefined));
  return outcomes.some((o) => 'findings' in o && o.findings.length > 0) ? 1 : 0;
}

function validateCommand(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo): number {
  const result = checked(request, build, dist, io, 'validate');
  if (!result) return 1;
  const trees = result.selection
    ? withUnselectedBuilds(result.trees, result.selection, {
        dist,
        entryPoints: entryPointsDir(dist),
        report: reportPath(dist),
        sarif: sarifPath(dist),
        junit: junitPath(dist),
      })
    : result.trees;
  const stale = [
    ...treeDifferences(dist, trees.dist),
    ...treeDifferences(entryPointsDir(dist), trees.entryPoints, (path) => parseDistPath(path).layer === 'flux-system'),
    ...fileDifference(reportPath(dist), trees.report),
    ...fileDifference(sarifPath(dist), trees.sarif),
    ...fileDifference(junitPath(dist), trees.junit),
    ...[...result.trees.docs].flatMap(([file, content]) => fileDifference(join(docsDir(dist), file), content)),
  ];
  io.log(result.summary.checks);
  if (stale.length === 0) {
    io.log(
      `every check passes, and ${shownPath(dist)}/, its entry points, the report and the docs are what the synth writes (${result.summary.objects} objects)`,
    );
    return 0;
  }
  const shown = stale.slice(0, 20).map((s) => `  ${s}`);
  io.err(
    `validate: the checks pass, but the output on disk is not what the synth writes (${stale.length} files):\n${shown.join('\n')}${stale.length > 20 ? `\n  ... and ${stale.length - 20} more` : ''}\nfix: run k8s-platforms synth (npm run synth here) and commit the result`,
  );
  return 1;
}

function docsCommand(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo): number {
  const lock = acquireSynthLock(dist);
  if (!lock.held) {
    io.err(`docs failed; nothing was written.\n${lock.message}`);
    return 1;
  }
  try {
    const result = checked(request, build, dist, io, 'docs');
    if (!result) return 1;
    const published = publishDocs(dist, result.trees.docs, { removeStale: result.selection === undefined });
    if (!published.ok) {
      io.err(`docs failed; nothing was written.\n${published.errors.map((e) => e.message).join('\n')}`);
      return 1;
    }
    const shownDocs = shownPath(docsDir(dist));
    const touched = published.replaced.map((f) => relative(docsDir(dist), f));
    const written = touched.filter((f) => result.trees.docs.has(f));
    const removed = touched.filter((f) => !result.trees.docs.has(f));
    if (touched.length === 0) io.log(`the docs in ${shownDocs}/ are up to date: ${[...result.trees.docs.keys()].join(', ')}`);
    if (written.length > 0) io.log(`wrote ${written.length} docs to ${shownDocs}/: ${written.join(', ')}`);
    if (removed.length > 0) io.log(`removed the generated docs of builds that are gone from ${shownDocs}/: ${removed.join(', ')}`);
    return 0;
  } finally {
    lock.release();
  }
}

/** Every check, then per build what moving to each later Kubernetes version (or the one --to names) takes. */
function upgradeReportCommand(request: CommandRequest, build: () => PlatformBuild, dist: string, io: CommandIo): number {
  let to: KubernetesVersion | undefined;
  try {
    to = request.to === undefined ? undefined : KubernetesVersion.parse(new Site('upgrade-report').at('--to'), request.to);
  } catch (error) {
    if (error instanceof ValidationError) return usage(io, error.message);
    throw error;
  }
  if (to && !SCHEMA_VERSIONS.includes(to.toString()))
    return usage(io, `upgrade-report: --to ${String(to)} has no API schemas in this package (${SCHEMA_VERSIONS.join(', ')}); choose one of them`);
  const result = checked(request, build, dist, io, 'upgrade-report');
  if (!result) return 1;
  const reports = result.builds.map((b) => {
    const input = policyInputOf(b);
    const steps = upgradeReport(input).filter((s) => !to || s.version === to.toString());
    if (to && steps.length === 0) return `${input.name} (Kubernetes ${String(b.platform.kubernetes)}): already at ${String(to)} or later`;
    return upgradeReportText(input, steps);
  });
  io.out(reports.join('\n'));
  return 0;
}

function onlySelected(tree: FileTree, selection: readonly string[] | undefined): Map<string, string> {
  if (!selection) return new Map(tree);
  return new Map([...tree].filter(([path]) => selection.includes(parseDistPath(path).platform)));
}

/** Files of `dir` that differ from `tree`: changed, missing, or there but not written by the synth. */
function treeDifferences(dir: string, tree: FileTree, ignore: (path: string) => boolean = () => false): string[] {
  const onDisk = readTree(dir);
  const differs = [...tree]
    .filter(([path, content]) => onDisk.get(path) !== content)
    .map(([path]) => `${join(shownPath(dir), path)} ${onDisk.has(path) ? 'differs' : 'is missing'}`);
  const extra = listFiles(dir)
    .filter((path) => !tree.has(path) && !ignore(path) && !path.split('/').some((s) => s.startsWith('.')))
    .map((path) => `${join(shownPath(dir), path)} is not written by the synth`);
  return [...differs, ...extra];
}

function fileDifference(file: string, content: string): string[] {
  if (!existsSync(file)) return [`${shownPath(file)} is missing`];
  return readFileSync(file, 'utf8') === content ? [] : [`${shownPath(file)} differs`];
}

function usage(io: CommandIo, message: string): number {
  io.err(message);
  return 2;
}

/** The folder as the user knows it: relative to where they are when it is inside, else absolute. */
export function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') && !fromHere.startsWith('/') ? fromHere : path;
}

/** One line saying what went wrong, and one saying where: the first frame of our code, not the whole stack. */
export function unexpected(error: unknown): string {
  if (!(error instanceof Error)) return `unexpected failure: ${String(error)}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim().replace(/^at /, ''));
  const frame = frames.find((f) => !/node:|node_modules/.test(f)) ?? frames[0];
  const where = frame ? `it was raised at ${frame}` : 'no stack trace was recorded';
  if (process.env.NODE_DEBUG_STACK) return `unexpected ${error.name}: ${error.message}\n${error.stack}`;
  return `unexpected ${error.name}: ${error.message}\n${where}; set NODE_DEBUG_STACK=1 for the whole stack`;
}
