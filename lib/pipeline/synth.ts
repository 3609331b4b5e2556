import { App } from 'cdk8s';
import { withoutAppChecks } from '../core/app-checks';
import { ValidationError, ValidationErrors } from '../core/errors';
import { Manifest, objectId } from '../core/manifest';
import { declaredReplacement } from '../core/replacement';
import { ENTRY_POINTS_PATH } from '../flux/flux-entry-point';
import { layoutDist, parseDistPath } from '../output/layout';
import { DistFiles } from '../output/file-tree';
import { collectPlatformsWithErrors, distObjectCount, PlatformManifests, policyInputOf } from '../output/collect';
import { layoutEntryPoints } from '../output/entry-points';
import { GitSource } from '../flux/git-source';
import { SynthTrees } from '../output/file-tree';
import { Platform } from '../flux/platform';
import { layoutDocs } from '../docs/platform-docs';
import { reportFile, VerificationReport } from '../policy/report';
import { verifyPlatforms } from '../policy/verify-platforms';
import { writtenFileErrors } from '../policy/written-files-check';
import { withSecretScanMemory } from '../policy/secret-scanner';
import { SecretScanMemory } from '../policy/secret-scan-memory';
import { buildFindings, junitFile, sarifFile } from '../output/findings-files';

export interface SynthOptions {
  /**
   * The repository every entry point's GitRepository names.
   * @default GitSource.placeholder()
   */
  readonly source?: GitSource;
  /**
   * The builds to synthesize, by folder (`computesdk-eks`), or by platform name when no build has
   * that folder (`computesdk`: every build of it); the others are neither checked nor laid out,
   * and publish() keeps their files.
   * @default every build of the app
   */
  readonly platforms?: readonly string[];
  /**
   * What the secret scanner found clean in earlier synths (SecretScanMemory): those values are not scanned again.
   * @default nothing remembered
   */
  readonly secretScanMemory?: SecretScanMemory;
}

export interface SynthSummary {
  /** Objects each platform folder of dist/ will hold (what the shrink guard compares). */
  readonly platforms: readonly { readonly name: string; readonly objects: number }[];
  /** Objects and files written to dist/. */
  readonly objects: number;
  readonly files: number;
  /** Objects written to kustomization/ (the Flux entry points). */
  readonly entryPointObjects: number;
  /** The checks' summary table (lib/policy), for the terminal. */
  readonly checks: string;
  /** What the synth published but a person should still act on (the placeholder repository URL). */
  readonly warnings: readonly string[];
}

/** A synth that can be published: every check passed. */
export interface SynthOutput {
  readonly ok: true;
  readonly trees: SynthTrees;
  readonly report: VerificationReport;
  readonly summary: SynthSummary;
  /** The folders synthesized when SynthOptions.platforms chose some; undefined for every build. */
  readonly selection?: readonly string[];
  /** The builds synthesized, with their checked objects (what the upgrade report reads). */
  readonly builds: readonly PlatformManifests[];
}

/** A synth refused: every problem found, and the checks' table when the checks ran. Nothing was written. */
export interface SynthRefusal {
  readonly ok: false;
  readonly errors: readonly Error[];
  readonly checks?: string;
}

export type SynthResult = SynthOutput | SynthRefusal;

/**
 * app -> each platform's Flux entry point built in the app -> every object collected and checked
 * (construct validations, names, schema, policy) -> the files of dist/, kustomization/ and the
 * report. Writes nothing: publish() does. A failed check is returned, not thrown.
 */
export function synthesize(app: App, options: SynthOptions = {}): SynthResult {
  try {
    // The pipeline runs every check itself, with the build's add-ons and closure: not twice.
    return withoutAppChecks(app, () => synthesizeOrThrow(app, options));
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
}

/** The refusal a thrown ValidationError(s) stands for; undefined for anything unexpected. */
export function refusalOf(error: unknown): SynthRefusal | undefined {
  if (error instanceof ValidationErrors) return { ok: false, errors: error.errors };
  if (error instanceof ValidationError) return { ok: false, errors: [error] };
  return undefined;
}

/**
 * What the synth adds to every platform of the app before it collects (after refusing what its
 * cluster cannot give it): the add-ons its constructs need, then its Flux entry point (after the add-ons: it alerts on their releases). Anything that
 * checks an app's objects as the synth sees them (the cdk8s validation plugin) calls this too.
 */
export function completePlatforms(app: App): void {
  for (const platform of app.node.findAll().filter(Platform.isPlatform)) {
    platform.checkClusterNeeds();
    platform.admitServiceClients();
    platform.buildAddons();
    platform.buildEntryPoint();
  }
}

/**
 * The builds a selection names, by folder or platform name; every build without one. An unknown
 * name is refused with the names there are.
 */
export function selectBuilds<T extends { readonly platform: Platform }>(builds: readonly T[], names: readonly string[] | undefined): T[] {
  if (names === undefined) return [...builds];
  const unknown = names.filter((n) => !builds.some((b) => b.platform.folder === n || b.platform.name === n));
  if (unknown.length > 0) {
    const known = builds.map((b) => b.platform.folder).join(', ');
    throw new ValidationError({
      path: 'synth',
      field: '--platform',
      value: unknown.join(', '),
      problem: 'names no build of the app',
      fix: `use a build folder or platform name: ${known}`,
    });
  }
  // A build folder names that build; any other name, every build of the platform of that name.
  const chosen = (n: string) =>
    builds.some((b) => b.platform.folder === n) ? builds.filter((b) => b.platform.folder === n) : builds.filter((b) => b.platform.name === n);
  return builds.filter((b) => names.some((n) => chosen(n).includes(b)));
}

function synthesizeOrThrow(app: App, options: SynthOptions): SynthResult {
  const source = options.source ?? GitSource.placeholder();
  completePlatforms(app);
  const collected = collectPlatformsWithErrors(app);
  if (collected.platforms.length === 0)
    return { ok: false, errors: [new Error('the app defines no platform; refusing to replace dist/ with nothing')] };
  const platforms = selectBuilds(collected.platforms, options.platforms);
  const unselected = collected.platforms.filter((p) => !platforms.includes(p));
  // Problems inside a build that was not chosen wait for its own synth; objects outside every build do not.
  const errors = collected.errors.filter(
    (e) =>
      !unselected.some((p) => pathOf(e).startsWith(`${p.platform.node.path}/`) || pathOf(e).startsWith(`${ENTRY_POINTS_PATH}/${p.platform.folder}/`)),
  );
  if (errors.length > 0) return { ok: false, errors };
  // Its entry point alone would tell Flux to prune everything the platform deployed.
  const empty = platforms
    .filter((p) => distObjectCount(p) === 0)
    .map(
      (p) => new Error(`${p.platform.folder}: produced no objects; refusing to write an empty platform (Flux would prune everything it deployed)`),
    );
  if (empty.length > 0) return { ok: false, errors: empty };
  const inputs = platforms.map(policyInputOf);
  const verification = withSecretScanMemory(options.secretScanMemory, () => verifyPlatforms(inputs));
  if (verification.errors.length > 0) return { ok: false, errors: verification.errors, checks: verification.summary };
  const dist = layoutDist(platforms);
  const entryPoints = selectedEntryPoints(layoutEntryPoints(collected.platforms, source), platforms);
  const docs = layoutDocs(platforms);
  const report = reportFile(verification.report);
  // No secret in the files beside the objects either: the README's repository URL, the docs. Lines
  // remembered clean are not scanned again, as for the objects.
  const leaks = withSecretScanMemory(options.secretScanMemory, () =>
    writtenFileErrors(
      new Map([
        ...[...entryPoints].map(([path, text]): [string, string] => [`${ENTRY_POINTS_PATH}/${path}`, text]),
        ...[...docs].map(([path, text]): [string, string] => [`docs/${path}`, text]),
      ]),
      new Map([['policy-report.json', report]]),
    ),
  );
  if (leaks.length > 0) return { ok: false, errors: leaks, checks: verification.summary };
  const counts = platforms.map((p) => ({ name: p.platform.folder, objects: distObjectCount(p) }));
  return {
    ok: true,
    trees: { dist, entryPoints, report, ...findingsTrees(platforms, verification.report), docs },
    report: verification.report,
    selection: options.platforms === undefined ? undefined : platforms.map((p) => p.platform.folder),
    builds: platforms,
    summary: {
      platforms: counts,
      objects: counts.reduce((n, p) => n + p.objects, 0),
      files: dist.size,
      entryPointObjects: platforms.reduce((n, p) => n + p.entryPoint.length, 0),
      checks: verification.summary,
      warnings: [
        ...(source.isPlaceholder
          ? [
              `warning: the repository URL is the placeholder ${source.url}; give the app its repository (new PlatformApp({ source: new GitSource({ url }) })) before \`flux bootstrap\``,
            ]
          : []),
        ...replacementWarnings(inputs),
      ],
    },
  };
}

/**
 * Objects that declare their replacement: Flux deletes and recreates them on any immutable change
 * while the declaration stays, so each synth names them until it is removed.
 */
function replacementWarnings(inputs: readonly { readonly manifests: readonly Manifest[] }[]): string[] {
  return inputs.flatMap(({ manifests }) =>
    manifests.flatMap((m) => {
      const reason = declaredReplacement(m.object);
      return reason === undefined
        ? []
        : [
            `warning: ${objectId(m)} declares its replacement (${reason}): Flux deletes and recreates it on an immutable change; remove declareReplacement once that change is applied`,
          ];
    }),
  );
}

function findingsTrees(platforms: Parameters<typeof buildFindings>[0], report: VerificationReport): { sarif: string; junit: string } {
  const findings = buildFindings(platforms, report);
  return { sarif: sarifFile(findings), junit: junitFile(findings) };
}

/** The construct path an error names (a ValidationError's path, else its message up to the first colon). */
function pathOf(error: Error): string {
  return error instanceof ValidationError ? error.detail.path : error.message.split(':')[0];
}

/** The entry-point folders of the chosen builds, and the README, which describes every build of the app. */
function selectedEntryPoints(all: DistFiles, builds: readonly { readonly platform: Platform }[]): DistFiles {
  const folders = new Set(builds.map((b) => b.platform.folder));
  return new Map([...all].filter(([path]) => !path.includes('/') || folders.has(parseDistPath(path).platform)));
}
