import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ValidationError } from '../core/errors';
import { listFiles } from '../output/file-tree';
import { STATE_DIR } from '../publish/dist-record';

/**
 * What the app tells the validation plugin under `cdk8s synth`: the CLI runs the app, then the
 * plugin, in two processes, and hands the plugin only the YAML files of its output folder. The app
 * writes this file beside cdk8s.yaml; the plugin reads and removes it.
 */
export interface Cdk8sHandoff {
  /** The CLI's output folder of this run (CDK8S_OUTDIR), absolute. */
  readonly outdir: string;
  /** False when the synth was refused: nothing new was written, `findings` says why. */
  readonly ok: boolean;
  readonly findings: readonly HandoffFinding[];
  /** Every file the app left in the output folder (relative path -> sha256 of its bytes). */
  readonly files: Readonly<Record<string, string>>;
  /** The builds synthesized, and how many objects they hold. */
  readonly builds: readonly string[];
  readonly objects: number;
}

/** One refusal, as a validation report shows it. */
export interface HandoffFinding {
  /** The policy rule's id, or what kind of check refused it. */
  readonly rule: string;
  /** Construct path of the object at fault (or what the message names). */
  readonly path: string;
  readonly field: string;
  readonly message: string;
  readonly fix: string;
}

export const HANDOFF_FILE = 'cdk8s-handoff.json';

export function handoffPath(root: string): string {
  return join(root, STATE_DIR, HANDOFF_FILE);
}

export function writeHandoff(root: string, handoff: Cdk8sHandoff): void {
  const file = handoffPath(root);
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(join(dirname(file), '.gitignore')))
    writeFileSync(join(dirname(file), '.gitignore'), "# the k8s-platforms synth's own state: not for git\n*\n");
  writeFileSync(file, JSON.stringify(handoff, null, 2));
}

/** Reads the hand-off and removes it, so a later run never reads a stale one. */
export function takeHandoff(root: string): Cdk8sHandoff | undefined {
  const file = handoffPath(root);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Cdk8sHandoff;
  } finally {
    rmSync(file, { force: true });
  }
}

export function clearHandoff(root: string): void {
  rmSync(handoffPath(root), { force: true });
}

/** sha256 of every file under `dir`, by path relative to it. */
export function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((path) => [path, sha256(readFileSync(join(dir, path)))]));
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A refusal as a finding: the rule id a policy error ends with (`[rule-id]`), else the kind of check. */
export function findingOf(error: Error): HandoffFinding {
  if (error instanceof ValidationError) {
    const { path, field, problem, fix } = error.detail;
    const rule = /\[([a-z-]+)\]$/.exec(problem)?.[1] ?? 'schema-and-values';
    return { rule, path, field, message: error.message, fix };
  }
  const colon = error.message.indexOf(': ');
  const fix = error.message.lastIndexOf('; fix: ');
  return {
    rule: 'synth',
    path: colon > 0 ? error.message.slice(0, colon) : '(app)',
    field: '',
    message: fix > 0 ? error.message.slice(0, fix) : error.message,
    fix: fix > 0 ? error.message.slice(fix + '; fix: '.length) : 'see the message',
  };
}

/** A path relative to the hand-off's output folder, as the CLI names the manifests it hands over. */
export function relativeToOutdir(handoff: Cdk8sHandoff, file: string): string {
  return relative(handoff.outdir, file);
}
