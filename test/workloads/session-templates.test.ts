import { App, Chart } from 'cdk8s';
import { PolicyRule } from '../../lib/core/exceptions';
import { SessionTemplates, SessionTemplatesProps } from '../../lib/workloads/session-templates';
import { Volume } from '../../lib/workloads/volume';
import { WebService } from '../../lib/workloads/web-service';
import { container, rendered, testChart } from '../helpers';

function props(ctx: ReturnType<typeof testChart>, overrides: Partial<SessionTemplatesProps> = {}): SessionTemplatesProps {
  return {
    name: 'desk',
    namespace: 'apps',
    podLabels: { app: 'desk' },
    userStorage: { volume: 'home', claimPrefix: 'home', size: '5Gi', storageClass: 'ssd' },
    userSecrets: [{ volume: 'creds', secretPrefix: 'creds' }],
    snapshots: { snapshotClass: 'snaps', namePrefix: 'home-snapshot' },
    variants: {
      small: {
        pool: ctx.pools.get('general'),
        containers: [
          container({
            volumeMounts: [
              { volume: 'home', path: '/home' },
              { volume: 'creds', path: '/creds', readOnly: true },
            ],
          }),
        ],
      },
    },
    ...overrides,
  };
}

describe('SessionTemplates', () => {
  test('a PodTemplate per variant with {user-id} in the per-user names, and the storage templates', () => {
    const ctx = testChart();
    const sessions = new SessionTemplates(ctx.apps, 'desk', props(ctx));
    const template = rendered(ctx.chart, 'PodTemplate', 'desk-small');
    expect(template.template.metadata.labels).toEqual({ app: 'desk' });
    expect(template.template.spec.volumes).toEqual([
      { name: 'home', persistentVolumeClaim: { claimName: 'home-{user-id}' } },
      { name: 'creds', secret: { secretName: 'creds-{user-id}' } },
    ]);
    expect(template.template.spec.serviceAccountName).toBe('desk');
    expect(sessions.storageTemplatesName).toBe('desk-storage-templates');
    expect(rendered(ctx.chart, 'ConfigMap', sessions.storageTemplatesName).data['persistentvolumeclaim.yaml']).toContain('name: home-{user-id}');
    expect(template.metadata.annotations).toBeUndefined();
    expect(sessions.podSecurity.name).toBe('restricted');
    expect(sessions.templateName('small')).toBe('desk-small');
  });

  test('a privileged container makes the template an exception and asks for a privileged namespace', () => {
    const ctx = testChart();
    const fuse = container({
      name: 'fuse',
      ports: [],
      privileged: { reason: 'mounts a FUSE file system' },
      volumeMounts: [{ volume: 'mnt', path: '/mnt', propagation: 'Bidirectional' }],
    });
    const sessions = new SessionTemplates(
      new Chart(new App(), 'c'),
      'desk',
      props(ctx, {
        variants: { small: { pool: ctx.pools.get('general'), containers: [container(), fuse], volumes: [Volume.emptyDir('mnt')] } },
      }),
    );
    expect(sessions.podSecurity.name).toBe('privileged');
    const chart = new Chart(new App(), 'rendered');
    const { pod } = sessions.renderForUser(chart, 'small', 'ada');
    expect(pod.toJson().metadata.annotations[PolicyRule.POD_SECURITY_RESTRICTED.annotation]).toBe(
      'container fuse is privileged: mounts a FUSE file system',
    );
  });

  test('the per-user instructions go under the annotation the platform names', () => {
    const ctx = testChart();
    new SessionTemplates(ctx.apps, 'desk', props(ctx, { instructionsAnnotation: 'desks.example.com/per-user' }));
    expect(rendered(ctx.chart, 'PodTemplate', 'desk-small').metadata.annotations).toEqual({
      'desks.example.com/per-user': 'name the pod desk-{user-id}, label it user={user-id}, and replace {user-id} in claim and secret names',
    });
  });
  test('a rendered session reports what it requests and where its data lives', () => {
    const ctx = testChart();
    const rendered = new SessionTemplates(ctx.apps, 'desk', props(ctx)).renderForUser(ctx.apps, 'small', 'u1');
    expect(rendered.requests).toEqual({ cpu: '100m', memory: '128Mi', gpus: 0 });
    expect(rendered.storage).toEqual({ size: '5Gi', storageClass: 'ssd' });
  });
  test('rendering for a user checks the id and the variant', () => {
    const ctx = testChart();
    const sessions = new SessionTemplates(ctx.apps, 'desk', props(ctx));
    const chart = new Chart(new App(), 'rendered');
    const { pod, claim, snapshot } = sessions.renderForUser(chart, 'small', 'ada');
    expect(pod.toJson().metadata).toMatchObject({ name: 'desk-ada', namespace: 'apps', labels: { app: 'desk', user: 'ada' } });
    expect(claim!.toJson().spec).toMatchObject({ storageClassName: 'ssd', resources: { requests: { storage: '5Gi' } } });
    expect(snapshot).toBeUndefined();
    expect(() => sessions.renderForUser(chart, 'large', 'bob')).toThrow(
      'test/apps/desk: variants is not a session variant (got "large"); fix: use one of: small',
    );
    expect(() => sessions.renderForUser(chart, 'small', '-bob')).toThrow('test/apps/desk.renderForUser: userId must be a DNS-1123 label');
  });

  describe('generic for any platform that starts pods per user or session', () => {
    const bare = (ctx: ReturnType<typeof testChart>, overrides: Partial<SessionTemplatesProps> = {}) =>
      new SessionTemplates(ctx.apps, 'sandbox', {
        name: 'sandbox',
        namespace: 'apps',
        podLabels: { app: 'sandbox' },
        variants: { run: { pool: ctx.pools.get('general'), containers: [container()] } },
        ...overrides,
      });
    test('no storage: no claim volume, no storage templates, nothing to render but the pod', () => {
      const ctx = testChart();
      const sessions = bare(ctx);
      expect(rendered(ctx.chart, 'PodTemplate', 'sandbox-run').template.spec.volumes).toBeUndefined();
      expect(sessions.storageTemplates).toBeUndefined();
      expect(() => sessions.storageTemplatesName).toThrow(
        'test/apps/sandbox: userStorage is not given, so there are no storage templates (got nothing)',
      );
      const manifests = sessions.manifestsForUser('run', 'job-7');
      expect(manifests.pod).toMatchObject({ kind: 'Pod', metadata: { name: 'sandbox-job-7', labels: { user: 'job-7' } } });
      expect(manifests.claim).toBeUndefined();
    });
    test("a variant's pod annotations are on its template and on each user's pod", () => {
      const ctx = testChart();
      const sessions = bare(ctx, {
        variants: { run: { pool: ctx.pools.get('general'), containers: [container()], podAnnotations: { 'example.com/sandbox': 'true' } } },
      });
      expect(rendered(ctx.chart, 'PodTemplate', 'sandbox-run').template.metadata.annotations).toEqual({ 'example.com/sandbox': 'true' });
      expect(sessions.manifestsForUser('run', 'job-7').pod.metadata.annotations).toEqual({ 'example.com/sandbox': 'true' });
    });
    test("cluster-default storage class, access mode, placeholder and template names are the platform's", () => {
      const ctx = testChart();
      const sessions = bare(ctx, {
        placeholder: '${SESSION}',
        userLabel: 'session',
        templateNames: { run: 'sandbox-runner' },
        userStorage: { volume: 'work', claimPrefix: 'work', size: '1Gi', accessModes: ['ReadWriteOncePod'] },
        snapshots: { namePrefix: 'work-snap' },
      });
      expect(sessions.templateName('run')).toBe('sandbox-runner');
      const template = rendered(ctx.chart, 'PodTemplate', 'sandbox-runner');
      expect(template.template.spec.volumes).toEqual([{ name: 'work', persistentVolumeClaim: { claimName: 'work-${SESSION}' } }]);
      const { pod, claim, snapshot } = sessions.manifestsForUser('run', 's-1', { snapshotAt: new Date('2026-01-02T03:04:05Z') });
      expect(pod.metadata.labels.session).toBe('s-1');
      expect(claim!.spec).toEqual({ accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Gi' } } });
      expect(snapshot).toMatchObject({
        metadata: { name: 'work-snap-s-1-20260102-030405' },
        spec: { source: { persistentVolumeClaimName: 'work-s-1' } },
      });
      expect(snapshot!.spec.volumeSnapshotClassName).toBeUndefined();
    });
    test('snapshots without storage, a placeholder a user id could be, and template names of unknown variants are refused', () => {
      expect(() => bare(testChart(), { snapshots: { namePrefix: 'x' } })).toThrow(
        'test/apps/sandbox: snapshots snapshots a claim, but userStorage gives the sessions none',
      );
      expect(() => bare(testChart(), { placeholder: 'user' })).toThrow('test/apps/sandbox: placeholder must contain a character no user id has');
      expect(() => bare(testChart(), { templateNames: { gpu: 'x' } })).toThrow(
        'test/apps/sandbox: templateNames is not a session variant (got "gpu"); fix: use one of: run',
      );
    });
  });
});

describe('SessionTemplates.grantInstantiate', () => {
  test('the grantee may read the templates by name, run session pods, and make the per-user claims and snapshots', () => {
    const ctx = testChart();
    const sessions = new SessionTemplates(ctx.apps, 'desk', props(ctx));
    const manager = new WebService(ctx.apps, 'manager', {
      name: 'manager',
      namespace: 'control',
      pool: ctx.pools.get('general'),
      automountServiceAccountToken: true,
      containers: [container()],
    });
    const grant = sessions.grantInstantiate(manager);
    expect(rendered(ctx.chart, 'Role', 'desk-instantiate-manager')).toMatchObject({
      metadata: { namespace: 'apps' },
      rules: [
        { apiGroups: [''], resources: ['podtemplates'], resourceNames: ['desk-small'], verbs: ['get'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['create', 'get', 'list', 'watch', 'delete'] },
        { apiGroups: [''], resources: ['configmaps'], resourceNames: ['desk-storage-templates'], verbs: ['get'] },
        { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['create', 'get', 'list', 'watch'] },
        { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshots'], verbs: ['create', 'get', 'list', 'watch'] },
      ],
    });
    expect(rendered(ctx.chart, 'RoleBinding', 'desk-instantiate-manager')).toMatchObject({
      metadata: { namespace: 'apps' },
      subjects: [{ kind: 'ServiceAccount', name: 'manager', namespace: 'control' }],
      roleRef: { kind: 'Role', name: 'desk-instantiate-manager' },
    });
    expect(grant.role.name).toBe('desk-instantiate-manager');
    expect(() => sessions.grantInstantiate(manager)).toThrow(
      'test/apps/desk: grantInstantiate is granted twice (got "control/manager"); fix: grant each ServiceAccount once',
    );
  });
  test('sessions without storage grant no claims, snapshots or storage templates; an exception is declared on the Role', () => {
    const ctx = testChart();
    const sessions = new SessionTemplates(ctx.apps, 'run', {
      name: 'run',
      namespace: 'apps',
      podLabels: { app: 'run' },
      variants: { shell: { pool: ctx.pools.get('general'), containers: [container()] } },
    });
    const manager = new WebService(ctx.apps, 'manager', {
      name: 'manager',
      namespace: 'apps',
      pool: ctx.pools.get('general'),
      containers: [container()],
    });
    sessions.grantInstantiate(manager, {
      exceptions: [{ rule: PolicyRule.CREATE_PODS_WHERE_PRIVILEGED, reason: 'the namespace admits privileged pods for now' }],
    });
    const role = rendered(ctx.chart, 'Role', 'run-instantiate-manager');
    expect(role.rules.map((r: { resources: string[] }) => r.resources[0])).toEqual(['podtemplates', 'pods']);
    expect(role.metadata.annotations['policy.k8s-platforms.dev/allow-create-pods-where-privileged']).toBe(
      'the namespace admits privileged pods for now',
    );
  });
});
