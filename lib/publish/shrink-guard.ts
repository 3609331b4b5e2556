import { ValidationError } from '../core/errors';
import { Baseline } from './committed-tree';
import { dataBearingReason } from '../changes/data-bearing';
import { DistObject, objectsOfTree, platformsOfTree } from '../output/dist-objects';

/**
 * Without an allowance a synth may remove at most this fraction of a platform's objects, counted
 * by identity against the baseline (the committed dist/), so a rename counts as a removal and two
 * runs cannot step a platform down further than one. Flux prunes whatever leaves dist/.
 */
export const MAX_SHRINK_FRACTION = 0.5;

/** How a person names what may go: a flag for k8s-platforms synth, a variable under cdk8s synth. */
export const ALLOW_REMOVAL_FLAG = '--allow-removal';
export const ALLOW_REMOVAL_ENV = 'ALLOW_REMOVAL';
const FIX_HINT = `name what may go: \`k8s-platforms synth ${ALLOW_REMOVAL_FLAG} <platform>\` (everything that platform loses) or \`${ALLOW_REMOVAL_FLAG} <platform>/<Kind>/<namespace>/<name>\` (one object; <platform>/<Kind>/<name> for a cluster-scoped one), or ${ALLOW_REMOVAL_ENV}=<name>[,<name>...] under cdk8s synth`;

/** What a synth removes from the baseline, and which of it the allowances name. */
export interface Removals {
  readonly removed: readonly DistObject[];
  /** Removed objects an allowance names (by platform or by identity). */
  readonly allowed: readonly DistObject[];
}

export function removalsOf(baseline: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>, allowances: readonly string[]): Removals {
  const [old, now] = [objectsOfTree(baseline, next), objectsOfTree(next)];
  const removed = [...old.values()].filter((o) => !now.has(o.id));
  const allowed = removed.filter((o) => allowances.includes(o.platform) || allowances.some((a) => sameId(a, o.id)));
  return { removed, allowed };
}

/**
 * The guard's refusals, compared by identity with the baseline: a platform no longer built, the
 * removal of a data-bearing object (dataBearingReason), or more than MAX_SHRINK_FRACTION of a
 * platform's objects, each unless an allowance names it; and an allowance that names nothing
 * this synth removes (a typo must not pass silently). A platform new to dist/ has nothing to lose.
 */
export function removalErrors(baseline: Baseline, next: ReadonlyMap<string, string>, allowances: readonly string[]): ValidationError[] {
  const errors: ValidationError[] = [];
  const old = objectsOfTree(baseline.tree, next); // parses only the files whose text changed
  const { removed, allowed } = removalsOf(baseline.tree, next, allowances);
  const unallowed = removed.filter((o) => !allowed.includes(o));
  const built = platformsOfTree(next);
  for (const platform of platformsOfTree(baseline.tree)) {
    const before = [...old.values()].filter((o) => o.platform === platform).length;
    const lost = unallowed.filter((o) => o.platform === platform);
    if (before === 0 || lost.length === 0) continue;
    if (!built.has(platform)) {
      errors.push(
        refusal(
          platform,
          'objects',
          0,
          `would fall from ${before} to 0 against ${baseline.label}: the platform is no longer built, and Flux would prune every object it deployed`,
        ),
      );
      continue;
    }
    for (const o of lost) {
      const reason = dataBearingReason(o, old.values());
      if (reason) errors.push(refusal(o.id, 'object', `${o.layer} layer`, `would be deleted against ${baseline.label}, and it is ${reason}`));
    }
    if (lost.length > before * MAX_SHRINK_FRACTION) {
      errors.push(
        refusal(
          platform,
          'objects',
          before - lost.length,
          `would lose ${lost.length} of ${before} against ${baseline.label} (more than ${MAX_SHRINK_FRACTION * 100}% at once), and Flux would prune them: ${lost.map((o) => o.id).join(', ')}`,
        ),
      );
    }
  }
  for (const name of allowances) {
    const known = platformsOfTree(baseline.tree).has(name) || built.has(name) || removed.some((o) => sameId(name, o.id));
    if (!known)
      errors.push(
        new ValidationError({
          path: 'synth',
          field: ALLOW_REMOVAL_FLAG,
          value: name,
          problem: 'names no platform and no object this synth removes',
          fix: `use a platform folder of dist/ or the identity of a removed object; ${FIX_HINT}`,
        }),
      );
  }
  return errors;
}

function refusal(path: string, field: string, value: unknown, problem: string): ValidationError {
  return new ValidationError({
    path,
    field,
    value,
    problem,
    fix: `if the removal is intended, ${FIX_HINT}; otherwise bring the missing objects back`,
  });
}

/** Kinds are matched without regard to case (`pvc` is not an alias, `persistentvolumeclaim` is). */
function sameId(allowance: string, id: string): boolean {
  const [a, b] = [allowance.split('/'), id.split('/')];
  return a.length === b.length && a.every((part, i) => (i === 1 ? part.toLowerCase() === b[i].toLowerCase() : part === b[i]));
}
