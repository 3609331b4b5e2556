// Preloaded (node --require) into a synth that must not scan: any start of the secret scanner's
// worker (the only worker whose code loads secretlint) throws, so a scan would refuse the synth.
const threads = require('node:worker_threads');
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(code, options) {
    if (String(code).includes('secretlint')) throw new Error('the secret scanner was started');
    super(code, options);
  }
};
