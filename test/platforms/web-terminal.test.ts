import { App } from 'cdk8s';
import { parse } from 'yaml';
import { collectPlatforms, policyInputOf } from '../../lib/output/collect';
import { Manifest } from '../../lib/core/manifest';
import { layoutDist } from '../../lib/output/layout';
import { webTerminalProduction } from '../../platforms/web-terminal/config';
import { webTerminal } from '../../platforms/web-terminal/web-terminal';
import { webTerminalPools } from '../../platforms/web-terminal/pools';
import { Site } from '../../lib/core/errors';
import { completePlatforms } from '../../lib/pipeline/synth';
import { verifyPlatforms } from '../../lib/policy/verify-platforms';

const app = new App();
webTerminal(app, webTerminalProduction);
completePlatforms(app); // its add-ons and Flux entry point, as the synth adds them
const platforms = collectPlatforms(app);
const all: Manifest[] = platforms.flatMap((p) => p.layers.flatMap((l) => l.manifests));
const get = (kind: string, name: string) => all.find((m) => m.kind === kind && m.name === name)!.object;

describe('web-terminal', () => {
  test('snapshot of every dist file (review the diff like code)', () => {
    expect(Object.fromEntries(layoutDist(platforms))).toMatchSnapshot();
  });
  test('passes the synth policies', () => {
    expect(verifyPlatforms(platforms.map(policyInputOf)).errors.map((e) => e.message)).toEqual([]);
  });
  test('namespaces claudecode-terminal and the three Papers namespaces, restricted and closed', () => {
    for (const name of ['claudecode-terminal', 'papers-frontend', 'papers-backend', 'papers-blockchain']) {
      expect(get('Namespace', name).metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
      expect(all.some((m) => m.kind === 'NetworkPolicy' && m.namespace === name && m.name === 'default-deny-all')).toBe(true);
    }
  });
  test('web-terminal-service: NodePort 31000 and a Traefik Ingress, its local image never pulled', () => {
    expect(get('Service', 'web-terminal-service').spec).toMatchObject({ type: 'NodePort', ports: [{ name: 'http', port: 3000, nodePort: 31000 }] });
    const ingress = get('Ingress', 'web-terminal');
    expect(ingress.spec.ingressClassName).toBe('traefik');
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({ name: 'web-terminal-service', port: { number: 3000 } });
    const pod = get('Deployment', 'web-terminal-service').spec.template.spec;
    expect(pod.containers[0].imagePullPolicy).toBe('Never');
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'k8s-node', 'kubernetes.io/arch': 'amd64' });
  });
  test('the Roles: the sandboxes granted (template by name, pods), and pods/exec with both get and create', () => {
    expect(get('Role', 'claudecode-sandbox-instantiate-web-terminal-service').rules).toEqual([
      { apiGroups: [''], resources: ['podtemplates'], resourceNames: ['claudecode-sandbox'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['create', 'get', 'list', 'watch', 'delete'] },
    ]);
    expect(get('Role', 'web-terminal-service').rules).toEqual([{ apiGroups: [''], resources: ['pods/exec'], verbs: ['get', 'create'] }]);
  });
  test('the sandbox template: never pulled, no token, on the node that holds its image, nothing in, internet out', () => {
    const template = get('PodTemplate', 'claudecode-sandbox').template;
    expect(template.spec.automountServiceAccountToken).toBe(false);
    expect(template.spec.containers[0]).toMatchObject({ image: 'claudecode-sandbox:1.0.0', imagePullPolicy: 'Never' });
    expect(template.spec.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'k8s-node', 'kubernetes.io/arch': 'amd64' });
    expect(template.spec.tolerations).toBeUndefined();
    const selectsSandbox = all.filter(
      (m) => m.kind === 'NetworkPolicy' && m.object.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === 'claudecode-sandbox',
    );
    expect(selectsSandbox.map((m) => [m.name, m.object.spec.policyTypes])).toEqual([['claudecode-sandbox-to-internet', ['Egress']]]);
    expect(selectsSandbox[0].object.spec.egress[0].to[0].ipBlock.except).toContain('169.254.0.0/16');
  });
  test('GPU pools for the future T4 and A2 workers: labels, taints and counts on record', () => {
    const inventory = get('ConfigMap', 'web-terminal-node-pools').data;
    expect(parse(inventory['gpu-t4.yaml'])).toMatchObject({
      gpus: '4x NVIDIA T4',
      minNodes: 0,
      labels: { 'gpu.claudecode.dev/model': 't4' },
      taints: ['nvidia.com/gpu=present:NoSchedule'],
    });
    expect(parse(inventory['gpu-a2.yaml'])).toMatchObject({ gpus: '4x NVIDIA A2', labels: { 'gpu.claudecode.dev/model': 'a2' } });
    expect(parse(inventory['k8s-node.yaml'])).toMatchObject({
      vcpu: 8,
      memory: '240G',
      localImages: ['web-terminal-service:1.0.0', 'claudecode-sandbox:1.0.0'],
    });
  });
  test('a GPU workload selects its pool by label and tolerates its taint, so nodes joining later change no manifest', () => {
    const pools = webTerminalPools(webTerminalProduction);
    const placed = pools.get('gpu-t4').place(new Site('p/w'), { cpuMillicores: 1000, memoryBytes: 2 ** 30, gpus: 1, features: new Set() });
    expect(placed).toEqual({
      nodeSelector: { 'gpu.claudecode.dev/model': 't4', 'kubernetes.io/arch': 'amd64' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }],
      podLabels: {},
    });
    // Every pod emitted today stays on k8s-node: none tolerates the GPU taint.
    expect(all.filter((m) => JSON.stringify(m.object).includes('nvidia.com/gpu') && m.kind !== 'ConfigMap')).toEqual([]);
  });
});

test("web-terminal installs no add-on: k3s provides Traefik (its Ingress's controller), CoreDNS, local-path, metrics-server and ServiceLB", () => {
  const platform = webTerminal(new App(), webTerminalProduction);
  const plan = platform.buildAddons();
  expect(plan.installed).toEqual([]);
  expect(plan.provided.map((p) => p.addon)).toEqual(['traefik', 'coredns', 'local-path-provisioner', 'metrics-server', 'servicelb']);
  expect(get('Ingress', 'web-terminal').spec.ingressClassName).toBe('traefik');
});
