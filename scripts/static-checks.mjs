// The checks of `npm test` that read the source without running it, side by side: the type check
// (incremental: build/.tsbuildinfo), ESLint and Prettier (cached: build/.prettier-cache). Each
// runs in its own process, so on a 2-core machine ESLint (the longest, single-threaded) overlaps
// the other two. Every tool's output is printed whole, one after another, and every failure is
// reported, not only the first. When no file of the project changed since they last all passed
// (the stamp of every file's path, size and modification time, as make compares), none of them
// runs: each would read the same files and say the same.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, helpRequested } from './cli.mjs';
import { inputStamp } from './input-stamp.mjs';

helpRequested(`Usage: node scripts/static-checks.mjs
Runs, side by side: tsc --noEmit (incremental), eslint . and prettier --check . (cached).
Prints each tool's output when they have all ended. Runs none of them when no file of the project
changed since they last all passed (build/.static-checks-stamp; node_modules by package-lock.json).
Exit codes: 0 all three passed; 1 any of them failed; 2 bad command line.`);
if (process.argv.length > 2) fail('static-checks', `unknown argument ${JSON.stringify(process.argv[2])}; see --help`);

const CHECKS = [
  ['type check', 'tsc', ['--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', 'build/.tsbuildinfo']],
  ['lint', 'eslint', ['.']],
  ['format', 'prettier', ['--check', '.', '--cache', '--cache-location', 'build/.prettier-cache']],
];

/** Runs one tool from node_modules/.bin; resolves with its exit code and everything it printed. */
function run([name, tool, args]) {
  return new Promise((resolve) => {
    const child = spawn(`node_modules/.bin/${tool}`, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: `${tool} did not start: ${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? 1, output: signal ? `${output}${tool} ended by ${signal}\n` : output }));
  });
}

/** Every file the tools can read: the project but Git's store, installed packages and outputs. */
const NOT_READ = new Set(['.git', 'node_modules', 'build', 'coverage', join('docs', 'api')]);
const STAMP = join('build', '.static-checks-stamp');
const stamp = () => inputStamp(['.'], (path) => NOT_READ.has(path));

const before = stamp();
if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === before) {
  console.log('static checks: no file changed since type check, lint and format last passed; not run again');
  process.exit(0);
}
const results = await Promise.all(CHECKS.map(run));
for (const { name, code, output } of results) {
  process.stdout.write(`${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`}\n${output}`);
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length > 0) fail('static-checks', `${failed.join(', ')} failed (above)`, 1);
// Kept only when nothing changed while the tools ran: they may have read either version.
if (stamp() === before) {
  mkdirSync('build', { recursive: true });
  writeFileSync(STAMP, before);
}
