import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError, ValidationErrors } from '../core/errors';
import { listFiles } from './dist-swap';

/**
 * A synth may remove at most this fraction of a platform's objects from dist/ at once. Flux
 * prunes whatever leaves dist/, and a path that builds to nothing means "delete everything";
 * a large drop is far more often a bug (a lost chart, a bad condition) than a decision.
 */
export const MAX_SHRINK_FRACTION = 0.5;

/** How a person says "yes, remove them": a flag for npm run synth, a variable for npx cdk8s synth. */
export const ALLOW_SHRINK_FLAG = '--allow-shrink';
export const ALLOW_SHRINK_ENV = 'ALLOW_SHRINK';

export function allowShrinkRequested(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  return argv.includes(ALLOW_SHRINK_FLAG) || env[ALLOW_SHRINK_ENV] === '1' || env[ALLOW_SHRINK_ENV] === 'true';
}

/** Objects per platform folder in a dist/ on disk: every file but the kustomization.yaml files. */
export function countObjectsOnDisk(dist: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(dist)) return counts;
  const folders = readdirSync(dist, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  for (const folder of folders.sort()) {
    counts.set(folder, listFiles(join(dist, folder)).filter((f) => !/(^|\/)kustomization\.yaml$/.test(f)).length);
  }
  return counts;
}

/**
 * Refuses to let any platform folder fall to zero objects (including a folder no longer produced
 * at all) or lose more than MAX_SHRINK_FRACTION of them, compared with the dist/ on disk,
 * unless `allow` is set. A platform new to dist/ has nothing to lose.
 */
export function checkShrink(dist: string, next: ReadonlyMap<string, number>, allow: boolean): void {
  const errors = shrinkErrors(dist, next, allow);
  if (errors.length > 0) throw errors.length === 1 ? errors[0] : new ValidationErrors(errors);
}

/** checkShrink's refusals, returned rather than thrown. */
export function shrinkErrors(dist: string, next: ReadonlyMap<string, number>, allow: boolean): ValidationError[] {
  const errors: ValidationError[] = [];
  if (allow) return errors;
  for (const [folder, before] of countObjectsOnDisk(dist)) {
    if (before === 0) continue;
    const after = next.get(folder) ?? 0;
    const lost = before - after;
    const where = `${join(dist, folder)}/`;
    let problem: string | undefined;
    if (!next.has(folder)) {
      problem = `would fall from ${before} to 0: the platform is no longer built, so ${where} would be deleted and Flux would prune every object it deployed`;
    } else if (after === 0) {
      problem = `would fall from ${before} to 0: Flux prunes every object when ${where} builds to nothing`;
    } else if (lost > before * MAX_SHRINK_FRACTION) {
      problem = `would fall from ${before} to ${after} in ${where} (${lost} removed, more than ${MAX_SHRINK_FRACTION * 100}% at once), and Flux would prune them`;
    }
    if (problem) {
      errors.push(new ValidationError({ path: folder, field: 'objects', value: after, problem,
        fix: `if the removal is intended, run \`npm run synth -- ${ALLOW_SHRINK_FLAG}\` (or set ${ALLOW_SHRINK_ENV}=1 for npx cdk8s synth); otherwise bring the missing objects back` }));
    }
  }
  return errors;
}
