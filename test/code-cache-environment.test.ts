import { createRequire } from 'node:module';
import type * as Vm from 'node:vm';

/** test/code-cache-environment.ts: jest's compiles of a module a worker saw before start from V8's data. */
const vm = createRequire(__filename)('node:vm') as typeof Vm;
const file = `/code-cache-probe-${process.pid}-${Date.now()}.js`;

describe('the code cache of the test environment', () => {
  test('a second compile of the same source under the same file name is given the data of the first', () => {
    const first = vm.compileFunction('return 40 + 2;', [], { filename: file });
    const second = vm.compileFunction('return 40 + 2;', [], { filename: file });
    expect([first(), second()]).toEqual([42, 42]);
    expect(first.cachedDataProduced).toBe(true);
    expect(second.cachedDataRejected).toBe(false);
  });

  test('a changed source under the same file name runs its new text', () => {
    const before = vm.compileFunction('return "before";', [], { filename: `${file}.changed` });
    const after = vm.compileFunction('return "after";', [], { filename: `${file}.changed` });
    expect([before(), after()]).toEqual(['before', 'after']);
    expect(after.cachedDataRejected).toBeUndefined(); // compiled in full, not from the old data
  });
});
