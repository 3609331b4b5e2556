import { TestEnvironment } from 'jest-environment-node';
import { createRequire } from 'node:module';
import type * as Vm from 'node:vm';

/**
 * Every suite's test environment: jest's node environment, plus a code cache for the modules the
 * suites of one worker share. Jest gives each test file its own module registry and compiles every
 * module it loads again (vm.compileFunction, no V8 code cache): cdk8s-plus-28's generated imports,
 * the schema validators and jest's own expect, once per file, about 12 s of CPU a run. V8's data
 * from the first compile of a source makes the next compiles of that source cheap. V8 checks the
 * data against the source it is given and compiles in full when they differ, and the cache is
 * keyed by the whole source text, so a module always runs what its file holds now.
 */
const vm = createRequire(__filename)('node:vm') as typeof Vm; // the module itself: an import binding is a copy jest does not read
const PATCHED = Symbol.for('k8s-platforms.test.code-cache');

if (!(PATCHED in vm.compileFunction)) {
  const compile = vm.compileFunction;
  const cache = new Map<string, { source: string; data: Buffer }>();
  const cached: typeof compile = (source, params, options) => {
    const file = options?.filename;
    const known = file === undefined ? undefined : cache.get(file);
    if (known?.source === source) return compile(source, params, { ...options, cachedData: known.data });
    const compiled = compile(source, params, { ...options, produceCachedData: true });
    if (file !== undefined && compiled.cachedData) cache.set(file, { source, data: compiled.cachedData });
    return compiled;
  };
  vm.compileFunction = Object.assign(cached, { [PATCHED]: true });
}

export default TestEnvironment;
