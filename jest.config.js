/** Types are checked once by `tsc --noEmit` in `npm test`; ts-jest only transpiles (fast). */
module.exports = {
  // jest's node environment with a code cache for the modules the suites of a worker share.
  testEnvironment: '<rootDir>/test/code-cache-environment.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 60000,
  // A scratch folder per run for what the end-to-end suites share (test/shared-synth.ts).
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // One worker per core (jest's default leaves one core to itself): the slow suites wait on child
  // processes (npm pack, tsc, typedoc, the synth), which then use the other core.
  maxWorkers: '100%',
};
