import { Site } from '../../lib/core/errors';
import { expandPortRanges, MAX_RANGE_PORTS, PortRange } from '../../lib/workloads/port-range';

const expand = (ports: any[]) => expandPortRanges(new Site('t'), ports, (name, port, protocol) => ({ name, port, protocol }));

describe('PortRange', () => {
  test('expands to one named port a number, keeping plain ports in place', () => {
    const ports = expand([{ name: 'http', port: 80 }, PortRange.of(8000, 8002, 'p', 'UDP')]);
    expect(ports).toEqual([
      { name: 'http', port: 80 },
      { name: 'p8000', port: 8000, protocol: 'UDP' },
      { name: 'p8001', port: 8001, protocol: 'UDP' },
      { name: 'p8002', port: 8002, protocol: 'UDP' },
    ]);
  });

  test('the limit is inclusive and the NetworkPolicy rule keeps the range whole', () => {
    expect(expand([PortRange.of(1, MAX_RANGE_PORTS, 'p')])).toHaveLength(MAX_RANGE_PORTS);
    expect(() => expand([PortRange.of(1, MAX_RANGE_PORTS + 1, 'p')])).toThrow('expands to 1001 ports');
    expect(PortRange.of(8000, 8999, 'p').rule).toEqual({ port: 8000, endPort: 8999, protocol: 'TCP' });
  });

  test('names the range must give are valid port names', () => {
    expect(() => expand([PortRange.of(8000, 8001, 'much-too-long-')])).toThrow('t: [0].namePrefix');
  });
});
