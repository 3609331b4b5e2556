import { Site } from '../core/errors';
import { CpuArch } from './instance-types';

/** One image of a pod, as placement sees it: where it is in the pod and the architectures it is built for. */
export interface PodImage {
  /** The container field it is written at, e.g. "containers[0].image". */
  readonly field: string;
  readonly ref: string;
  /** @default not declared: allowed only where every candidate node has one architecture */
  readonly architectures?: readonly CpuArch[];
}

/** A port a pod takes on its node's network (hostNetwork or hostPort). */
export interface HostPort {
  readonly port: number;
  /** "TCP" or "UDP". */
  readonly protocol: string;
}

/** A node (or a pool of identical nodes) a pod could land on, by architecture. */
export interface ArchCandidate {
  readonly name: string;
  readonly arch: CpuArch;
}

/**
 * Every image must run on every node the placement could choose. An image without declared
 * architectures is fine where all candidates share one (the common single-arch pool); on a
 * mixed set it must say, since the kubelet would pull a manifest that may not exist.
 * `placement` describes the selection for the message, e.g. "core-services=true".
 */
export function checkImageArchitectures(site: Site, images: readonly PodImage[], candidates: readonly ArchCandidate[], placement: string): void {
  const archs = [...new Set(candidates.map((c) => c.arch.label))];
  const listed = candidates.map((c) => `${c.name} ${c.arch.label}`).join(', ');
  for (const image of images) {
    const at = site.at(image.field);
    if (image.architectures === undefined) {
      if (archs.length > 1) {
        at.fail(
          image.ref,
          `must declare the architectures it runs on, because the placement ${placement} selects nodes of more than one (${listed})`,
          `declare the platforms its manifest list holds (e.g. architectures: [CpuArch.AMD64, CpuArch.ARM64]), or narrow the placement with .onArch(...)`,
        );
      }
      continue;
    }
    const supported = new Set(image.architectures.map((a) => a.label));
    const wrong = candidates.filter((c) => !supported.has(c.arch.label));
    if (wrong.length > 0) {
      const missing = [...new Set(wrong.map((c) => c.arch.label))];
      at.fail(
        image.ref,
        `runs on ${[...supported].join(', ')} only, but the placement ${placement} could choose ${wrong.map((c) => `${c.name} (${c.arch.label})`).join(', ')}`,
        `build and push it for ${missing.join(', ')} too (docker buildx --platform ${[...supported, ...missing].map((a) => `linux/${a}`).join(',')}) and declare it, or place it on ${[...supported].join(', ')} nodes only (${[...supported].map((a) => `.onArch(CpuArch.${a.toUpperCase()})`).join(' or ')})`,
      );
    }
  }
}
