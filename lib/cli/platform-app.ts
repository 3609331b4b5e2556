import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App, AppProps } from 'cdk8s';
import { Site } from '../core/errors';
import { GitSource } from '../flux/git-source';
import { CommandRequest, DIST_ENV, parseCommandLine, removalsFromEnv, REQUEST_ENV, requestFromEnv, USAGE, UsageError } from './command-request';
import { findProjectRoot } from './project';
import { PROCESS_IO, runCommand } from './run-command';
import { runUnderCdk8sCli } from './under-cdk8s-cli';

export interface PlatformAppProps extends AppProps {
  /**
   * The dist/ folder the synth replaces; kustomization/, policy-report.json and docs/ sit beside
   * it. The DIST_DIR environment variable and `k8s-platforms --dist` take precedence.
   * @default dist/ in the project folder: the nearest folder holding cdk8s.yaml, from the current one up, else the current one
   */
  readonly dist?: string;
  /**
   * The repository every build's clusters pull from (named in the bootstrap command of kustomization/README.md).
   * @default GitSource.placeholder(), with a warning at every synth
   */
  readonly source?: GitSource;
}

/**
 * A cdk8s App whose `app.synth()` runs the k8s-platforms pipeline instead of writing one file per
 * chart: every check, the closure, the dist/ layout, the journaled swap, the shrink guard, the
 * change summary and the generated docs. What it does depends on who runs it:
 * - `k8s-platforms <command>`: the command the bin hands over (synth, diff, validate, docs);
 * - `cdk8s synth`: a synth the CLI's validation report shows (see runUnderCdk8sCli);
 * - `node main.js [--platform <build>] [--allow-removal <name>] [--stdout]`: a synth.
 * It sets the process's exit code when the command fails; run() returns it instead.
 */
export class PlatformApp extends App {
  static isPlatformApp(x: unknown): x is PlatformApp {
    return x instanceof PlatformApp;
  }

  readonly source: GitSource;
  private readonly distProp?: string;

  constructor(props: PlatformAppProps = {}) {
    super(props);
    const site = new Site('PlatformApp');
    if (props.dist !== undefined && (typeof props.dist !== 'string' || props.dist.trim() === ''))
      site
        .at('dist')
        .fail(
          props.dist,
          'must be the path of a folder',
          "give the folder the synth replaces, e.g. 'dist', or leave it out for dist/ in the project folder",
        );
    if (props.source !== undefined && !(props.source instanceof GitSource))
      site
        .at('source')
        .fail(
          props.source,
          'must be a GitSource',
          "write new GitSource({ url: 'ssh://git@example.com/org/repo.git' }) (lib/flux/git-source.ts checks the URL and branch)",
        );
    this.source = props.source ?? GitSource.placeholder();
    this.distProp = props.dist;
  }

  /** The dist/ folder a synth writes: DIST_DIR, else the `dist` prop, else dist/ in the project folder. */
  get dist(): string {
    const fromEnv = process.env[DIST_ENV];
    if (fromEnv !== undefined && fromEnv.trim() === '') {
      throw new UsageError(
        `${DIST_ENV}: the environment variable is empty, so there is no folder to write (got ""); fix: unset ${DIST_ENV} to write ${this.defaultDist()}/, or set it to the folder to write`,
      );
    }
    return resolve(fromEnv ?? this.defaultDist());
  }

  private defaultDist(): string {
    return resolve(this.distProp ?? join(findProjectRoot() ?? process.cwd(), 'dist'));
  }

  /** Runs the pipeline (see the class) and sets process.exitCode when it fails. */
  override synth(): void {
    const code = this.run();
    if (code !== 0) process.exitCode = code;
  }

  /** Runs the pipeline for whoever started the process and returns the exit code: 0 done, 1 refused or failed, 2 bad command line. */
  run(argv: readonly string[] = process.argv.slice(2)): number {
    const io = PROCESS_IO;
    const build = () => ({ app: this, source: this.source });
    let request: CommandRequest;
    let dist: string;
    try {
      const handed = process.env[REQUEST_ENV];
      if (handed === undefined && process.env.CDK8S_OUTDIR !== undefined) {
        return runUnderCdk8sCli(build, this.dist, findProjectRoot() ?? process.cwd(), { ...io, log: io.err });
      }
      if (handed === undefined && (argv.includes('--help') || argv.includes('-h'))) {
        io.log(USAGE.synth.replace('Usage: k8s-platforms synth', `Usage: ${process.argv[1] ? `node ${process.argv[1]}` : 'k8s-platforms synth'}`));
        return 0;
      }
      request = handed !== undefined ? requestFromEnv(handed) : plainCommandLine(argv);
      dist = request.dist !== undefined ? resolve(request.dist) : this.dist;
    } catch (error) {
      io.err(`synth failed; nothing was written.\n${(error as Error).message}`);
      return error instanceof UsageError && !error.message.startsWith(DIST_ENV) ? 2 : 1;
    }
    // With --stdout the objects are the output: everything a person reads goes to stderr.
    const code = runCommand(request, build, dist, request.stdout ? { ...io, log: io.err } : io);
    if (request.resultFile) writeFileSync(request.resultFile, JSON.stringify({ exitCode: code }));
    return code;
  }
}

/** `node main.js [options]`: a synth; ALLOW_REMOVAL adds to --allow-removal, as under cdk8s synth. */
function plainCommandLine(argv: readonly string[]): CommandRequest {
  const { extra: _extra, ...request } = parseCommandLine('synth', argv);
  const fromEnv = removalsFromEnv();
  return fromEnv ? { ...request, allowRemoval: [...(request.allowRemoval ?? []), ...fromEnv] } : request;
}
