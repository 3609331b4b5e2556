import { Site, ValidationError, ValidationErrors } from '../../lib/core/errors';

describe('ValidationError', () => {
  test('names path, field, value and fix', () => {
    const error = new ValidationError({ path: 'a/b', field: 'spec.replicas', value: -1, problem: 'must be at least 0', fix: 'give 2' });
    expect(error.message).toBe('a/b: spec.replicas must be at least 0 (got -1); fix: give 2');
    expect(error.detail.value).toBe(-1);
  });
  test('sites build nested field names', () => {
    const site = new Site('root').at('containers').at(0).at('resources').at('limits.cpu');
    expect(() => site.fail('x', 'is bad', 'do better')).toThrow('root: containers[0].resources.limits.cpu is bad (got "x"); fix: do better');
  });
  test('a missing value reads as nothing', () => {
    expect(() => new Site('root', 'email').fail(undefined, 'is required', 'add it')).toThrow('root: email is required (got nothing); fix: add it');
  });
  test('a value JSON cannot write (circular, e.g. a construct) is shown by its shape, not "[object Object]"', () => {
    const circular: Record<string, unknown> = { name: 'pool' };
    circular.self = circular;
    expect(() => new Site('root', 'pool').fail(circular, 'must be a NodePool', 'pass pools.get(name)')).toThrow(
      "root: pool must be a NodePool (got <ref *1> { name: 'pool', self: [Circular *1] }); fix: pass pools.get(name)",
    );
  });
  test('many errors are reported together', () => {
    const errors = new ValidationErrors([new Error('one'), new Error('two')]);
    expect(errors.message).toBe('one\ntwo');
  });
});
