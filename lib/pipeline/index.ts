/**
 * The synth: synthesize() (every check, writes nothing), runSynth() (lock, synthesize, publish),
 * and the checks a plain `app.synth()` runs as construct validations (app-checks.ts, registered
 * when the package loads).
 *
 * @packageDocumentation
 */
export * from './app-checks';
export * from './run-synth';
export * from './synth';
