import { allocatableCheck } from '../../../lib/policy/rules/allocatable-check';
import { checkFindings } from '../../pipeline-helpers';
import { constructBuilt } from './workload-fixture';

describe('fits-allocatable: a pod fits what one node of its pool can allocate', () => {
  test('a workload built by the constructs passes', () => {
    expect(checkFindings(constructBuilt().app, allocatableCheck)).toEqual([]);
  });
});
