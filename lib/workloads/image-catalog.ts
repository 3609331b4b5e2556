import { Site } from '../core/errors';
import { CpuArch } from '../placement/instance-types';
import { ContainerImage } from './container';

/** One entry of an image file that CI rewrites: repository, tag (the commit it built) and platforms. */
export interface ImageEntry {
  readonly repository: string;
  readonly tag: string;
  readonly architectures: readonly string[];
}

const ARCHS: Readonly<Record<string, CpuArch>> = { amd64: CpuArch.AMD64, arm64: CpuArch.ARM64 };
/** A commit (7-40 hex digits) or a version (1.2, 1.2.3, v1.2.3-rc.1); never a moving tag like "latest". */
const PINNED_TAG = /^([0-9a-f]{7,40}|v?\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?)$/;

/**
 * The images of a platform from a file CI sets (`file`, for messages): each tag pinned to a
 * commit or version, each architecture one the placement knows. Image tags are inputs, never
 * edits to dist/: CI rewrites the file, the synth writes dist/.
 */
export function loadImageCatalog(file: string, entries: Readonly<Record<string, ImageEntry>>): Record<string, ContainerImage> {
  const site = new Site(file);
  return Object.fromEntries(
    Object.entries(entries).map(([name, entry]) => {
      const at = site.at(name);
      if (typeof entry.repository !== 'string' || !/^[a-z0-9][a-z0-9._\-/:]*$/.test(entry.repository)) {
        at.at('repository').fail(entry.repository, 'must be an image repository', 'write e.g. "docker.io/owner/name"');
      }
      if (typeof entry.tag !== 'string' || !PINNED_TAG.test(entry.tag)) {
        at.at('tag').fail(
          entry.tag,
          'must be a commit (7-40 hex digits) or a version tag',
          `run: node scripts/set-image.mjs ${file} ${name} <commit sha>`,
        );
      }
      const architectures = (entry.architectures ?? []).map(
        (a, i) =>
          ARCHS[a] ??
          at
            .at('architectures')
            .at(i)
            .fail(a, 'is not an architecture the nodes have', `use one of: ${Object.keys(ARCHS).join(', ')}`),
      );
      if (architectures.length === 0)
        at.at('architectures').fail(entry.architectures, 'must list the platforms the image is built for', 'e.g. ["amd64", "arm64"]');
      return [name, { ref: `${entry.repository}:${entry.tag}`, architectures }];
    }),
  );
}
