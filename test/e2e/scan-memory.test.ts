import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateFile } from '../../lib/publish/dist-record';
import { SECRET_SCAN_MEMORY } from '../../lib/pipeline/run-synth';
import { sharedSynth } from '../shared-synth';

const root = join(__dirname, '..', '..');

/**
 * The secret scanner's memory beside dist/ (what the last publishing synth found clean) also
 * spares the commands that write nothing a scan of the same values: `k8s-platforms diff` here,
 * run with a preload that refuses to start the scanner. They read the memory and add nothing to it.
 */
test('k8s-platforms diff after a synth scans nothing again and leaves the scanner memory as it was', () => {
  const synth = sharedSynth();
  expect(synth.status).toBe(0);
  const memory = stateFile(synth.dist, SECRET_SCAN_MEMORY);
  const before = readFileSync(memory, 'utf8');
  const diff = spawnSync(process.execPath, ['build/k8s-platforms.js', 'diff', '--app', 'node build/main.js'], {
    cwd: root,
    env: { ...process.env, DIST_DIR: synth.dist, NODE_OPTIONS: `--require ${join(__dirname, 'no-secret-scanner.js')}` },
    encoding: 'utf8',
  });
  expect(diff.stderr).not.toContain('secret scanner');
  expect(diff.status).toBe(0);
  expect(diff.stdout).toMatch(/^changes against .*dist\/ on disk:\n( {2}\S+: no changes\n)+$/);
  expect(readFileSync(memory, 'utf8')).toBe(before);
});
