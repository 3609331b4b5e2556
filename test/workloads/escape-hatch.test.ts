import { declareException, PolicyRule } from '../../lib/core/exceptions';
import { NetworkGraph, Peer } from '../../lib/security/network-graph';
import { SecureNamespace } from '../../lib/security/namespace';
import { PostgresDatabase } from '../../lib/workloads/postgres';
import { Probe } from '../../lib/workloads/probe';
import { ScheduledJob } from '../../lib/workloads/scheduled-job';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart, testPlatform } from '../helpers';
import { verificationErrors } from '../pipeline-helpers';

describe('escape hatch: each construct exposes its main objects by typed properties', () => {
  test('a workload: controller, services, disruption budget, autoscaler, service account', () => {
    const { chart, apps, pools } = testChart();
    const web = new WebService(apps, 'web', {
      name: 'web',
      namespace: 'apps',
      pool: pools.get('general'),
      containers: [container()],
      autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70 },
      extraServices: [{ name: 'web-public', type: 'LoadBalancer', clients: ServiceClients.anywhere() }],
    });
    web.controller.metadata.addAnnotation('example.com/owner', 'team-a');
    web.service!.metadata.addAnnotation('service.beta.kubernetes.io/aws-load-balancer-internal', 'true');
    web.services[1].object.metadata.addLabel('exposure', 'public');
    web.disruptionBudget!.metadata.addLabel('tier', 'web');
    web.autoscaler!.object.metadata.addLabel('tier', 'web');
    web.serviceAccount.metadata.addAnnotation('example.com/audit', 'yes');
    expect(rendered(chart, 'Deployment', 'web').metadata.annotations).toEqual({ 'example.com/owner': 'team-a' });
    expect(rendered(chart, 'Service', 'web').metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' });
    expect(rendered(chart, 'Service', 'web-public').metadata.labels.exposure).toBe('public');
    expect(rendered(chart, 'PodDisruptionBudget', 'web').metadata.labels.tier).toBe('web');
    expect(rendered(chart, 'HorizontalPodAutoscaler', 'web').metadata.labels.tier).toBe('web');
    expect(rendered(chart, 'ServiceAccount', 'web').metadata.annotations).toEqual({ 'example.com/audit': 'yes' });
  });
  test('a policy exception declared on the property: a replicated workload meant to be evicted', () => {
    const { app, platform, pools } = testPlatform();
    const workers = new WebService(platform.apps, 'workers', {
      name: 'workers',
      namespace: 'apps',
      pool: pools.get('general'),
      replicas: 3,
      disruptionBudget: false,
      service: false,
      containers: [container({ readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') })],
    });
    expect(verificationErrors(app).map((e) => e.split(' [')[0])).toEqual([
      'test/apps/workers/deployment: spec.replicas makes a replicated workload that no PodDisruptionBudget covers',
    ]);
    declareException(workers.controller, { rule: PolicyRule.DISRUPTION_BUDGET, reason: 'stateless queue workers; a drain may take them all' });
    expect(verificationErrors(app)).toEqual([]);
  });
  test('jobs, databases, namespaces and network graphs', () => {
    const { chart, apps, infrastructure, pools } = testChart();
    const job = new ScheduledJob(apps, 'job', {
      name: 'job',
      namespace: 'apps',
      schedule: '@daily',
      pool: pools.get('general'),
      containers: [container()],
    });
    job.cronJob.metadata.addLabel('kind', 'report');
    const db = new PostgresDatabase(apps, 'db', {
      name: 'db',
      namespace: 'apps',
      pool: pools.get('general'),
      image: 'postgres:16.4',
      database: 'app',
      user: 'app',
      passwordSecret: { name: 'db', key: 'password' },
      storage: { size: '1Gi', storageClass: 'ssd' },
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    });
    db.server.controller.metadata.addLabel('backup', 'nightly');
    const ns = new SecureNamespace(infrastructure, 'ns', { name: 'apps' });
    ns.namespace.metadata.addLabel('team', 'a');
    expect(rendered(chart, 'CronJob', 'job').metadata.labels.kind).toBe('report');
    expect(rendered(chart, 'StatefulSet', 'db').metadata.labels.backup).toBe('nightly');
    expect(rendered(chart, 'Namespace', 'apps').metadata.labels.team).toBe('a');
    expect(new NetworkGraph(apps, 'net').allow(Peer.pods(job), Peer.internet(), [443])).toBeInstanceOf(NetworkGraph);
  });
});
