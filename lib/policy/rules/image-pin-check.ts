import { isFloatingTag } from '../../core/image-reference';
import { PolicyRule } from '../../core/exceptions';
import { Finding, PolicyCheck } from '../policy-check';
import { containersOf, podSpecOf } from '../../core/pod-specs';

/** The tag of an image reference, or undefined when it has none (a digest counts as pinned). */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return image.slice(image.indexOf('@') + 1);
  const lastPart = image.slice(image.lastIndexOf('/') + 1); // a registry port (host:5000/app) is not a tag
  return lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : undefined;
}

/** `latest` (or `stable`, `LATEST`, ...) or no tag means "whatever was pushed last": a re-apply could change what runs. */
export const imagePinCheck: PolicyCheck = {
  rule: PolicyRule.IMAGES_PINNED,
  appliesTo: (m, { environment }) => !environment.floatingImageTags && podSpecOf(m) !== undefined,
  check(m) {
    const findings: Finding[] = [];
    for (const { field, container } of containersOf(podSpecOf(m)!)) {
      const tag = imageTag(container.image ?? '');
      if (tag === undefined || (!tag.includes(':') && isFloatingTag(tag))) {
        findings.push({
          field: `${field}.image`,
          value: container.image,
          problem: `must be pinned to a version (${tag ? `${tag} is not one` : 'it has no tag'})`,
          fix: 'give a version tag or a digest, e.g. "postgres:16.4"; a local-dev environment (Environment.localDev()) may float',
        });
      }
    }
    return findings;
  },
};
