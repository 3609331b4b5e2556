#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CommandName, COMMANDS, parseCommandLine, REQUEST_ENV, USAGE, UsageError } from './command-request';
import { CDK8S_CONFIG, findProjectRoot, readCdk8sConfig } from './project';

/**
 * `k8s-platforms <command>`: runs the app cdk8s.yaml names (as the cdk8s CLI does) with the
 * command in REQUEST_ENV; the app's PlatformApp runs it and writes its exit code to a result file.
 * CDK8S_OUTDIR points at a scratch folder, so an app that is not a PlatformApp writes its plain
 * cdk8s output there, never into the project. Exit codes: those of the command; 2 for a bad
 * command line or no app.
 */
export function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE.main);
    return command === undefined ? 2 : 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command))
    return fail(`unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.join(', ')} (k8s-platforms --help)`);
  const name = command as CommandName;
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE[name]);
    return 0;
  }
  let parsed;
  try {
    parsed = parseCommandLine(name, rest, ['--app']);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  const root = findProjectRoot();
  if (!root)
    return fail(
      `no ${CDK8S_CONFIG} in ${process.cwd()} or a folder above it: run k8s-platforms in a cdk8s app (cdk8s init typescript-app makes one)`,
    );
  const app = parsed.extra['--app'] ?? readCdk8sConfig(root).app;
  if (typeof app !== 'string' || app.trim() === '')
    return fail(`${join(root, CDK8S_CONFIG)} names no app command (app: npx ts-node main.ts, for example); add it, or give --app <command>`);
  const scratch = mkdtempSync(join(tmpdir(), 'k8s-platforms-'));
  try {
    const resultFile = join(scratch, 'result.json');
    const { extra: _extra, ...request } = parsed;
    // The app runs in the project's root: paths given here are made absolute first.
    const dist = request.dist !== undefined ? resolve(request.dist) : undefined;
    const chartsDir = request.chartsDir !== undefined ? resolve(request.chartsDir) : undefined;
    const charts = request.charts?.map((c) => (c.includes('=') ? `${c.slice(0, c.indexOf('='))}=${resolve(c.slice(c.indexOf('=') + 1))}` : c));
    const run = spawnSync(app, {
      cwd: root,
      shell: true,
      stdio: 'inherit',
      env: {
        ...process.env,
        [REQUEST_ENV]: JSON.stringify({ ...request, dist, chartsDir, charts, resultFile }),
        CDK8S_OUTDIR: join(scratch, 'cdk8s-output'),
      },
    });
    if (run.error) return fail(`could not run the app (${app}): ${run.error.message}`, 1);
    if (existsSync(resultFile)) return (JSON.parse(readFileSync(resultFile, 'utf8')) as { exitCode: number }).exitCode;
    if (run.status !== 0)
      return fail(`the app (${app}) failed with exit code ${run.status ?? run.signal} before the pipeline ran (its output is above)`, 1);
    return fail(
      `the app (${app}) finished without running the k8s-platforms pipeline: its main must build a PlatformApp (not cdk8s's App) and call app.synth()`,
      1,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function fail(message: string, code = 2): number {
  console.error(`k8s-platforms: ${message}`);
  return code;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`k8s-platforms: unexpected ${(error as Error).name}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
