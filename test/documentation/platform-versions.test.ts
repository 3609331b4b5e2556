import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const report: { platforms: { name: string; kubernetes: string; flux: string }[] } = JSON.parse(
  readFileSync(join(root, 'policy-report.json'), 'utf8'),
);

/** The README's platforms table: platform -> [Kubernetes, Flux] cells. */
function readmeTable(): Map<string, [string, string]> {
  const rows = readFileSync(join(root, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| [a-z-]+ \| /.test(line))
    .map((line) => line.split('|').map((c) => c.trim()));
  return new Map(rows.filter((r) => r.length > 6).map((r) => [r[1], [r[3], r[4]]]));
}

describe("README's platforms table", () => {
  test("states each build's Kubernetes versions and Flux releases as the synth found them (policy-report.json)", () => {
    const table = readmeTable();
    for (const build of report.platforms) {
      const [platform, environment] = table.has(build.name)
        ? [build.name, undefined]
        : [build.name.split('-').slice(0, -1).join('-'), build.name.split('-').at(-1)];
      const [kubernetes, flux] = table.get(platform) ?? ['', ''];
      expect([build.name, environment ? kubernetes.includes(`${environment} ${build.kubernetes}`) : kubernetes === build.kubernetes]).toEqual([
        build.name,
        true,
      ]);
      expect([build.name, flux.split(', ').includes(build.flux) || flux === build.flux]).toEqual([build.name, true]);
    }
  });
});
