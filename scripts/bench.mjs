// Benchmark: prints one table from one run, CPU time beside wall time.
//  1. The README's synth (`npm run synth`) with nothing changed and with one change, and the app
//     alone (`node build/main.js`), against bare `node -e "require('cdk8s-plus-28')"`.
//  2. A generated fleet (scripts/fleet.ts) of N tenant units built with the project's constructs:
//     the first synth (a new folder), a re-synth with nothing changed and a re-synth with one
//     unit's image changed; against stock cdk8s-plus `app.synth()` of the same units and
//     `yaml.stringify` (+ one file per object) of the same objects, all measured in this run.
//  3. `npm test`, step by step (build, type check, lint, format check, jest), and its slowest suites.
// CPU is user + system time of the command and every process it waited for (the shell's `times`),
// what a busy machine disturbs least; the targets are judged by CPU. Numbers are printed and
// compared with the performance targets, never asserted by a test: timing tests flake on a busy
// machine.
// Usage: npm run bench                 (N = 1,000 / 5,000 / 10,000, then npm test; many minutes)
//        npm run bench -- --no-test    (the same without npm test, on a machine shared with others)
//        npm run bench -- --quick      (N = 200, no npm test: what CI could afford, about a minute)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';

helpRequested(`Usage: npm run bench [-- --quick | --no-test]
Prints one table, CPU beside wall: the README's synth with nothing changed and with one change
against bare require('cdk8s-plus-28'); a generated fleet of N tenant units (N = 1,000, 5,000,
10,000): first synth, re-synth with nothing changed and with one change, against stock cdk8s-plus
app.synth() and yaml.stringify (+ write) of the same objects, all measured in this run; peak
memory; and npm test. Numbers are compared with the performance targets (README synth <= 3x bare
by CPU; at 10,000 units a re-synth <= 0.5x stock and <= 2x the yaml + write floor by CPU, < 1 GiB,
time(10k) / time(1k) <= 11), never asserted.
  --quick     N = 200 and no npm test (about a minute).
  --no-test   everything but npm test.
Exit codes: 0 measured; 1 a measured command failed; 2 bad command line.`);
oneLineErrors('bench');
for (const arg of process.argv.slice(2))
  if (arg !== '--quick' && arg !== '--no-test') fail('bench', `unknown argument ${JSON.stringify(arg)}; see npm run bench -- --help`);

const quick = process.argv.includes('--quick');
const withTest = !quick && !process.argv.includes('--no-test');
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

/**
 * Runs a command to its end: wall time, and CPU time (user + system) of it and of every process
 * it waited for, from the shell's `times` builtin (POSIX; its second line is the children's) on
 * file descriptor 3. Throws with its stderr when it fails.
 */
function measured(command, args, env = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync('sh', ['-c', '"$@"; s=$?; times >&3; exit $s', 'sh', command, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  const [, , childUser, childSystem] = [...run.output[3].matchAll(/(\d+)m([\d.]+)s/g)].map(([, m, s]) => (Number(m) * 60 + Number(s)) * 1000);
  return { ms, cpuMs: childUser + childSystem, stdout: run.stdout };
}

progress(`building (scripts/build.mjs, scripts/build-fleet.mjs) into build/; scratch folder ${scratch}`);
execFileSync('node', ['scripts/build.mjs']);
execFileSync('node', ['scripts/build-fleet.mjs']);

// 1. The small synth into a dist/ of its own, interleaved so a busy moment hits every command alike.
// "One change": one object of dist/ differs from what the synth makes (as if one value of the
// source had changed), so the synth writes it, swaps dist/ and reports the change.
const smallDist = join(scratch, 'small', 'dist');
const env = { DIST_DIR: smallDist };
/** Changes one Deployment's image in dist/ on disk: the next synth has one object to put back. */
function changeOneObject() {
  const folder = join(smallDist, readdirSync(smallDist).sort()[0], 'apps');
  const files = readdirSync(folder, { recursive: true }).filter((f) => /deployment-.*\.yaml$/.test(f));
  const file = join(folder, files.sort()[0]);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/image: (\S+)/, 'image: $1-edited'));
}
const small = {
  require: () => measured('node', ['-e', "require('cdk8s-plus-28')"]),
  main: () => measured('node', ['build/main.js'], env),
  unchanged: () => measured('npm', ['run', '--silent', 'synth'], env),
  oneChange: () => {
    changeOneObject();
    const run = measured('npm', ['run', '--silent', 'synth'], env);
    if (!/[1-9]\d* changed/.test(run.stdout)) throw new Error(`the synth after one change reported no change:\n${run.stdout}`);
    return run;
  },
};
const smallRunsOf = Object.fromEntries(Object.keys(small).map((k) => [k, []]));
for (let run = 0; run <= smallRuns; run++) {
  progress(`small synth, run ${run + 1} of ${smallRuns + 1}${run === 0 ? ' (warm-up, not counted)' : ''}`);
  for (const [key, measure] of Object.entries(small)) {
    const result = measure();
    if (run > 0) smallRunsOf[key].push(result);
  }
}
const smallOf = (key) => ({ ms: median(smallRunsOf[key].map((r) => r.ms)), cpuMs: median(smallRunsOf[key].map((r) => r.cpuMs)) });

// 2. The fleet: every mode once per round, rounds interleaved. The project's three runs share one
// folder (first synth, then re-synths of what it wrote); the others each write a fresh folder.
const PROJECT = [
  ['first', 'project'],
  ['resynth', 'project'],
  ['oneChange', 'changed'],
];
const OTHERS = ['stock', 'yaml', 'yamlwrite'];
const fleetRows = [];
for (const { n, runs } of fleet) {
  const results = Object.fromEntries([...PROJECT.map(([key]) => key), ...OTHERS].map((k) => [k, []]));
  const runFleet = (key, mode, out) => {
    const { ms, cpuMs, stdout } = measured('node', ['build/fleet.js', mode, String(n), out]);
    results[key].push({ ms, ...JSON.parse(stdout.trim().split('\n').pop()), cpuMs });
  };
  for (let run = 0; run < runs; run++) {
    const projectOut = join(scratch, `fleet-project-${n}-${run}`);
    for (const [key, mode] of PROJECT) {
      progress(`fleet N=${n}, project ${key}, run ${run + 1} of ${runs}`);
      runFleet(key, mode, projectOut);
    }
    rmSync(projectOut, { recursive: true, force: true });
    for (const mode of OTHERS) {
      progress(`fleet N=${n}, ${mode}, run ${run + 1} of ${runs}`);
      const out = join(scratch, `fleet-${mode}-${n}-${run}`);
      runFleet(mode, mode, out);
      rmSync(out, { recursive: true, force: true });
    }
  }
  const pick = (rs) => ({
    ms: median(rs.map((r) => r.ms)),
    cpuMs: median(rs.map((r) => r.cpuMs)),
    peakMiB: Math.max(...rs.map((r) => r.peakMiB)),
    objects: rs[0].objects,
    checks: rs[0].checks,
    cpuPhases: rs[0].cpuPhases,
  });
  fleetRows.push({ n, ...Object.fromEntries(Object.entries(results).map(([k, rs]) => [k, pick(rs)])) });
}

// 3. npm test, its steps (package.json's "test" script, joined by &&) run one by one, so the table
// shows where its time goes; jest also writes its per-suite timings (--json) for the slowest suites.
const testSteps = [];
let slowestSuites = [];
if (withTest) {
  const script = JSON.parse(readFileSync('package.json', 'utf8')).scripts.test;
  const jestReport = join(scratch, 'jest.json');
  // The static checks measured as they run after any edit: an unchanged tree skips them (their stamp).
  rmSync(join('build', '.static-checks-stamp'), { force: true });
  for (const step of script.split(' && ')) {
    progress(`npm test: ${step}`);
    const command = step === 'jest' ? `jest --silent --json --outputFile=${jestReport}` : step;
    testSteps.push({ step, ...measured('sh', ['-c', command], { PATH: `${join(process.cwd(), 'node_modules', '.bin')}:${process.env.PATH}` }) });
  }
  slowestSuites = JSON.parse(readFileSync(jestReport, 'utf8'))
    .testResults.map((t) => ({ suite: t.name.slice(process.cwd().length + 1), ms: t.endTime - t.startTime }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
}
rmSync(scratch, { recursive: true, force: true });

// The table.
const rows = [['measure', 'wall', 'CPU', 'peak RSS', 'objects', 'ratio by CPU (by wall)', 'target (by CPU)']];
const verdict = (value, limit) => (value <= limit ? 'met' : `MISSED by ${ratio(value / limit)}`);
const both = (a, b) => `${ratio(a.cpuMs / b.cpuMs)} (${ratio(a.ms / b.ms)})`;
const bare = smallOf('require');
rows.push(['bare `node -e "require(\'cdk8s-plus-28\')"`', seconds(bare.ms), seconds(bare.cpuMs), '', '', '1.00x', '']);
for (const [key, label] of [
  ['main', '`node build/main.js` (the app alone, nothing changed)'],
  ['unchanged', "`npm run synth` (the README's synth), nothing changed"],
  ['oneChange', '`npm run synth`, one object changed'],
]) {
  const r = smallOf(key);
  rows.push([
    label,
    seconds(r.ms),
    seconds(r.cpuMs),
    '',
    '',
    `${both(r, bare)} bare`,
    key === 'unchanged' ? `<= 3x bare: ${verdict(r.cpuMs / bare.cpuMs, 3)}` : '',
  ]);
}
for (const row of fleetRows) {
  const { n, stock, yamlwrite } = row;
  const line = (label, r, ratios, target) =>
    rows.push([
      `fleet N=${n.toLocaleString('en')}: ${label}`,
      seconds(r.ms),
      seconds(r.cpuMs),
      `${Math.round(r.peakMiB)} MiB`,
      r.objects.toLocaleString('en'),
      ratios,
      target,
    ]);
  const against = (r) => `${both(r, stock)} stock, ${both(r, yamlwrite)} yaml+write`;
  const peak = Math.max(row.first.peakMiB, row.resynth.peakMiB, row.oneChange.peakMiB);
  const targets =
    n === 10000
      ? `<= 0.5x stock: ${verdict(row.resynth.cpuMs / stock.cpuMs, 0.5)}; <= 2x floor: ${verdict(row.resynth.cpuMs / yamlwrite.cpuMs, 2)}; < 1 GiB: ${peak < 1024 ? 'met' : `MISSED by ${Math.round(peak - 1024)} MiB`}`
      : '';
  line('project, first synth', row.first, against(row.first), '');
  line('project, re-synth, nothing changed', row.resynth, against(row.resynth), targets);
  line('project, re-synth, one change', row.oneChange, against(row.oneChange), '');
  line('stock cdk8s-plus app.synth()', stock, '', '');
  line('yaml.stringify', row.yaml, '', '');
  line('yaml.stringify + write files (the floor)', yamlwrite, '', '');
}
if (fleetRows.length > 1) {
  const [first, last] = [fleetRows[0], fleetRows[fleetRows.length - 1]];
  const growth = (key) => last[key].cpuMs / first[key].cpuMs;
  rows.push([
    `CPU(N=${last.n.toLocaleString('en')}) / CPU(N=${first.n.toLocaleString('en')})`,
    '',
    '',
    '',
    '',
    `first synth ${growth('first').toFixed(1)}, re-synth ${growth('resynth').toFixed(1)}, stock ${growth('stock').toFixed(1)}, yaml+write ${growth('yamlwrite').toFixed(1)}`,
    `<= 11: first synth ${verdict(growth('first'), 11)}, re-synth ${verdict(growth('resynth'), 11)}`,
  ]);
}
if (testSteps.length > 0) {
  const total = (key) => testSteps.reduce((sum, s) => sum + s[key], 0);
  rows.push([
    '`npm test` (its steps, one by one)',
    seconds(total('ms')),
    seconds(total('cpuMs')),
    '',
    '',
    '',
    `<= 90 s CPU: ${verdict(total('cpuMs') / 1000, 90)}`,
  ]);
  for (const s of testSteps) rows.push([`  npm test step: \`${s.step}\``, seconds(s.ms), seconds(s.cpuMs), '', '', '', '']);
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(rows[0]));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of rows.slice(1)) console.log(line(r));
console.log(
  `\nwall: elapsed; CPU: user + system of the command and every process it waited for. Medians of ${smallRuns} runs (small synth, after a warm-up) and of ${fleet.map((f) => `${f.runs} at N=${f.n}`).join(', ')}; peak RSS: the fleet process's own.`,
);
// Where the time goes: the fleet process's CPU by phase, and the checks' own timing line.
console.log('\nwhere the fleet synths spend their time (CPU of the fleet process by phase; the checks as the synth reports them):');
for (const row of fleetRows)
  for (const key of ['first', 'resynth', 'oneChange'])
    console.log(
      `  N=${row.n} ${key}: ${Object.entries(row[key].cpuPhases ?? {})
        .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
        .join(', ')}${row[key].checks ? `; ${row[key].checks}` : ''}`,
    );
if (slowestSuites.length > 0) {
  console.log('\nthe slowest jest suites of the npm test run (wall, each in one of the parallel workers):');
  for (const { suite, ms } of slowestSuites) console.log(`  ${seconds(ms)}  ${suite}`);
}
