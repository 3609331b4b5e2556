// npm run diff [-- --against <git-ref>] [--markdown]: what a fresh synth would change in dist/,
// object by object, against a Git ref's committed dist/ (default HEAD). Writes nothing.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fail as stop, helpRequested, oneLineErrors } from './cli.mjs';

const USAGE = `Usage: npm run diff [-- --against <git-ref>] [--markdown] [--dist <folder>]

Synthesizes every platform (checks included, nothing written) and compares the objects with
dist/ as <git-ref> holds it (default HEAD, the committed dist/): per platform and layer, objects
added, removed and changed with the changed fields; destructive changes first, marked !.

  --against <git-ref>  any commit, branch or tag (a shallow CI clone may need \`git fetch\` first);
                       a ref without dist/ counts every object as added.
  --markdown           print Markdown for a pull-request comment instead of plain text
                       (npm run --silent diff -- --markdown keeps npm's own lines out).
  --dist <folder>      the dist/ whose Git history is compared (default dist; any repository).
  --help, -h           print this and exit.

Exit codes: 0 nothing changed; 1 something changed; 2 bad command line, unknown ref, or the synth
refused (its errors are printed).`;

const args = process.argv.slice(2);
const fail = (message) => stop('diff', message);
helpRequested(USAGE);
oneLineErrors('diff');
let against = 'HEAD';
let markdown = false;
let distDir = 'dist';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--markdown') markdown = true;
  else if (args[i] === '--against' && args[i + 1] && !args[i + 1].startsWith('--')) against = args[++i];
  else if (args[i].startsWith('--against=')) against = args[i].slice('--against='.length);
  else if (args[i] === '--dist' && args[i + 1]) distDir = args[++i];
  else if (args[i] === '--against') fail('--against needs a git ref, e.g. --against main; see npm run diff -- --help');
  else fail(`unknown argument ${JSON.stringify(args[i])}; see npm run diff -- --help`);
}

// The synth and the diff are TypeScript: bundled into build/ (where node_modules resolves) and loaded.
const outfile = 'build/diff-lib.cjs';
await build({
  stdin: {
    contents: `export { synthesize } from './lib/pipeline/synth';
export { buildApp } from './platforms/index';
export { isCommit, readCommittedTree } from './lib/publish/committed-tree';
export { anyChange, diffTrees } from './lib/changes/object-changes';
export { formatChanges, formatChangesMarkdown } from './lib/changes/change-report';`,
    resolveDir: process.cwd(), loader: 'ts',
  },
  outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning',
});
const lib = await import(pathToFileURL(outfile).href);

if (!existsSync(distDir)) fail(`no folder ${distDir}/; see npm run diff -- --help`);
if (!lib.isCommit(distDir, against)) fail(`${JSON.stringify(against)} names no commit of this repository (in a shallow clone, git fetch it first)`);
const { app, source } = lib.buildApp();
const result = lib.synthesize(app, { source });
if (!result.ok) {
  console.error(`${result.checks ? `${result.checks}\n` : ''}diff: the synth was refused, so there is nothing to compare:\n${result.errors.map((e) => e.message).join('\n')}`);
  process.exit(2);
}
const label = `${distDir}/ at ${against}`;
const changes = lib.diffTrees(lib.readCommittedTree(distDir, against) ?? new Map(), result.trees.dist);
process.stdout.write(markdown ? lib.formatChangesMarkdown(changes, `\`${label}\``) : `${lib.formatChanges(changes, label)}\n`);
process.exitCode = lib.anyChange(changes) ? 1 : 0;
