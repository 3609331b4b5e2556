import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { writeHandoff } from '../../lib/cli/cdk8s-handoff';
import { Cdk8sViolation, PlatformChecks } from '../../lib/cli/validation-plugin';
import { listFiles } from '../../lib/output/file-tree';
import { builtBundle, sharedCdk8sSynth } from '../shared-synth';

const root = join(__dirname, '..', '..');
const committed = join(root, 'dist');
const objectFiles = (folder = '') =>
  listFiles(join(committed, folder))
    .filter((f) => !f.endsWith('kustomization.yaml'))
    .map((f) => join(committed, folder, f));
/**
 * The cdk8s CLI's own command (node_modules/.bin/cdk8s) run by node, as npx would after finding it:
 * the run's shared `npx cdk8s synth` (sharedCdk8sSynth) is the one that goes through npx.
 */
const CDK8S_CLI = join(root, 'node_modules', '.bin', 'cdk8s');
const cdk8s = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CDK8S_CLI, 'synth', '--no-check-upgrade', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DIST_DIR: join(mkdtempSync(join(tmpdir(), 'cli-')), 'dist'), ...env },
  });
const id = (o: any) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

beforeAll(() => builtBundle());

describe('the cdk8s CLI', () => {
  test('npx cdk8s synth --stdout prints one build, each object once, as dist/ holds it (K8S_PLATFORMS_PLATFORM chooses it)', () => {
    const run = cdk8s(['--stdout', '--no-validate'], { K8S_PLATFORMS_PLATFORM: 'computesdk-eks' });
    expect(run.status).toBe(0);
    const printed = parseAllDocuments(run.stdout).map((d) => d.toJS());
    const expected = objectFiles('computesdk-eks').map((f) => parse(readFileSync(f, 'utf8')));
    expect(printed.map(id).sort()).toEqual(expected.map(id).sort());
    expect(new Set(printed.map(id)).size).toBe(printed.length);
    expect(printed).toEqual(expect.arrayContaining(expected));
  });

  test('--stdout of every build is refused in the validation report when two builds hold one identity (two clusters), with the fix, and no stack trace', () => {
    const run = cdk8s(['--stdout']);
    expect(run.status).toBe(2); // the CLI's exit code for a failed validation
    expect(run.stdout).toMatch(
      /K8S_PLATFORMS_PLATFORM: builds ([a-z-]+) and [a-z-]+ hold \d+ objects of the same identity \([A-Za-z]+\/[a-z-]*\/[a-z0-9.-]+, \.\.\.\); they are separate clusters/,
    );
    expect(run.stdout).toMatch(/How to fix: choose one, e\.g\. K8S_PLATFORMS_PLATFORM=[a-z-]+/);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m);
  });

  test("the project's checks run as the validation plugin cdk8s.yaml lists, in the CLI's report, over every object of dist/", () => {
    const run = sharedCdk8sSynth(); // cdk8s([]), run once for the suites that read it
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('.cdk8s-staging/all.k8s.yaml');
    expect(run.stdout).toMatch(/Validation Report \(.*build\/cdk8s-plugin\.js@0\.1\.0\)/);
    expect(run.stdout).toMatch(/║ Status +│ success +║/);
    expect(run.stdout).toMatch(new RegExp(`║ objects +│ ${objectFiles().length} +║`));
    expect(run.stdout).toContain('Validations ended succesfully');
  });
});

describe('the validation plugin (PlatformChecks)', () => {
  const validate = async (manifests: string[], projectRoot: string) => {
    const violations: Cdk8sViolation[] = [];
    let status = '';
    await new PlatformChecks({ projectRoot }).validate({
      manifests,
      report: {
        addViolation: (v) => violations.push(v),
        submit: (s) => {
          status = s;
        },
      },
    });
    return { status, violations };
  };

  test('without a PlatformApp hand-off it checks the YAML itself: a privileged container is a violation with its rule and file', async () => {
    const project = mkdtempSync(join(tmpdir(), 'plugin-'));
    const deployment = parse(
      readFileSync(
        objectFiles('archiverse').find((f) => f.includes('deployment-frontend'))!,
        'utf8',
      ),
    );
    deployment.spec.template.spec.containers[0].securityContext.privileged = true;
    const file = join(project, 'app.k8s.yaml');
    writeFileSync(file, stringify(deployment));
    const { status, violations } = await validate([file], project);
    expect(status).toBe('failure');
    expect(violations.map((v) => [v.ruleName, v.violatingResources[0].resourceName, v.violatingResources[0].manifestPath])).toContainEqual([
      'pod-security-restricted',
      'Deployment archiverse/frontend',
      file,
    ]);
  });

  test('with a hand-off it reports a refused synth, and any file the synth did not write or that changed since', async () => {
    const project = mkdtempSync(join(tmpdir(), 'plugin-'));
    const outdir = join(project, 'out');
    writeHandoff(project, {
      outdir,
      ok: false,
      builds: [],
      objects: 0,
      files: {},
      findings: [
        {
          rule: 'pod-security-restricted',
          path: 'shop/apps/web/deployment',
          field: 'spec.template.spec.containers[0].securityContext.privileged',
          message: 'shop/apps/web/deployment: ... [pod-security-restricted]',
          fix: 'drop it',
        },
      ],
    });
    const refused = await validate([], project);
    expect(refused.status).toBe('failure');
    expect(refused.violations).toEqual([
      {
        ruleName: 'pod-security-restricted',
        recommendation: 'shop/apps/web/deployment: ... [pod-security-restricted]',
        fix: 'drop it',
        violatingResources: [
          {
            resourceName: 'shop/apps/web/deployment',
            manifestPath: '(not written: the synth was refused)',
            locations: ['spec.template.spec.containers[0].securityContext.privileged'],
          },
        ],
      },
    ]);

    execFileSync('mkdir', ['-p', outdir]);
    writeFileSync(join(outdir, 'all.k8s.yaml'), 'kind: ConfigMap\n');
    writeFileSync(join(outdir, 'extra.k8s.yaml'), 'kind: ConfigMap\n');
    writeHandoff(project, { outdir, ok: true, builds: ['shop'], objects: 1, findings: [], files: { 'all.k8s.yaml': 'not-its-hash' } });
    const tampered = await validate([join(outdir, 'all.k8s.yaml'), join(outdir, 'extra.k8s.yaml')], project);
    expect(tampered.violations.map((v) => [v.ruleName, v.recommendation])).toEqual([
      ['written-by-the-synth', 'all.k8s.yaml changed after the synth wrote it'],
      ['written-by-the-synth', 'extra.k8s.yaml was not written by the synth (a file added to the output folder by hand?)'],
    ]);
    expect((await validate([], project)).status).toBe('success'); // the hand-off is read once: no stale one
  });
});
