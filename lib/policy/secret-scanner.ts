import { execFileSync } from 'node:child_process';

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

/** Values already scanned in this process: platforms share most strings, and tests synth often. */
const scanned = new Map<string, readonly string[]>();

/** For each value, the secretlint rules it trips (e.g. `aws/AWSAccessKeyID`); empty when clean. */
export function scanForSecrets(values: readonly string[]): Map<string, readonly string[]> {
  const fresh = [...new Set(values)].filter((v) => !scanned.has(v));
  if (fresh.length > 0) {
    // cwd: this file's folder, so Node finds secretlint in the node_modules above it (also when installed as a package).
    let output: string;
    try {
      output = execFileSync(process.execPath, ['--input-type=module', '--eval', SCANNER], {
        cwd: __dirname,
        input: JSON.stringify(fresh),
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
    fresh.forEach((value, i) => scanned.set(value, results[i]));
  }
  return new Map(values.map((v) => [v, scanned.get(v)!]));
}
