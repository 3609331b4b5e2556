import { App, Chart } from 'cdk8s';
import { parse } from 'yaml';
import { collectPlatforms, policyInputOf } from '../../lib/output/collect';
import { Manifest } from '../../lib/core/manifest';
import { layoutDist } from '../../lib/output/layout';
import { gimpStreamingProduction as config } from '../../platforms/gimp-streaming/config';
import { gimpStreaming } from '../../platforms/gimp-streaming/gimp-streaming';
import { gimpSessions } from '../../platforms/gimp-streaming/sessions';
import { userSession } from '../../platforms/gimp-streaming/user-session';
import { completePlatforms } from '../../lib/pipeline/synth';
import { verifyPlatforms } from '../../lib/policy/verify-platforms';

const app = new App();
gimpStreaming(app, config);
completePlatforms(app); // its add-ons and Flux entry point, as the synth adds them
const platforms = collectPlatforms(app);
const all: Manifest[] = platforms.flatMap((p) => p.layers.flatMap((l) => l.manifests));
const get = (kind: string, name: string) => {
  const found = all.filter((m) => m.kind === kind && m.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0].object;
};
const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

describe('gimp-streaming', () => {
  test('snapshot of every dist file (review the diff like code)', () => {
    expect(Object.fromEntries([...layoutDist(platforms)].filter(([f]) => f.startsWith('gimp-streaming/')))).toMatchSnapshot();
  });

  test('passes the synth policies', () => {
    expect(verifyPlatforms(platforms.map(policyInputOf)).errors.map((e) => e.message)).toEqual([]);
  });

  test('node pools: CPU, GPU, storage, edge (and the control plane) with the seed sizes', () => {
    const inventory = get('ConfigMap', 'gimp-streaming-node-pools');
    const pools = Object.fromEntries(Object.entries(inventory.data).map(([k, v]) => [k.replace('.yaml', ''), parse(v as string)]));
    expect(pools.cpu).toMatchObject({ instanceType: 'c6g.4xlarge', architecture: 'arm64', vcpu: 16, memory: '32Gi', minNodes: 1, maxNodes: 50 });
    expect(pools.gpu).toMatchObject({
      instanceType: 'g4dn.xlarge',
      architecture: 'amd64',
      gpus: '1x NVIDIA T4',
      minNodes: 0,
      maxNodes: 20,
      gpuSharing: 'time-slicing, 4 pods a GPU',
      taints: ['nvidia.com/gpu=present:NoSchedule'],
    });
    expect(pools.storage).toMatchObject({ instanceType: 'i3.4xlarge', localDisks: '2x 1900 GB NVMe', taints: ['workload=storage:NoSchedule'] });
    expect(pools.edge).toMatchObject({ taints: ['workload=edge:NoSchedule'] });
    // EKS runs the control plane: there is no pool of control-plane nodes to place on.
    expect(Object.keys(pools).sort()).toEqual(['cpu', 'edge', 'gpu', 'storage']);
  });

  test('GPU time-slicing: 4 shares a GPU, and GPU sessions ask for one whole share', () => {
    const slicing = parse(get('ConfigMap', 'time-slicing-config').data.gpu);
    expect(slicing.sharing.timeSlicing.resources).toEqual([{ name: 'nvidia.com/gpu', replicas: 4 }]);
    expect(slicing.sharing.timeSlicing.failRequestsGreaterThanOne).toBe(true);
    const gimp = get('PodTemplate', 'gimp-session-gpu').template.spec.containers[0];
    expect(gimp.resources.requests['nvidia.com/gpu']).toBe('1');
    expect(gimp.resources.limits['nvidia.com/gpu']).toBe('1');
    expect(get('PodTemplate', 'gimp-session-cpu').template.spec.containers[0].resources.requests['nvidia.com/gpu']).toBeUndefined();
  });

  test('session pod template: the seed containers, ports, env, probes and volumes', () => {
    const template = get('PodTemplate', 'gimp-session-gpu').template;
    expect(template.metadata.labels).toEqual({ app: 'gimp-session', tier: 'streaming' });
    const pod = template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 });
    expect(pod.nodeSelector).toEqual({ 'node-pool': 'gpu', 'nvidia.com/device-plugin.config': 'gpu', 'kubernetes.io/arch': 'amd64' });
    const [gimp, rclone] = pod.containers;
    expect(gimp.ports).toEqual([
      { name: 'webrtc', containerPort: 6901, protocol: 'TCP' },
      { name: 'vnc', containerPort: 5901, protocol: 'TCP' },
    ]);
    expect(gimp.env).toEqual([
      { name: 'DISPLAY', value: ':99' },
      { name: 'USER_ID', valueFrom: { fieldRef: { fieldPath: "metadata.labels['user']" } } },
    ]);
    expect(gimp.readinessProbe).toEqual({ httpGet: { path: '/health', port: 'webrtc' }, initialDelaySeconds: 30, periodSeconds: 10 });
    expect(gimp.livenessProbe).toEqual({ httpGet: { path: '/health', port: 'webrtc' }, initialDelaySeconds: 60, periodSeconds: 30 });
    expect(gimp.resources).toMatchObject({ requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } });
    expect(rclone.securityContext).toMatchObject({ privileged: true });
    expect(rclone.volumeMounts[0]).toEqual({ name: 'cloud-storage', mountPath: '/data/cloud', mountPropagation: 'Bidirectional' });
    expect(pod.volumes).toEqual(
      expect.arrayContaining([
        { name: 'user-storage', persistentVolumeClaim: { claimName: 'user-storage-{user-id}' } },
        { name: 'temp-storage', emptyDir: { sizeLimit: '1Gi' } },
        { name: 'cloud-storage', emptyDir: {} },
      ]),
    );
  });

  test('the privileged sidecar is a named exception and sets the sessions namespace level', () => {
    const reason = get('PodTemplate', 'gimp-session-cpu').metadata.annotations['policy.k8s-platforms.dev/allow-pod-security-restricted'];
    expect(reason).toMatch(/^container rclone-sidecar is privileged: rclone mounts/);
    expect(get('Namespace', 'gimp-sessions').metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    expect(get('Namespace', 'gimp-streaming').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(get('Deployment', 'session-manager').metadata.annotations).toBeUndefined();
  });

  test('Session CRD: the seed schema, a status subresource and printer columns', () => {
    const crd = get('CustomResourceDefinition', 'sessions.streaming.platform');
    const [v1] = crd.spec.versions;
    expect(crd.spec).toMatchObject({ group: 'streaming.platform', scope: 'Namespaced', names: { kind: 'Session', plural: 'sessions' } });
    expect(v1).toMatchObject({ name: 'v1', served: true, storage: true, subresources: { status: {} } });
    const spec = v1.schema.openAPIV3Schema.properties.spec.properties;
    expect(Object.keys(spec).sort()).toEqual(['application', 'resources', 'storage', 'timeout', 'userId']);
    expect(spec.application.enum).toEqual(['gimp', 'blender', 'inkscape']);
    expect(v1.schema.openAPIV3Schema.properties.status.properties.phase.enum).toEqual(['pending', 'running', 'terminating', 'failed']);
    expect(v1.additionalPrinterColumns.map((c: { name: string }) => c.name)).toEqual(['User', 'Application', 'Phase', 'Pod', 'Age']);
  });

  test('session-manager: HPA exactly as the seed, no fixed replicas, a disruption budget', () => {
    expect(get('Deployment', 'session-manager').spec.replicas).toBeUndefined();
    expect(get('HorizontalPodAutoscaler', 'gimp-session-hpa')).toMatchObject({
      apiVersion: 'autoscaling/v2',
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'session-manager' },
        minReplicas: 2,
        maxReplicas: 20,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } },
        ],
        behavior: {
          scaleUp: { stabilizationWindowSeconds: 60, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
          scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] },
        },
      },
    });
    expect(get('PodDisruptionBudget', 'session-manager').spec.minAvailable).toBe(1);
  });

  test('RBAC: the seed rules in the sessions namespace, bound to the real service account', () => {
    const role = get('Role', 'session-manager-role');
    expect(role.metadata.namespace).toBe('gimp-sessions');
    expect(role.rules.slice(0, 3)).toEqual([
      { apiGroups: [''], resources: ['pods', 'services', 'configmaps', 'secrets'], verbs: ALL_VERBS },
      { apiGroups: ['apps'], resources: ['deployments', 'replicasets'], verbs: ALL_VERBS },
      { apiGroups: ['streaming.platform'], resources: ['sessions', 'sessions/status'], verbs: ALL_VERBS },
    ]);
    expect(get('RoleBinding', 'session-manager-binding').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'session-manager', namespace: 'gimp-streaming' },
    ]);
  });

  test('storage: the two classes, EBS through the CSI driver, and a retained snapshot class', () => {
    expect(get('StorageClass', 'ssd-user-storage')).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', iops: '3000', throughput: '125', 'csi.storage.k8s.io/fstype': 'ext4' },
      allowVolumeExpansion: true,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    expect(get('StorageClass', 'nvme-temp-storage')).toMatchObject({
      provisioner: 'kubernetes.io/no-provisioner',
      allowVolumeExpansion: false,
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    expect(get('VolumeSnapshotClass', 'ebs-snapshots')).toMatchObject({ driver: 'ebs.csi.aws.com', deletionPolicy: 'Retain' });
    const templates = get('ConfigMap', 'gimp-session-storage-templates').data;
    expect(parse(templates['persistentvolumeclaim.yaml'])).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'user-storage-{user-id}', namespace: 'gimp-sessions', labels: { user: '{user-id}', type: 'persistent' } },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'ssd-user-storage', resources: { requests: { storage: '20Gi' } } },
    });
    expect(parse(templates['volumesnapshot.yaml']).spec).toEqual({
      volumeSnapshotClassName: 'ebs-snapshots',
      source: { persistentVolumeClaimName: 'user-storage-{user-id}' },
    });
  });

  test('cluster autoscaler: the seed values, not in the ConfigMap the autoscaler writes itself', () => {
    expect(get('ConfigMap', 'cluster-autoscaler-settings').data).toMatchObject({
      'nodes.max': '100',
      'nodes.min': '3',
      'scale-down-utilization-threshold': '0.5',
      'scale-down-unneeded-time': '10m',
      'scale-down-delay-after-add': '10m',
    });
    expect(all.some((m) => m.name === 'cluster-autoscaler-status')).toBe(false);
  });

  test('Istio Gateway and VirtualService as the seed, and the gateway may reach their backends', () => {
    expect(get('Gateway', 'gimp-streaming-gateway')).toMatchObject({
      apiVersion: 'networking.istio.io/v1beta1',
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [
          {
            port: { number: 443, name: 'https', protocol: 'HTTPS' },
            tls: { mode: 'SIMPLE', credentialName: 'gimp-streaming-tls' },
            hosts: ['gimp.example.com'],
          },
        ],
      },
    });
    const http = get('VirtualService', 'gimp-session-route').spec.http;
    expect(http).toEqual([
      {
        match: [{ uri: { prefix: '/session/' } }],
        rewrite: { uri: '/' },
        route: [{ destination: { host: 'session-manager', port: { number: 8080 } } }],
        timeout: '30s',
      },
      { match: [{ uri: { regex: '/streaming/.*' } }], route: [{ destination: { host: 'webrtc-gateway', port: { number: 8080 } } }], timeout: '24h' },
    ]);
    expect(get('NetworkPolicy', 'session-manager-from-istio-ingressgateway').spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8080 }]);
  });

  test('network: default deny and DNS in every namespace, and the seed session policy', () => {
    for (const ns of ['gimp-streaming', 'gimp-sessions']) {
      expect(all.find((m) => m.kind === 'NetworkPolicy' && m.namespace === ns && m.name === 'default-deny-all')?.object.spec).toEqual({
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
      });
      expect(all.some((m) => m.kind === 'NetworkPolicy' && m.namespace === ns && m.name === 'allow-dns-egress')).toBe(true);
    }
    const session = get('NetworkPolicy', 'gimp-session-netpol').spec;
    expect(session.podSelector).toEqual({ matchLabels: { app: 'gimp-session', tier: 'streaming' } });
    expect(session.ingress[0].from[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } });
    // 80/443 to anywhere, as the seed says, but not to the cloud metadata address (link-local is excepted)
    expect(session.egress[0]).toEqual({
      to: [
        { namespaceSelector: {} },
        { ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } },
        { ipBlock: { cidr: '::/0', except: ['fe80::/10', 'fd00:ec2::254/128'] } },
      ],
      ports: [
        { protocol: 'TCP', port: 443 },
        { protocol: 'TCP', port: 80 },
        { protocol: 'UDP', port: 53 },
      ],
    });
    expect(session.egress[1].to[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'storage' } });
  });

  test('backups: user data at 02:00, no etcd snapshots (EKS takes them), images pinned', () => {
    const userData = get('CronJob', 'user-data-backup').spec;
    expect(userData).toMatchObject({ schedule: '0 2 * * *', timeZone: 'Etc/UTC', concurrencyPolicy: 'Forbid' });
    expect(all.filter((m) => m.kind === 'CronJob').map((m) => m.name)).toEqual(['user-data-backup']);
    const images = JSON.stringify(all.map((m) => m.object)).match(/"image":"[^"]+"/g)!;
    expect(images.length).toBeGreaterThan(6);
    for (const image of images) expect(image).toMatch(/:[0-9][^"]*"$/);
  });

  test('monitoring: the session manager is scraped and the seed metrics are alerted on', () => {
    expect(get('ServiceMonitor', 'session-manager').spec).toEqual({
      selector: { matchLabels: { 'app.kubernetes.io/name': 'session-manager' } },
      endpoints: [{ port: 'metrics', path: '/metrics', interval: '30s' }],
    });
    const rules = get('PrometheusRule', 'gimp-streaming-alerts').spec.groups[0].rules;
    const exprs = rules.map((r: { expr: string }) => r.expr).join('\n');
    for (const metric of ['gimp_active_sessions', 'gimp_session_duration_seconds']) expect(exprs).toContain(metric);
    expect(
      rules.every((r: { labels: { severity: string }; annotations: { description: string } }) => r.labels.severity && r.annotations.description),
    ).toBe(true);
  });
});

describe('a user session rendered in TypeScript', () => {
  const chart = new Chart(new App(), 'runtime');
  const sessions = gimpSessions(chart, config, { userClass: 'ssd-user-storage', snapshotClass: 'ebs-snapshots' });
  const rendered = userSession(
    chart,
    sessions,
    { userId: 'user-123', application: 'gimp', gpu: true, timeoutSeconds: 3600 },
    { snapshotAt: new Date('2026-11-22T02:00:00Z') },
  );

  test('Pod, claim and snapshot carry the user id', () => {
    const pod = rendered.pod.toJson();
    expect(pod.metadata.name).toBe('gimp-session-user-123');
    expect(pod.metadata.labels).toMatchObject({ app: 'gimp-session', user: 'user-123' });
    expect(pod.spec.volumes).toEqual(
      expect.arrayContaining([
        { name: 'user-storage', persistentVolumeClaim: { claimName: 'user-storage-user-123' } },
        { name: 'cloud-credentials', secret: { secretName: 'user-cloud-credentials-user-123' } },
      ]),
    );
    expect(rendered.claim!.toJson().metadata).toMatchObject({ name: 'user-storage-user-123', labels: { user: 'user-123', type: 'persistent' } });
    expect(rendered.snapshot!.toJson()).toMatchObject({
      metadata: { name: 'user-snapshot-user-123-20261122-020000' },
      spec: { volumeSnapshotClassName: 'ebs-snapshots', source: { persistentVolumeClaimName: 'user-storage-user-123' } },
    });
  });

  test('the typed Session object describes it', () => {
    expect(rendered.session.toJson()).toEqual({
      apiVersion: 'streaming.platform/v1',
      kind: 'Session',
      metadata: { name: 'gimp-session-user-123', namespace: 'gimp-sessions' },
      spec: {
        userId: 'user-123',
        application: 'gimp',
        resources: { cpu: '1', memory: '2Gi', gpu: '1' },
        storage: { size: '20Gi', class: 'ssd-user-storage' },
        timeout: 3600,
      },
    });
  });

  test('the user id must be a DNS label', () => {
    expect(() => userSession(chart, sessions, { userId: 'User 7', application: 'gimp', gpu: false, timeoutSeconds: 60 })).toThrow(
      'runtime/sessions.renderForUser: userId must be a DNS-1123 label',
    );
  });
});
