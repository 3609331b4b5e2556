import { ValidationErrors } from '../core/errors';
import { PlatformManifests } from '../gitops/collect';
import { checkPlacement } from './placement-check';
import { checkPodSecurity } from './pod-security-check';

/** The checks every platform's objects must pass before anything is written. */
export function runPolicies(platforms: readonly PlatformManifests[]): void {
  const errors: Error[] = [];
  for (const { platform, layers } of platforms) {
    const manifests = layers.flatMap((l) => l.manifests);
    if (manifests.length === 0) {
      errors.push(new Error(`${platform.name}: produced no objects; refusing to write an empty platform (Flux would prune everything it deployed)`));
    }
    errors.push(...checkPlacement(manifests, platform.pools), ...checkPodSecurity(manifests));
  }
  if (errors.length > 0) throw errors.length === 1 ? errors[0] : new ValidationErrors(errors);
}
