import { App, Chart } from 'cdk8s';
import { PolicyRule } from '../../lib/core/exceptions';
import { SessionTemplates, SessionTemplatesProps } from '../../lib/workloads/session-templates';
import { Volume } from '../../lib/workloads/volume';
import { container, rendered, testChart } from '../helpers';

function props(ctx: ReturnType<typeof testChart>, overrides: Partial<SessionTemplatesProps> = {}): SessionTemplatesProps {
  return {
    name: 'desk', namespace: 'apps', podLabels: { app: 'desk' },
    userStorage: { volume: 'home', claimPrefix: 'home', size: '5Gi', storageClass: 'ssd' },
    userSecrets: [{ volume: 'creds', secretPrefix: 'creds' }],
    snapshots: { snapshotClass: 'snaps', namePrefix: 'home-snapshot' },
    variants: { small: { pool: ctx.pools.get('general'), containers: [container({ volumeMounts: [{ volume: 'home', path: '/home' }, { volume: 'creds', path: '/creds', readOnly: true }] })] } },
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
    const fuse = container({ name: 'fuse', ports: [], privileged: { reason: 'mounts a FUSE file system' }, volumeMounts: [{ volume: 'mnt', path: '/mnt', propagation: 'Bidirectional' }] });
    const sessions = new SessionTemplates(new Chart(new App(), 'c'), 'desk', props(ctx, {
      variants: { small: { pool: ctx.pools.get('general'), containers: [container(), fuse], volumes: [Volume.emptyDir('mnt')] } },
    }));
    expect(sessions.podSecurity.name).toBe('privileged');
    const chart = new Chart(new App(), 'rendered');
    const { pod } = sessions.renderForUser(chart, 'small', 'ada');
    expect(pod.toJson().metadata.annotations[PolicyRule.POD_SECURITY_RESTRICTED.annotation]).toBe('container fuse is privileged: mounts a FUSE file system');
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
    expect(rendered.storage).toEqual({ size: props(ctx).userStorage.size, storageClass: props(ctx).userStorage.storageClass });
  });
  test('rendering for a user checks the id and the variant', () => {
    const ctx = testChart();
    const sessions = new SessionTemplates(ctx.apps, 'desk', props(ctx));
    const chart = new Chart(new App(), 'rendered');
    const { pod, claim, snapshot } = sessions.renderForUser(chart, 'small', 'ada');
    expect(pod.toJson().metadata).toMatchObject({ name: 'desk-ada', namespace: 'apps', labels: { app: 'desk', user: 'ada' } });
    expect(claim.toJson().spec).toMatchObject({ storageClassName: 'ssd', resources: { requests: { storage: '5Gi' } } });
    expect(snapshot).toBeUndefined();
    expect(() => sessions.renderForUser(chart, 'large', 'bob')).toThrow('test/apps/desk: variants is not a session variant (got "large"); fix: use one of: small');
    expect(() => sessions.renderForUser(chart, 'small', '-bob')).toThrow('test/apps/desk.renderForUser: userId must be a DNS-1123 label');
  });
});
