import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * CI's validator (scripts/validate-dist.mjs) runs the synth's own validateSchemas, each build folder
 * at the Kubernetes versions policy-report.json records for it, so the two known differences from
 * 1.28 that kubernetes-models had are settled the same way in both. It reads ../shared (to check the
 * generated validators are current), which only CI is sure to have.
 */
const ROOT = resolve(__dirname, '../..');
const hasShared = existsSync(join(ROOT, '..', 'shared', 'schemas', 'k8s-1.28', '_definitions.json'));

/** validate-dist on a dist/ of `files`, beside a report giving each build its Kubernetes versions (none: no report). */
function validateDist(files: Record<string, string>, versions?: Record<string, string>): { status: number; output: string; stderr?: string } {
  const dist = join(mkdtempSync(join(tmpdir(), 'validate-dist-')), 'dist');
  if (versions) {
    const platforms = Object.entries(versions).map(([name, kubernetes]) => ({ name, kubernetes }));
    writeFileSync(join(dist, '..', 'policy-report.json'), JSON.stringify({ platforms }));
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dist, name, '..'), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
  try {
    return { status: 0, output: execFileSync(process.execPath, ['scripts/validate-dist.mjs', dist], { cwd: ROOT, encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: e.stdout, stderr: e.stderr };
  }
}

const SLEEP_DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  namespace: apps',
  'spec:',
  '  selector:',
  '    matchLabels: { app: web }',
  '  template:',
  '    metadata:',
  '      labels: { app: web }',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: web:1',
  '          lifecycle:',
  '            preStop:',
  '              sleep: { seconds: 5 }',
  '',
].join('\n');

(hasShared ? describe : describe.skip)('scripts/validate-dist.mjs (needs ../shared)', () => {
  test('each build at its recorded version: on 1.28 PriorityClass.description passes and lifecycle.preStop.sleep (added in 1.29) is refused; on 1.34 sleep passes', () => {
    const result = validateDist(
      {
        'p/infra/priorityclass-high.yaml':
          'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: high\nvalue: 1000\ndescription: latency-critical\n',
        'p/apps/deployment-web.yaml': SLEEP_DEPLOYMENT,
        'q/apps/deployment-web.yaml': SLEEP_DEPLOYMENT,
      },
      { p: '1.28', q: '1.34' },
    );
    const dist = result.output.match(/strict schema validation of (\S+)\/:/)?.[1];
    expect(result.output.trim().split('\n')).toEqual([
      `${relative(ROOT, join(dist!, 'p/apps/deployment-web.yaml'))} (Deployment web): spec.template.spec.containers[0].lifecycle.preStop.sleep is not a field of apps/v1 Deployment (schema: k8s-1.28) (got {"seconds":5}); fix: remove it, or correct its name`,
      `strict schema validation of ${dist}/: 3 objects in 2 build folders, validated 2 against k8s-1.28, 1 against k8s-1.34; 1 invalid`,
    ]);
    expect(result.status).toBe(1);
  }, 60000);

  test('a dist/ without the report that records its builds versions is a one-line error, exit 2', () => {
    const result = validateDist({ 'p/apps/deployment-web.yaml': SLEEP_DEPLOYMENT });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^validate-dist: no \S+policy-report\.json beside \S+\/dist\/: it records each build's Kubernetes versions; run npm run synth\n$/,
    );
  });
});
