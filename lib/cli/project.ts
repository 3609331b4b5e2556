import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The config file of a cdk8s app; its folder is the project's. */
export const CDK8S_CONFIG = 'cdk8s.yaml';

/** What the pipeline reads of cdk8s.yaml. */
export interface Cdk8sConfig {
  /** The command that runs the app. */
  readonly app?: string;
  /** The folder `cdk8s synth` writes (and empties first). @default dist */
  readonly output?: string;
  /** Validation plugins `cdk8s synth` runs on its output. */
  readonly validations?: unknown;
}

/** The folder holding cdk8s.yaml: `from` or the nearest folder above it; undefined when there is none. */
export function findProjectRoot(from: string = process.cwd()): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, CDK8S_CONFIG))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** cdk8s.yaml of a project folder; an empty config when the file is missing or not a mapping. */
export function readCdk8sConfig(root: string): Cdk8sConfig {
  const file = join(root, CDK8S_CONFIG);
  if (!existsSync(file)) return {};
  const config: unknown = parse(readFileSync(file, 'utf8'));
  return config && typeof config === 'object' ? config : {};
}

/** Whether cdk8s.yaml lists the project's validation plugin (class PlatformChecks), so `cdk8s synth` will report its findings. */
export function listsPlatformChecks(config: Cdk8sConfig): boolean {
  return (
    Array.isArray(config.validations) &&
    config.validations.some((v) => v && typeof v === 'object' && (v as { class?: unknown }).class === 'PlatformChecks')
  );
}
