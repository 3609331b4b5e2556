import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtBundle } from '../shared-synth';

const root = join(__dirname, '..', '..');
const upgradeReport = (...args: string[]) =>
  spawnSync('node', ['build/k8s-platforms.js', 'upgrade-report', '--app', 'node build/main.js', ...args], { cwd: root, encoding: 'utf8' });

beforeAll(() => builtBundle());

describe('k8s-platforms upgrade-report', () => {
  test("says per later version what moving a build's cluster there takes, as its docs page does", () => {
    const run = upgradeReport('--platform', 'archiverse');
    expect([run.status, run.stderr]).toEqual([0, expect.not.stringContaining('failed')]);
    expect(run.stdout).toBe(
      [
        'archiverse (Kubernetes 1.35, Flux 2.8-2.9):',
        '  to 1.36: objects: none',
        '          add-ons: ingress-nginx 4.15.1 (1.31-1.35): no recorded release supports 1.36',
        '          Flux: 2.9',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(root, 'docs', 'archiverse.md'), 'utf8')).toContain(
      '| 1.36 | none | ingress-nginx 4.15.1 (1.31-1.35): no recorded release supports 1.36 | 2.9 |',
    );
  });

  test('--to reports one version; a build already there says so; a version without schemas is a bad command line (exit 2)', () => {
    const run = upgradeReport('--platform', 'web-terminal', '--platform', 'edd-cloud', '--to', '1.36');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'web-terminal (Kubernetes 1.34, Flux 2.7-2.9):',
        '  to 1.36: objects: none',
        '          add-ons: none',
        '          Flux: 2.9',
        'edd-cloud (Kubernetes 1.36): already at 1.36 or later',
        '',
      ].join('\n'),
    );
    const unknown = upgradeReport('--to', '1.40');
    expect([unknown.status, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toContain(
      'upgrade-report: --to 1.40 has no API schemas in this package (1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36); choose one of them',
    );
  });
});
