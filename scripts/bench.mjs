// Benchmark: prints one table.
//  1. The README's synth of every platform, against bare `node -e "require('cdk8s-plus-28')"`.
//  2. A generated fleet (scripts/fleet.ts) of N tenant units built with the project's constructs,
//     synthesized, checked and written; against stock cdk8s-plus `app.synth()` of the same units
//     and `yaml.stringify` (+ one file per object) of the same objects, all measured in this run.
//  3. `npm test` wall time.
// Numbers are printed and compared with the performance targets (the synth within 3x a bare
// require of cdk8s-plus; at 10,000 units at most 1.5x the yaml.stringify + write floor, at least
// twice as fast as stock cdk8s-plus, under 1 GiB), never asserted by a test: timing tests flake
// on a busy machine.
// Usage: npm run bench            (N = 1,000 / 5,000 / 10,000; several minutes)
//        npm run bench -- --quick (N = 200, no npm test: what CI could afford, about a minute)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: npm run bench [-- --quick]
Prints one table: the README's synth of every platform against bare require('cdk8s-plus-28') and
npx cdk8s synth; a generated fleet of N tenant units (N = 1,000, 5,000, 10,000) against stock
cdk8s-plus app.synth() and yaml.stringify (+ write) of the same objects, all measured in this run;
and npm test wall time. Numbers are printed and compared with the performance targets (synth <= 3x
bare; at 10,000 units <= 1.5x the yaml.stringify + write floor, >= 2x faster than stock, < 1 GiB),
never asserted.
  --quick   N = 200 and no npm test (about a minute).
Exit codes: 0 measured; 1 a measured command failed; 2 bad command line.`);
oneLineErrors('bench');
for (const arg of process.argv.slice(2)) if (arg !== '--quick') fail('bench', `unknown argument ${JSON.stringify(arg)}; see npm run bench -- --help`);

const quick = process.argv.includes('--quick');
const smallRuns = quick ? 3 : 5;
const fleet = quick
  ? [{ n: 200, runs: 1 }]
  : [
      { n: 1000, runs: 3 },
      { n: 5000, runs: 1 },
      { n: 10000, runs: 1 },
    ];
const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (x) => `${x.toFixed(2)}x`;
const progress = (text) => process.stderr.write(`${text}\n`);

/** Wall time of one command in ms; throws with its stderr when it fails. */
function timed(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  return { ms, stdout: run.stdout };
}

progress(`building (scripts/build.mjs, scripts/build-fleet.mjs) into build/; scratch folder ${scratch}`);
execFileSync('node', ['scripts/build.mjs']);
execFileSync('node', ['scripts/build-fleet.mjs']);

// 1. The small synth, interleaved so a busy moment hits every command alike.
const small = {
  require: ['node', ['-e', "require('cdk8s-plus-28')"]],
  main: ['node', ['build/main.js']],
  npmSynth: ['npm', ['run', '--silent', 'synth']],
  cdk8s: ['npx', ['cdk8s', 'synth', '--no-check-upgrade']],
};
const smallMs = Object.fromEntries(Object.keys(small).map((k) => [k, []]));
for (let run = 0; run <= smallRuns; run++) {
  progress(`small synth, run ${run + 1} of ${smallRuns + 1}${run === 0 ? ' (warm-up, not counted)' : ''}`);
  for (const [key, [command, args]] of Object.entries(small)) {
    const { ms } = timed(command, args, { DIST_DIR: join(scratch, 'small', 'dist') });
    if (run > 0) smallMs[key].push(ms);
  }
}
const bare = median(smallMs.require);

// 2. The fleet: every mode once per round, rounds interleaved; each run into a fresh folder.
const MODES = ['project', 'stock', 'yaml', 'yamlwrite'];
const fleetRows = [];
for (const { n, runs } of fleet) {
  const results = Object.fromEntries(MODES.map((m) => [m, []]));
  for (let run = 0; run < runs; run++) {
    for (const mode of MODES) {
      progress(`fleet N=${n}, ${mode}, run ${run + 1} of ${runs}`);
      const out = join(scratch, `fleet-${mode}-${n}-${run}`);
      const { ms, stdout } = timed('node', ['build/fleet.js', mode, String(n), out]);
      results[mode].push({ ms, ...JSON.parse(stdout.trim().split('\n').pop()) });
      rmSync(out, { recursive: true, force: true });
    }
  }
  const pick = (mode) => {
    const rs = results[mode];
    return {
      ms: median(rs.map((r) => r.ms)),
      cpuMs: median(rs.map((r) => r.cpuMs)),
      peakMiB: Math.max(...rs.map((r) => r.peakMiB)),
      objects: rs[0].objects,
    };
  };
  fleetRows.push({ n, ...Object.fromEntries(MODES.map((m) => [m, pick(m)])) });
}

// 3. npm test (the full bench only: CI runs npm test itself).
let testMs;
if (!quick) {
  progress('npm test');
  testMs = timed('npm', ['test', '--silent']).ms;
}
rmSync(scratch, { recursive: true, force: true });

// The table.
const rows = [['measure', 'wall', 'CPU', 'peak RSS', 'objects', 'objects/s', 'ratio of walls (of CPU times)', 'target']];
const verdict = (ok) => (ok ? 'met' : 'MISSED');
rows.push(['bare `node -e "require(\'cdk8s-plus-28\')"`', seconds(bare), '', '', '', '', '1.00x', '']);
for (const [key, label] of [
  ['main', '`node build/main.js` (all platforms)'],
  ['npmSynth', "`npm run synth` (the README's synth)"],
  ['cdk8s', '`npx cdk8s synth` (stock CLI)'],
]) {
  const r = median(smallMs[key]) / bare;
  rows.push([label, seconds(median(smallMs[key])), '', '', '', '', `${ratio(r)} bare`, key === 'npmSynth' ? `<= 3x bare: ${verdict(r <= 3)}` : '']);
}
for (const { n, project, stock, yaml, yamlwrite } of fleetRows) {
  const perSecond = (r) => Math.round(r.objects / (r.ms / 1000)).toLocaleString('en');
  const vsFloor = project.ms / yamlwrite.ms;
  const vsStock = stock.ms / project.ms;
  const targets =
    n === 10000
      ? `<= 1.5x floor: ${verdict(vsFloor <= 1.5)}; >= 2x faster than stock: ${verdict(vsStock >= 2)}; < 1 GiB: ${verdict(project.peakMiB < 1024)}`
      : '';
  const both = (a, b) => `${ratio(a.ms / b.ms)} (${ratio(a.cpuMs / b.cpuMs)})`;
  const row = (label, r, ratios, target) =>
    rows.push([
      `fleet N=${n.toLocaleString('en')}: ${label}`,
      seconds(r.ms),
      seconds(r.cpuMs),
      `${Math.round(r.peakMiB)} MiB`,
      r.objects.toLocaleString('en'),
      perSecond(r),
      ratios,
      target,
    ]);
  row(
    'project synth+checks+write',
    project,
    `${both(project, stock)} stock, ${both(project, yaml)} yaml, ${both(project, yamlwrite)} yaml+write`,
    targets,
  );
  row('stock cdk8s-plus app.synth()', stock, '', '');
  row('yaml.stringify', yaml, '', '');
  row('yaml.stringify + write files', yamlwrite, '', '');
}
const first = fleetRows[0];
const last = fleetRows[fleetRows.length - 1];
if (fleetRows.length > 1) {
  const growth = last.project.ms / first.project.ms;
  rows.push([
    `time(N=${last.n.toLocaleString('en')}) / time(N=${first.n.toLocaleString('en')})`,
    '',
    '',
    '',
    '',
    '',
    `project ${growth.toFixed(1)}, stock ${(last.stock.ms / first.stock.ms).toFixed(1)}, yaml+write ${(last.yamlwrite.ms / first.yamlwrite.ms).toFixed(1)}`,
    `<= 11: ${verdict(growth <= 11)}`,
  ]);
}
if (testMs !== undefined) rows.push(['`npm test`', seconds(testMs), '', '', '', '', '', '']);

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(rows[0]));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of rows.slice(1)) console.log(line(r));
console.log(
  `\nwall: elapsed; CPU: user + system of the fleet process (what a busy machine disturbs least). Medians of ${smallRuns} runs (small synth, after a warm-up) and of ${fleet.map((f) => `${f.runs} at N=${f.n}`).join(', ')}; ratio = this row's wall / the named row's wall.`,
);
