import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { scannerFingerprint, SecretScanMemory } from './secret-scan-memory';

/**
 * Content scanning by secretlint's recommended rules (cloud keys, tokens, private keys, database
 * connection strings with real passwords, ...). secretlint is ESM-only and asynchronous, and the
 * synth is synchronous CommonJS: so a worker thread loads it once per process and the synth waits
 * for its answer (Atomics.wait on a shared flag, then the reply read off the port: what synckit
 * does). A child process per scan cost a Node start and a secretlint load each time (about 0.25 s
 * CPU); tests that synthesize hundreds of times paid that for every new value. The worker scans all
 * new values of a call at once, as one document, and exits after a second without work.
 * Offline: the rules are bundled in the package. The preset's comment filter
 * (secretlint-rule-filter-comments) is left out: a value written "# secretlint-disable" would
 * otherwise switch the scan off for every value after it. (The preset registers its rules itself
 * and takes no "disabled" for one of them, so its rules are listed.)
 */
const SCANNER = `
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
// Resolved from the library's folder, so secretlint is found in the node_modules above it (also when installed as a package).
const from = createRequire(workerData.dir + '/');
const load = (name) => import(pathToFileURL(from.resolve(name)).href);
const OPTIONS = { '@secretlint/secretlint-rule-aws': { enableIDScanRule: true } };
// Loaded at the first scan, so a missing package is that scan's error (a reply), not a dead worker.
const loaded = Promise.resolve().then(() => Promise.all([load('@secretlint/core'), load('@secretlint/secretlint-rule-preset-recommend')])).then(([core, preset]) => ({
  lintSource: core.lintSource,
  config: { rules: preset.rules.filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
    .map((rule) => ({ id: rule.meta.id, rule, options: OPTIONS[rule.meta.id] })) },
}));
loaded.catch(() => {}); // handled where a scan awaits it: an unhandled rejection would end the worker without a reply
async function scan(values) {
  const { lintSource, config } = await loaded;
  // One document of all values (a lint per value costs ~10 ms); each finding maps back by offset.
  const starts = [];
  let content = '';
  for (const value of values) { starts.push(content.length); content += value + '\\n\\n'; }
  const result = await lintSource({ source: { content, filePath: '/values.txt', ext: '.txt', contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true } });
  const found = values.map(() => new Set());
  for (const m of result.messages) {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > m.range[0]) i--;
    found[i].add(m.ruleId.replace('@secretlint/secretlint-rule-', '') + '/' + m.messageId);
  }
  return found.map((rules) => [...rules]);
}
workerData.port.on('message', ({ values, done }) => {
  scan(values).then((found) => ({ found }), (error) => ({ error: String(error?.message ?? error).split('\\n')[0] })).then((reply) => {
    workerData.port.postMessage(reply);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  });
});
`;

/** How long a scan may take before the synth gives up on the worker (a first scan loads secretlint, about 0.3 s). */
const SCAN_TIMEOUT_MS = 120_000;
/** How long the worker stays after its last scan: a synth scans once, a test file many times. */
const IDLE_MS = 1000;

/** The scanning worker, the port its replies come on, and the timer that ends it when idle. */
interface ScannerWorker {
  readonly worker: Worker;
  readonly port: MessagePort;
  idle?: NodeJS.Timeout;
}

let scanner: ScannerWorker | undefined;

/** The worker, started on first use; it never keeps the process alive. */
function scannerWorker(): ScannerWorker {
  if (scanner) return scanner;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(SCANNER, { eval: true, workerData: { dir: __dirname, port: port2 }, transferList: [port2] });
  worker.unref();
  port1.unref();
  const started: ScannerWorker = { worker, port: port1 };
  worker.on('error', () => {}); // its failures reach the synth as a reply, or as a scan that does not answer
  worker.on('exit', () => {
    if (scanner === started) scanner = undefined;
  });
  return (scanner = started);
}

/**
 * Ends an idle worker. It is forgotten at once, not when its exit event arrives: a scan that comes
 * before that event would otherwise post to a worker that is shutting down and wait in vain.
 */
function retire(idle: ScannerWorker): void {
  if (scanner === idle) scanner = undefined;
  void idle.worker.terminate();
}

/** The scanner's answer for `values`: the rules each trips, in order. Throws a named error when it cannot run. */
function scanWithWorker(values: readonly string[]): string[][] {
  const current = scannerWorker();
  clearTimeout(current.idle);
  const done = new Int32Array(new SharedArrayBuffer(4));
  current.port.postMessage({ values, done });
  const waited = Atomics.wait(done, 0, 0, SCAN_TIMEOUT_MS);
  const reply = receiveMessageOnPort(current.port)?.message as { found?: string[][]; error?: string } | undefined;
  current.idle = setTimeout(() => retire(current), IDLE_MS).unref();
  if (waited === 'timed-out' || reply === undefined)
    throw new Error(
      `the secret scanner (secretlint, run by lib/policy/secret-scanner.ts) did not answer within ${SCAN_TIMEOUT_MS / 1000} s; run npm install`,
    );
  if (reply.error !== undefined)
    throw new Error(`the secret scanner (secretlint, run by lib/policy/secret-scanner.ts) could not run: ${reply.error}; run npm install`);
  return reply.found!;
}

/** The verdicts of this process (value -> rules tripped): platforms share most strings, and tests synth often. */
const verdicts = new Map<string, readonly string[]>();
/** Clean verdicts the memory may keep: not from a batch holding a secretlint directive. */
const trustedClean = new Set<string>();

/** The packages the scanner runs: their versions are part of its fingerprint. */
const SCANNER_PACKAGES = ['@secretlint/core', '@secretlint/secretlint-rule-preset-recommend'];
/** Text that, inside the one document the scanner reads, would switch rules off for what follows. */
const DIRECTIVE = /secretlint-(disable|enable)/;

let memory: SecretScanMemory | undefined;

/** What the scanner's verdicts depend on besides the values: its code, secretlint's version and Node's. */
export function secretScannerFingerprint(): string {
  return scannerFingerprint(SCANNER, SCANNER_PACKAGES, __dirname);
}

/**
 * Runs `fn` with `remembered` as the scanner's memory between synths (secret-scan-memory.ts):
 * values it knows clean are not scanned again, and new clean values are added to it.
 */
export function withSecretScanMemory<T>(remembered: SecretScanMemory | undefined, fn: () => T): T {
  const outer = memory;
  memory = remembered;
  try {
    return fn();
  } finally {
    memory = outer;
  }
}

/** For each value, the secretlint rules it trips (e.g. `aws/AWSAccessKeyID`); empty when clean. */
export function scanForSecrets(values: readonly string[]): Map<string, readonly string[]> {
  prescanForSecrets(values);
  return new Map(values.map((v) => [v, verdicts.get(v)!]));
}

/** The rules `value` trips, once prescanForSecrets (or scanForSecrets) has seen it; undefined before. */
export function secretVerdict(value: string): readonly string[] | undefined {
  return verdicts.get(value);
}

/**
 * Scans every value not scanned before in this process nor remembered clean (withSecretScanMemory),
 * in one scan; repeated values cost a lookup.
 */
export function prescanForSecrets(values: Iterable<string>): void {
  const unknown = new Set<string>();
  for (const value of values) {
    if (unknown.has(value)) continue;
    const verdict = verdicts.get(value);
    if (verdict !== undefined) {
      if (memory && verdict.length === 0 && trustedClean.has(value)) memory.rememberClean(value);
    } else if (memory?.knowsClean(value)) {
      verdicts.set(value, []);
      trustedClean.add(value);
    } else {
      unknown.add(value);
    }
  }
  if (unknown.size > 0) scan([...unknown]);
}

/** One scan of `values` by the worker; every verdict is kept, and clean ones remembered when the batch can be trusted. */
function scan(values: readonly string[]): void {
  const results = scanWithWorker(values);
  // A directive in the batch could have hidden a finding in the values after it: trust none of its clean verdicts.
  const trusted = !values.some((v) => DIRECTIVE.test(v));
  values.forEach((value, i) => {
    verdicts.set(value, results[i]);
    if (trusted && results[i].length === 0) {
      trustedClean.add(value);
      memory?.rememberClean(value);
    }
  });
}
