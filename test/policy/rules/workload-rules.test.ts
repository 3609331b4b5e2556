import { k8s } from 'cdk8s-plus-28';
import { declareException, PolicyRule } from '../../../lib/core/exceptions';
import { allocatableCheck } from '../../../lib/policy/rules/allocatable-check';
import { budgetEvictionCheck } from '../../../lib/policy/rules/budget-eviction-check';
import { externalServiceCheck } from '../../../lib/policy/rules/external-service-check';
import { numericUserCheck } from '../../../lib/policy/rules/numeric-user-check';
import { policyPortsCheck } from '../../../lib/policy/rules/policy-ports-check';
import { probePortCheck } from '../../../lib/policy/rules/probe-port-check';
import { NetworkGraph, Peer } from '../../../lib/security/network-graph';
import { Probe } from '../../../lib/workloads/probe';
import { WebService } from '../../../lib/workloads/web-service';
import { checkFindings, container, testPlatform, verificationErrors } from '../../helpers';

const probed = container({ readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') });

function webApp(overrides: Record<string, unknown> = {}) {
  const ctx = testPlatform();
  const web = new WebService(ctx.platform.apps, 'web', { name: 'web', namespace: 'apps', pool: ctx.pools.get('general'), containers: [probed], ...overrides });
  return { ...ctx, web };
}

describe('issue 10 policy rules', () => {
  test('workloads built by the constructs pass every new rule', () => {
    const { app } = webApp({ replicas: 3, disruptionBudget: { maxUnavailable: 1 } });
    for (const check of [numericUserCheck, budgetEvictionCheck, probePortCheck, allocatableCheck]) expect(checkFindings(app, check)).toEqual([]);
  });
  test('budget-allows-eviction: minAvailable equal to the replicas blocks every drain; one less does not', () => {
    expect(checkFindings(webApp({ replicas: 2, disruptionBudget: { minAvailable: 2 } }).app, budgetEvictionCheck))
      .toEqual(['test/apps/web/disruption-budget: spec.minAvailable never allows an eviction: the pods it covers number 2']);
    expect(checkFindings(webApp({ replicas: 3, disruptionBudget: { minAvailable: 2 } }).app, budgetEvictionCheck)).toEqual([]);
  });
  test('budget-allows-eviction can be excused on the budget (escape hatch: workload.disruptionBudget)', () => {
    const { app, web } = webApp({ replicas: 2, disruptionBudget: { maxUnavailable: 0 } });
    declareException(web.disruptionBudget!, { rule: PolicyRule.BUDGET_ALLOWS_EVICTION, reason: 'the quorum must never lose a member to a drain' });
    expect(verificationErrors(app)).toEqual([]);
  });
  test('external-service-admitted: a LoadBalancer passes once the internet may reach its pods', () => {
    const { app, platform, web } = webApp({ service: { type: 'LoadBalancer' } });
    expect(checkFindings(app, externalServiceCheck)).toHaveLength(1);
    new NetworkGraph(platform.apps, 'net').allow(Peer.internet(), Peer.pods(web), [8080]);
    expect(checkFindings(app, externalServiceCheck)).toEqual([]);
  });
  test('policy-ports-exposed: named ports and port ranges count when a pod declares the port', () => {
    const { app, platform, web } = webApp();
    const net = new NetworkGraph(platform.apps, 'net');
    net.allow(Peer.external('ingress-nginx'), Peer.pods(web), [{ port: 8000, endPort: 8100 }]);
    expect(checkFindings(app, policyPortsCheck)).toEqual([]);
    net.allow(Peer.external('monitoring'), Peer.pods(web), [9090]);
    expect(checkFindings(app, policyPortsCheck)).toEqual(['test/apps/net/apps-web-from-monitoring-monitoring: spec.ingress[0].ports[0] is no port the selected pods expose']);
  });
  test('numeric-user and probe-port-declared look at hand-written pods too', () => {
    const { app, platform } = testPlatform();
    new k8s.KubePodTemplate(platform.apps, 'raw', { metadata: { name: 'raw', namespace: 'apps' }, template: { spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000 },
      containers: [{ name: 'c', image: 'i:1', ports: [{ name: 'http', containerPort: 80 }], readinessProbe: { httpGet: { port: k8s.IntOrString.fromString('http') } },
        livenessProbe: { tcpSocket: { port: k8s.IntOrString.fromString('admin') } } }],
    } } });
    expect(checkFindings(app, numericUserCheck)).toEqual([]);
    expect(checkFindings(app, probePortCheck)).toEqual(['test/apps/raw: template.spec.containers[0].livenessProbe.tcpSocket.port is no port the container declares']);
  });
});
