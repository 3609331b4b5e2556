/**
 * The synth: synthesize() (every check, writes nothing) and runSynth() (lock, synthesize, publish).
 *
 * @packageDocumentation
 */
export * from './run-synth';
export * from './synth';
