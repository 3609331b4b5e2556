import { Site } from '../core/errors';

/** How many sessions fit where (a platform's sizing, e.g. gimp-streaming's GIMP_SESSION_CAPACITY). */
export interface SessionCapacityModel {
  /** Conservative sessions per CPU node. */
  readonly cpuSessionsPerNode: number;
  /** Time-slicing ratio: sessions sharing one GPU. */
  readonly gpuSessionsPerGpu: number;
  readonly gpusPerNode: number;
  /** Head-room for scale-up latency; applied as the seed does (rounded down). */
  readonly buffer: number;
}

export interface RequiredNodes {
  readonly cpuNodes: number;
  readonly gpuNodes: number;
}

/**
 * Nodes needed for a number of sessions, with the gimp-streaming seed's arithmetic (its Go
 * `calculateRequiredNodes`): ceil(sessions / per-node), then `int(float64(n) * buffer)`, which
 * truncates, so a 1.2 buffer adds nothing below 5 nodes.
 */
export function calculateRequiredNodes(activeSessions: number, gpuSessions: number, model: SessionCapacityModel): RequiredNodes {
  const site = new Site('calculateRequiredNodes');
  for (const [field, value] of [
    ['activeSessions', activeSessions],
    ['gpuSessions', gpuSessions],
  ] as const) {
    if (!Number.isInteger(value) || value < 0)
      site.at(field).fail(value, 'must be a whole number of sessions, at least 0', 'count sessions, e.g. 120');
  }
  if (gpuSessions > activeSessions) {
    site
      .at('gpuSessions')
      .fail(
        gpuSessions,
        `is more than activeSessions (${activeSessions}); GPU sessions are part of the active ones`,
        'pass all active sessions, GPU ones included, as activeSessions',
      );
  }
  const cpuNodes = Math.ceil((activeSessions - gpuSessions) / model.cpuSessionsPerNode);
  const gpuNodes = Math.ceil(gpuSessions / (model.gpusPerNode * model.gpuSessionsPerGpu));
  return { cpuNodes: Math.trunc(cpuNodes * model.buffer), gpuNodes: Math.trunc(gpuNodes * model.buffer) };
}
