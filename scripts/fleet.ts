// Fleet generator for the benchmark (scripts/bench.mjs): N tenant units, 50 a namespace, one node pool.
// Each unit: WebService (Deployment, Service, ServiceAccount, PDB, HPA), one NetworkGraph rule
// (an ingress NetworkPolicy), one PersistentVolumeClaim. Modes:
//   project   N OUT  build with the project's constructs and run the whole synth (runSynth: lock,
//                    checks, publish, change summary) into OUT/dist: a first synth when OUT is new,
//                    a re-synth when an earlier run left it
//   changed   N OUT  the same, with one unit's image changed: a re-synth with one change
//   stock     N OUT  the same units' 5 workload objects with stock cdk8s-plus-28, N/50 charts, app.synth() to OUT
//   yaml      N OUT  yaml.stringify of the project's objects (cloned from one unit), no files
//   yamlwrite N OUT  yaml.stringify + one file per object, like dist/
// Prints one JSON line on stdout ({ objects, phases, cpuMs, peakMiB }). Built by scripts/build-fleet.mjs -> build/fleet.js
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, Chart, ApiObject, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { stringify } from 'yaml';
import { Site } from '../lib/core/errors';
import { Platform } from '../lib/flux/platform';
import { InstanceType } from '../lib/placement/instance-types';
import { NodePool, NodePools } from '../lib/placement/node-pool';
import { SecureNamespace } from '../lib/security/namespace';
import { NetworkGraph, Peer } from '../lib/security/network-graph';
import { buildClaimTemplate } from '../lib/storage/claim-template';
import { Probe } from '../lib/workloads/probe';
import { WebService } from '../lib/workloads/web-service';
import { runSynth } from '../lib/pipeline/run-synth';

const PER_NAMESPACE = 50;
const [mode = 'project', nArg = '1000', outArg] = process.argv.slice(2);
const N = Number(nArg);
const out = outArg ?? join(tmpdir(), `fleet-${mode}-${N}`);
const t0 = performance.now();
const phases: Record<string, number> = {};
let last = t0;
const cpuPhases: Record<string, number> = {};
let lastCpu = process.cpuUsage();
/** Ends a phase: its wall time in `phases`, its CPU time (this process) in `cpuPhases`. */
const mark = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - last);
  last = now;
  const cpu = process.cpuUsage(lastCpu);
  cpuPhases[name] = Math.round((cpu.user + cpu.system) / 1000);
  lastCpu = process.cpuUsage();
};

const pools = new NodePools([
  new NodePool({ name: 'general', instanceType: InstanceType.AZURE_STANDARD_B2PS_V2, minNodes: 3, maxNodes: 100, labels: { pool: 'general' } }),
]);
const ns = (i: number) => `tenant-${String(Math.floor(i / PER_NAMESPACE)).padStart(4, '0')}`;
const unitName = (i: number) => `svc-${String(i).padStart(5, '0')}`;

function projectApp(n: number, changed = false): App {
  const app = new App();
  // The claims' class and the metrics API the HPAs read are the cluster's (AKS ships managed-csi and
  // runs metrics-server itself): declared, as the closure check asks.
  const platform = new Platform(app, {
    name: 'fleet',
    pools,
    cluster: {
      prerequisites: [{ kind: 'StorageClass', name: 'managed-csi', reason: 'AKS creates it' }],
      provided: [{ addon: 'metrics-server', reason: 'AKS runs metrics-server in kube-system on every cluster' }],
    },
  });
  const network = new NetworkGraph(platform.apps, 'network');
  for (let i = 0; i < n; i++) {
    const namespace = ns(i);
    if (i % PER_NAMESPACE === 0) new SecureNamespace(platform.infrastructure, `ns-${namespace}`, { name: namespace });
    const name = unitName(i);
    const web = new WebService(platform.apps, name, {
      name,
      namespace,
      pool: pools.get('general'),
      autoscaling: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 75 },
      containers: [
        {
          name: 'app',
          image: `registry.example.com/${name}:${changed && i === 0 ? '1.0.1' : '1.0.0'}`,
          ports: [{ name: 'http', port: 8080 }],
          env: { MODE: 'production' },
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          readinessProbe: Probe.httpGet('/ready', 'http'),
          livenessProbe: Probe.httpGet('/live', 'http'),
        },
      ],
    });
    network.allow(Peer.external('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }, `ingress-${name}`), Peer.pods(web), [8080]);
    const claim = buildClaimTemplate(new Site(`${name}/claim`), { name: `${name}-data`, size: '1Gi', storageClass: 'managed-csi' });
    new k8s.KubePersistentVolumeClaim(platform.apps, `${name}-claim`, { ...claim, metadata: { ...claim.metadata, namespace } });
  }
  return app;
}

function stockApp(n: number, outdir: string): App {
  const app = new App({ outdir });
  let chart: Chart | undefined;
  for (let i = 0; i < n; i++) {
    const namespace = ns(i);
    if (i % PER_NAMESPACE === 0) chart = new Chart(app, namespace, { namespace });
    const name = unitName(i);
    const sa = new kplus.ServiceAccount(chart!, `${name}-sa`, { metadata: { name }, automountToken: false });
    const deployment = new kplus.Deployment(chart!, name, {
      metadata: { name },
      serviceAccount: sa,
      automountServiceAccountToken: false,
      containers: [
        {
          name: 'app',
          image: `registry.example.com/${name}:1.0.0`,
          portNumber: 8080,
          envVariables: { MODE: kplus.EnvValue.fromValue('production') },
          resources: {
            cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) },
            memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
          },
          readiness: kplus.Probe.fromHttpGet('/ready'),
          liveness: kplus.Probe.fromHttpGet('/live'),
        },
      ],
    });
    deployment.exposeViaService({ name, ports: [{ port: 8080 }] });
    new k8s.KubePodDisruptionBudget(chart!, `${name}-pdb`, {
      metadata: { name },
      spec: { minAvailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: deployment.matchLabels } },
    });
    new kplus.HorizontalPodAutoscaler(chart!, `${name}-hpa`, {
      target: deployment,
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(75))],
    });
  }
  return app;
}

/** The project's objects for N units without the project's synth: one unit's objects, cloned by name. */
function plainObjects(n: number): { file: string; object: unknown }[] {
  const template = projectApp(PER_NAMESPACE); // one namespace worth, first unit used as the template
  const chartObjs = (c: any) =>
    c.node
      .findAll()
      .filter(ApiObject.isApiObject)
      .map((o: ApiObject) => o.toJson());
  const platform = template.node.children.find(Platform.isPlatform)!;
  const infra = chartObjs(platform.infrastructure) as any[];
  const apps = (chartObjs(platform.apps) as any[]).filter((o) => JSON.stringify(o).includes(unitName(0)));
  const infraJson = JSON.stringify(infra);
  const appsJson = JSON.stringify(apps);
  const objects: { file: string; object: unknown }[] = [];
  for (let i = 0; i < n; i++) {
    if (i % PER_NAMESPACE === 0)
      for (const o of JSON.parse(infraJson.split(ns(0)).join(ns(i))))
        objects.push({ file: `infrastructure/${ns(i)}/${o.kind.toLowerCase()}-${o.metadata.name}.yaml`, object: o });
    for (const o of JSON.parse(appsJson.split(unitName(0)).join(unitName(i)).split(ns(0)).join(ns(i))))
      objects.push({ file: `apps/${ns(i)}/${o.kind.toLowerCase()}-${o.metadata.name}.yaml`, object: o });
  }
  return objects;
}

let objects: number;
/** The synth's own timing line of its checks ('checks took ... ms (schema ..., policy ...)'). */
let checks: string | undefined;
if (mode === 'project' || mode === 'changed') {
  const app = projectApp(N, mode === 'changed');
  mark('construct');
  const outcome = runSynth(join(out, 'dist'), () => ({ app }));
  if (!outcome.ok)
    throw new Error(
      outcome.errors
        .map((e) => e.message)
        .slice(0, 5)
        .join('\n'),
    );
  mark('synth');
  objects = outcome.summary.objects + outcome.summary.entryPointObjects;
  checks = outcome.summary.checks.split('\n').pop();
} else if (mode === 'stock') {
  const app = stockApp(N, out);
  mark('construct');
  app.synth();
  mark('synth');
  objects = app.node.findAll().filter(ApiObject.isApiObject).length;
} else if (mode === 'yaml' || mode === 'yamlwrite') {
  const plain = plainObjects(N);
  mark('objects');
  const dirs = new Set<string>();
  for (const { file, object } of plain) {
    const text = `# Generated\n${stringify(object, { lineWidth: 0 })}`;
    if (mode === 'yamlwrite') {
      const path = join(out, file);
      const dir = path.slice(0, path.lastIndexOf('/'));
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      writeFileSync(path, text);
    }
  }
  mark(mode);
  objects = plain.length;
} else {
  throw new Error(`unknown mode ${mode}`);
}
// maxRSS is in KiB: the peak of this process, without GNU time. CPU time (user + system, in µs)
// is what a busy machine disturbs least, so the benchmark prints it beside the wall time.
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    mode,
    n: N,
    objects,
    phases,
    cpuPhases,
    checks,
    totalMs: Math.round(performance.now() - t0),
    peakMiB: usage.maxRSS / 1024,
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
  }),
);
