import { execFileSync } from 'node:child_process';
import { scannerFingerprint, SecretScanMemory } from './secret-scan-memory';

/**
 * Content scanning by secretlint's recommended rules (cloud keys, tokens, private keys, database
 * connection strings with real passwords, ...). secretlint is ESM-only and asynchronous, and the
 * synth is synchronous CommonJS: so one short-lived Node process scans all new values of a synth
 * at once, as one document, and answers in JSON. Offline: the rules are bundled in the package.
 * The preset's comment filter (secretlint-rule-filter-comments) is left out: a value written
 * "# secretlint-disable" would otherwise switch the scan off for every value after it. (The preset
 * registers its rules itself and takes no "disabled" for one of them, so its rules are listed.)
 */
const SCANNER = `
import { lintSource } from '@secretlint/core';
import { rules } from '@secretlint/secretlint-rule-preset-recommend';
const OPTIONS = { '@secretlint/secretlint-rule-aws': { enableIDScanRule: true } };
const config = { rules: rules.filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
  .map((rule) => ({ id: rule.meta.id, rule, options: OPTIONS[rule.meta.id] })) };
let input = '';
for await (const chunk of process.stdin) input += chunk;
// One document of all values (a lint per value costs ~10 ms); each finding maps back by offset.
const values = JSON.parse(input);
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
process.stdout.write(JSON.stringify(found.map((rules) => [...rules])));
`;

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
 * in one scanner process; repeated values cost a lookup.
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

/** One scanner process for `values`; every verdict is kept, and clean ones remembered when the batch can be trusted. */
function scan(values: readonly string[]): void {
  // cwd: this file's folder, so Node finds secretlint in the node_modules above it (also when installed as a package).
  let output: string;
  try {
    output = execFileSync(process.execPath, ['--input-type=module', '--eval', SCANNER], {
      cwd: __dirname,
      input: JSON.stringify(values),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error);
    const cause = stderr.split('\n').find((line) => /Error/.test(line)) ?? stderr.split('\n')[0];
    throw new Error(`the secret scanner (secretlint, run by lib/policy/secret-scanner.ts) could not run: ${cause.trim()}; run npm install`, {
      cause: error,
    });
  }
  const results: string[][] = JSON.parse(output);
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
