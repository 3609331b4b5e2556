import { SessionCapacityModel } from '../../lib';

/** Seed: "Capacity Planning" -- the constants of its `calculateRequiredNodes`, verbatim (including its "2 GPUs per node"). */
export const GIMP_SESSION_CAPACITY: SessionCapacityModel = { cpuSessionsPerNode: 10, gpuSessionsPerGpu: 4, gpusPerNode: 2, buffer: 1.2 };
