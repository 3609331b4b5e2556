import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DOC_MARKER } from '../../lib/docs/platform-docs';
import { readTree, SynthTrees } from '../../lib/output/file-tree';
import { publish } from '../../lib/publish/publish';
import { acquireSynthLock } from '../../lib/publish/synth-lock';
import { ensureStateDir, keepRecord, restoreEmptied } from '../../lib/publish/dist-record';

/**
 * What a synth wrote beside `dist/` under `root` (dist/, kustomization/, the report with its SARIF
 * and JUnit files, the generated docs), read back as the trees synthesize() hands to publish().
 */
export function writtenTrees(root: string): SynthTrees {
  const read = (file: string) => readFileSync(join(root, file), 'utf8');
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f, read(join('docs', f))] as const)
    .filter(([, text]) => text.startsWith(GENERATED_DOC_MARKER));
  return {
    dist: readTree(join(root, 'dist')),
    entryPoints: readTree(join(root, 'kustomization')),
    report: read('policy-report.json'),
    sarif: read('policy-report.sarif'),
    junit: read('policy-report.junit.xml'),
    docs: new Map(docs),
  };
}

/**
 * Every step by which a synth writes to disk, in its order (lib/pipeline/run-synth.ts: take the
 * synth lock, put back an emptied dist/, publish, keep the record of dist/, release the lock),
 * without building and checking the app first (and without the secret scanner's memory, which
 * only the checks read): what is written and how does not depend on what computed it.
 */
export function publishAsTheSynth(trees: SynthTrees, outdir: string): void {
  const lock = acquireSynthLock(outdir);
  if (!lock.held) throw lock.error;
  try {
    restoreEmptied(outdir);
    const published = publish({ trees }, outdir);
    if (!published.ok) throw new Error(published.errors.map((e) => e.message).join('\n'));
    ensureStateDir(outdir);
    keepRecord(outdir);
  } finally {
    lock.release();
  }
}
