import { stringify } from 'yaml';
import { formatChanges, formatChangesMarkdown } from '../../lib/changes/change-report';
import { anyChange, diffTrees } from '../../lib/changes/object-changes';

const deployment = (replicas: number, app = 'web') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    replicas,
    selector: { matchLabels: { app } },
    template: { spec: { containers: [{ name: 'web', image: 'registry.example.com/web:1.0.0' }] } },
  },
});
const claim = (storage: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'shop' },
  spec: { resources: { requests: { storage } } },
});
const db = (image: string, storage = '10Gi') => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'pg', namespace: 'shop' },
  spec: {
    serviceName: 'pg',
    selector: { matchLabels: { app: 'pg' } },
    template: { spec: { containers: [{ name: 'pg', image }] } },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage } } } }],
  },
});

function tree(objects: Record<string, object>): Map<string, string> {
  return new Map(Object.entries(objects).map(([path, o]) => [path, `# Generated from x; edit the TypeScript, not this file.\n${stringify(o)}`]));
}

const before = tree({
  'shop/apps/shop/deployment-web.yaml': deployment(2),
  'shop/apps/shop/statefulset-pg.yaml': db('postgres:16.4'),
  'shop/infrastructure/shop/persistentvolumeclaim-data.yaml': claim('20Gi'),
  'shop/infrastructure/namespace-shop.yaml': { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  'blog/apps/blog/configmap-c.yaml': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'blog' }, data: { a: '1' } },
});

describe('object-level changes between two dist/ trees', () => {
  test('nothing changed: every platform says so, and anyChange is false', () => {
    const changes = diffTrees(before, before);
    expect(anyChange(changes)).toBe(false);
    expect(formatChanges(changes, 'HEAD')).toBe('changes against HEAD:\n  blog: no changes\n  shop: no changes');
  });

  test('a replica count, a removed claim, a changed selector, a database major upgrade and a shrinking claim template', () => {
    const after = new Map(before);
    after.delete('shop/infrastructure/shop/persistentvolumeclaim-data.yaml');
    after.set('shop/apps/shop/deployment-web.yaml', tree({ x: deployment(3, 'web2') }).get('x')!);
    after.set('shop/apps/shop/statefulset-pg.yaml', tree({ x: db('postgres:17.0', '5Gi') }).get('x')!);
    after.set(
      'blog/apps/blog/configmap-d.yaml',
      tree({ x: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd', namespace: 'blog' } } }).get('x')!,
    );
    const changes = diffTrees(before, after);
    expect(anyChange(changes)).toBe(true);
    expect(formatChanges(changes, 'the committed dist/ (HEAD)')).toBe(
      [
        'changes against the committed dist/ (HEAD):',
        '  blog: 1 added, 0 removed, 0 changed',
        '     + added ConfigMap blog/d (apps)',
        '  shop: 0 added, 1 removed, 2 changed, 3 DESTRUCTIVE',
        '    !- removed PersistentVolumeClaim shop/data (infrastructure)',
        '        DESTRUCTIVE: removes a claim: its volume is deleted with it',
        '    !~ changed Deployment shop/web (apps)',
        '        DESTRUCTIVE: immutable field spec.selector changed: the object must be deleted and recreated',
        '        spec.replicas: 2 -> 3',
        '        spec.selector.matchLabels.app: "web" -> "web2"',
        '    !~ changed StatefulSet shop/pg (apps)',
        '        DESTRUCTIVE: immutable field spec.volumeClaimTemplates changed: the object must be deleted and recreated',
        '        DESTRUCTIVE: database image postgres changes major version 16 -> 17: the data needs an upgrade step',
        '        DESTRUCTIVE: claim shrinks from 10Gi to 5Gi at spec.volumeClaimTemplates.[name=data].spec.resources.requests.storage: volumes cannot shrink',
        '        spec.template.spec.containers.[name=pg].image: "postgres:16.4" -> "postgres:17.0"',
        '        spec.volumeClaimTemplates.[name=data].spec.resources.requests.storage: "10Gi" -> "5Gi"',
      ].join('\n'),
    );
    const markdown = formatChangesMarkdown(changes, '`HEAD`');
    expect(markdown).toContain(
      '### shop: 0 added, 1 removed, 2 changed, 3 DESTRUCTIVE\n\n> [!CAUTION]\n> Destructive changes:\n> - **removed `PersistentVolumeClaim shop/data`**: removes a claim: its volume is deleted with it\n',
    );
    expect(markdown).toContain(
      '#### apps\n\n| | object | changed fields |\n| --- | --- | --- |\n| **!** changed | `Deployment shop/web` | `spec.replicas: 2 -> 3`<br>`spec.selector.matchLabels.app: "web" -> "web2"` |\n',
    );
  });

  test('a container inserted before another reads as one added item, not every item changed', () => {
    const two = deployment(2) as any;
    two.spec.template.spec.containers.unshift({ name: 'proxy', image: 'registry.example.com/proxy:2.0.0' });
    const [shop] = diffTrees(tree({ 'shop/apps/shop/deployment-web.yaml': deployment(2) }), tree({ 'shop/apps/shop/deployment-web.yaml': two }));
    expect(shop.changes.map((c) => c.fields.map((f) => f.path))).toEqual([['spec.template.spec.containers.[name=proxy]']]);
    expect(shop.changes[0].destructive).toEqual([]);
  });

  test('a namespace is destructive to remove only when it holds claims or claim templates', () => {
    const without = new Map([...before].filter(([p]) => !p.startsWith('shop/')));
    without.set('shop/kustomization.yaml', 'resources: []\n');
    const shop = diffTrees(before, without).find((p) => p.platform === 'shop')!;
    expect(shop.changes.filter((c) => c.destructive.length > 0).map((c) => c.object.id)).toEqual([
      'shop/Namespace/shop',
      'shop/PersistentVolumeClaim/shop/data',
      'shop/StatefulSet/shop/pg',
    ]);
    expect(shop.changes.find((c) => c.object.kind === 'Namespace')!.destructive).toEqual([
      'removes a namespace holding StatefulSet pg, PersistentVolumeClaim data: deleting it deletes their data',
    ]);
  });

  test('a declared replacement is named beside the immutable fields it lets Flux replace', () => {
    const forced = deployment(2, 'checkout') as any;
    forced.metadata.annotations = {
      'kustomize.toolkit.fluxcd.io/force': 'enabled',
      'k8s-platforms.dev/replacement-reason': 'moves to the standard selector',
    };
    const [shop] = diffTrees(tree({ 'shop/apps/shop/deployment-web.yaml': deployment(2) }), tree({ 'shop/apps/shop/deployment-web.yaml': forced }));
    expect(shop.changes[0].destructive).toEqual([
      'immutable field spec.selector changed: Flux deletes and recreates the object (declared replacement: moves to the standard selector)',
    ]);
  });
});
