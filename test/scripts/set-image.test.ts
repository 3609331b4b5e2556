import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImageCatalog } from '../../lib/workloads/image-catalog';

const committed = join(__dirname, '../../platforms/edd-cloud/images.json');
const setImage = (file: string, ...args: string[]) =>
  spawnSync('node', [join(__dirname, '../../scripts/set-image.mjs'), file, ...args], { encoding: 'utf8' });

function copy(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'set-image-')), 'images.json');
  copyFileSync(committed, file);
  return file;
}

describe('scripts/set-image.mjs (what CI runs instead of kubectl set image)', () => {
  test('rewrites one tag and nothing else, in the committed layout', () => {
    const file = copy();
    const current = JSON.parse(readFileSync(committed, 'utf8')).gateway.tag;
    expect(setImage(file, 'gateway', current).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(committed, 'utf8'));
    expect(setImage(file, 'gateway', '3df2bb45699b2ec7').status).toBe(0);
    const changed = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line, i) => line !== readFileSync(committed, 'utf8').split('\n')[i]);
    expect(changed).toEqual([
      '  "gateway": { "repository": "docker.io/eddisonso/ecloud-gateway", "tag": "3df2bb45699b2ec7", "architectures": ["amd64", "arm64"] },',
    ]);
    expect(loadImageCatalog('images.json', JSON.parse(readFileSync(file, 'utf8'))).gateway.ref).toBe(
      'docker.io/eddisonso/ecloud-gateway:3df2bb45699b2ec7',
    );
  });

  test('refuses an image the platform does not have', () => {
    const run = setImage(copy(), 'gatewy', 'abc1234');
    expect([run.status, run.stderr.trim()]).toEqual([
      1,
      expect.stringMatching(/^set-image: .*images\.json: gatewy is not an image of this platform; use one of: auth-service, .*gateway/),
    ]);
  });

  test('--help prints usage and exit codes; wrong arguments are one line and exit 2', () => {
    const help = setImage('--help');
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Usage: [\s\S]*Exit codes: 0 /);
    const bad = setImage('only-a-file.json');
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', 'set-image: needs three arguments: <images.json> <image> <tag>; see --help\n']);
  });
});
