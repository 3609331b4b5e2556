import { Site } from '../core/errors';

/**
 * The user a non-root pod runs as unless it names one: 65532, the `nonroot` user of distroless
 * images, owned by no file of a typical image. Written explicitly because the kubelet refuses
 * `runAsNonRoot` for an image whose USER is a name (it cannot prove the name is not root).
 */
export const DEFAULT_RUN_AS_USER = 65532;
/** The primary group of a non-root pod unless it names one (the `nonroot` group of distroless). */
export const DEFAULT_RUN_AS_GROUP = 65532;

/** A Linux user or group id for a non-root process: 1 to 2147483647 (0 is root: use runAsRoot). */
export function checkUserId(site: Site, value: number): number {
  if (value === 0) {
    site.fail(
      value,
      'must not be 0 (root) on a non-root pod',
      'use a non-zero id, or declare runAsRoot: { reason } on the container that needs root',
    );
  }
  if (!Number.isInteger(value) || value < 1 || value > 2147483647) {
    site.fail(
      value,
      'must be a whole user or group id from 1 to 2147483647',
      `give the numeric id the image's user has (e.g. 1000), or leave it out for ${DEFAULT_RUN_AS_USER}`,
    );
  }
  return value;
}
