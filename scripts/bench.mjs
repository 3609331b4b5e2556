// Benchmark: whole-process wall time and peak memory of the synth path, over repeated runs, and
// the time the checks (schema validation + policy rules) take inside a synth.
// Numbers are printed, never asserted: timing tests flake on a busy machine.
// Usage: npm run bench [-- RUNS]   (needs GNU time at /usr/bin/time for peak memory)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: npm run bench [-- RUNS]
Times the bundle, the synth (node build/main.js) and npx cdk8s synth, RUNS times each (default 10)
after one warm-up, into a temporary dist/; prints min, median and max wall time, peak memory (with
GNU time at /usr/bin/time) and the checks' share. Numbers are printed, never asserted.
Exit codes: 0 measured; 1 a measured command failed; 2 RUNS is not a positive whole number.`);
oneLineErrors('bench');
if (process.argv[2] !== undefined && !/^[1-9][0-9]*$/.test(process.argv[2])) fail('bench', `RUNS must be a positive whole number (got ${JSON.stringify(process.argv[2])}); see npm run bench -- --help`);

const runs = Number(process.argv[2] ?? 10);
const gnuTime = existsSync('/usr/bin/time');
const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
const env = { ...process.env, DIST_DIR: join(scratch, 'dist') };

const stats = (xs, digits) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[0], s[Math.floor(s.length / 2)], s[s.length - 1]].map((x) => x.toFixed(digits).padStart(8)).join(' ');
};
const checkTimes = { total: [], schema: [], policy: [] };

function measure(label, command, args) {
  const wall = [];
  const peak = [];
  spawnSync(command, args, { env }); // warm-up, not counted
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const run = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { env, encoding: 'utf8' })
      : spawnSync(command, args, { env, encoding: 'utf8' });
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (run.status !== 0) throw new Error(`${label} failed:\n${run.stderr}`);
    if (gnuTime) peak.push(Number(run.stderr.trim().split('\n').pop()) / 1024);
    // The synth prints "checks took T ms (schema S ms, policy P ms)".
    const checks = /checks took (\d+) ms \(schema (\d+) ms, policy (\d+) ms\)/.exec(`${run.stdout}${run.stderr}`);
    if (checks && label.startsWith('synth')) ['total', 'schema', 'policy'].forEach((k, j) => checkTimes[k].push(Number(checks[j + 1])));
  }
  console.log(`${label.padEnd(34)} wall ms ${stats(wall, 0)}   peak MiB ${gnuTime ? stats(peak, 1) : '   (no /usr/bin/time)'}`);
}

execFileSync('node', ['scripts/build.mjs']);
console.log(`${runs} runs each after one warm-up; columns are min, median, max\n`);
measure('bundle (node scripts/build.mjs)', 'node', ['scripts/build.mjs']);
measure('synth (node build/main.js)', 'node', ['build/main.js']);
measure('npx cdk8s synth', 'npx', ['cdk8s', 'synth', '--no-check-upgrade']);
console.log(`\nchecks inside 'synth (node build/main.js)', ms       min   median      max`);
for (const [k, xs] of Object.entries(checkTimes)) console.log(`  ${k.padEnd(32)}        ${stats(xs, 0)}`);
rmSync(scratch, { recursive: true, force: true });
