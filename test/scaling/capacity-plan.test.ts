import { GIMP_SESSION_CAPACITY as SEED_CAPACITY_MODEL } from '../../platforms/gimp-streaming/capacity';
import { calculateRequiredNodes } from '../../lib/scaling/capacity-plan';

describe("calculateRequiredNodes (the seed's Go function)", () => {
  test.each([
    // active, gpu, cpuNodes, gpuNodes: ceil(sessions / per-node), then int(n * 1.2) truncates
    [0, 0, 0, 0],
    [1, 0, 1, 0], // ceil(0.1) = 1; int(1.2) = 1: the buffer adds nothing to one node
    [10, 0, 1, 0],
    [11, 0, 2, 0], // ceil(1.1) = 2; int(2.4) = 2
    [50, 0, 6, 0], // 5 nodes; int(6.0) = 6
    [100, 20, 9, 3], // cpu: ceil(80/10) = 8, int(9.6) = 9; gpu: ceil(20/8) = 3, int(3.6) = 3
    [200, 40, 19, 6], // cpu: 16 -> int(19.2) = 19; gpu: 5 -> int(6.0) = 6
    [41, 41, 0, 7], // all on GPUs: ceil(41/8) = 6 -> int(7.2) = 7
  ])('%i active sessions, %i on GPUs -> %i CPU nodes, %i GPU nodes', (active, gpu, cpuNodes, gpuNodes) => {
    expect(calculateRequiredNodes(active, gpu, SEED_CAPACITY_MODEL)).toEqual({ cpuNodes, gpuNodes });
  });

  test('the seed constants, including its 2 GPUs a node (g4dn.xlarge has 1)', () => {
    expect(SEED_CAPACITY_MODEL).toEqual({ cpuSessionsPerNode: 10, gpuSessionsPerGpu: 4, gpusPerNode: 2, buffer: 1.2 });
    expect(calculateRequiredNodes(16, 16, { ...SEED_CAPACITY_MODEL, gpusPerNode: 1 })).toEqual({ cpuNodes: 0, gpuNodes: 4 });
  });

  test('more GPU sessions than sessions is refused instead of giving negative nodes', () => {
    expect(() => calculateRequiredNodes(5, 8, SEED_CAPACITY_MODEL)).toThrow(
      'calculateRequiredNodes: gpuSessions is more than activeSessions (5); GPU sessions are part of the active ones (got 8); fix: pass all active sessions, GPU ones included, as activeSessions',
    );
    expect(() => calculateRequiredNodes(-1, 0, SEED_CAPACITY_MODEL)).toThrow(
      'calculateRequiredNodes: activeSessions must be a whole number of sessions, at least 0 (got -1)',
    );
  });
});
