import { probePortCheck } from '../../../lib/policy/rules/probe-port-check';
import { checkFindings } from '../../pipeline-helpers';
import { handWrittenPod } from './hand-written-pod';
import { constructBuilt } from './workload-fixture';

describe('probe-port-declared: a probe points at a port its container declares', () => {
  test('a workload built by the constructs passes', () => {
    expect(checkFindings(constructBuilt().app, probePortCheck)).toEqual([]);
  });
  test('a hand-written pod is checked too: its probe on an undeclared port name is found', () => {
    expect(checkFindings(handWrittenPod().app, probePortCheck)).toEqual([
      'test/apps/raw: template.spec.containers[0].livenessProbe.tcpSocket.port is no port the container declares',
    ]);
  });
});
