import { numericUserCheck } from '../../../lib/policy/rules/numeric-user-check';
import { checkFindings } from '../../pipeline-helpers';
import { handWrittenPod } from './hand-written-pod';
import { constructBuilt } from './workload-fixture';

describe('numeric-user: a non-root container runs as a numeric user and group', () => {
  test('a workload built by the constructs passes', () => {
    expect(checkFindings(constructBuilt().app, numericUserCheck)).toEqual([]);
  });
  test('a hand-written pod is checked too, and passes with numeric ids on the pod', () => {
    expect(checkFindings(handWrittenPod().app, numericUserCheck)).toEqual([]);
  });
});
