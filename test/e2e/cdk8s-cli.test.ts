import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { PlatformChecks } from '../../cdk8s-plugin';
import { listFiles } from '../../lib/output/file-tree';

const root = join(__dirname, '..', '..');
const committed = join(root, 'dist');
/** Every object file of the committed dist/, parsed. */
const distObjects = () => listFiles(committed).filter((f) => !f.endsWith('kustomization.yaml')).map((f) => parse(readFileSync(join(committed, f), 'utf8')));
const cdk8s = (args: string[]) => spawnSync('npx', ['cdk8s', 'synth', '--no-check-upgrade', ...args], {
  cwd: root, encoding: 'utf8', env: { ...process.env, DIST_DIR: join(mkdtempSync(join(tmpdir(), 'cli-')), 'dist') } });

beforeAll(() => {
  execFileSync('node', ['scripts/build.mjs'], { cwd: root });
});

describe('cdk8s CLI parity', () => {
  test('npx cdk8s synth --stdout prints every object of dist/, each once', () => {
    const run = cdk8s(['--stdout', '--no-validate']);
    expect(run.status).toBe(0);
    const printed = parseAllDocuments(run.stdout).map((d) => d.toJS());
    const id = (o: any) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    expect(printed.map(id).sort()).toEqual(distObjects().map(id).sort());
    expect(printed).toEqual(expect.arrayContaining(distObjects()));
  });

  test("the project's checks run as the validation plugin cdk8s.yaml lists, in the CLI's report", () => {
    const run = cdk8s([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('.cdk8s-staging/all.k8s.yaml');
    expect(run.stdout).toMatch(/Validation Report \(.*build\/cdk8s-plugin\.js@0\.1\.0\)/);
    expect(run.stdout).toMatch(/║ Status +│ success +║/);
    expect(run.stdout).toMatch(new RegExp(`║ objects +│ ${distObjects().length} +║`));
    expect(run.stdout).toContain('Validations ended succesfully');
  });

  test('the plugin reports a broken object as a violation with its rule, and the run as failed', async () => {
    const objects = distObjects();
    const web = objects.find((o) => o.kind === 'Deployment');
    web.spec.template.spec.containers[0].securityContext.privileged = true;
    const stranger = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'by-hand', namespace: 'default' } };
    const violations: any[] = [];
    let status = '';
    await new PlatformChecks().validate({
      manifests: ['all.k8s.yaml'],
      parseManifest: () => [...objects, stranger],
      report: { addViolation: (v) => violations.push(v), submit: (s) => { status = s; } },
    });
    expect(status).toBe('failure');
    expect(violations.map((v) => [v.ruleName, v.violatingResources[0].resourceName])).toEqual([
      ['built-by-a-platform', 'ConfigMap default/by-hand'],
      ['pod-security-restricted', `Deployment ${web.metadata.namespace}/${web.metadata.name}`],
    ]);
  });
});
