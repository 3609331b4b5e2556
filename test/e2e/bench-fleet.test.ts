import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The benchmark's fleet generator is not timed here (npm run bench does that), only kept working:
// a small fleet must synthesize, pass every check and publish, or the bench would break unseen.
const root = join(__dirname, '..', '..');

test('a fleet of 60 tenant units synthesizes, passes the checks and is published', () => {
  execFileSync('node', ['scripts/build-fleet.mjs'], { cwd: root });
  const out = mkdtempSync(join(tmpdir(), 'fleet-'));
  const run = spawnSync('node', ['build/fleet.js', 'project', '60', out], { cwd: root, encoding: 'utf8' });
  expect([run.status, run.stderr]).toEqual([0, '']);
  const { objects } = JSON.parse(run.stdout.trim().split('\n').pop()!);
  expect(objects).toBeGreaterThan(60 * 6);
  expect(readdirSync(join(out, 'dist', 'fleet')).sort()).toEqual(['apps', 'infrastructure', 'kustomization.yaml']);
}, 120_000);
