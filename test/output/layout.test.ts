import { App, ApiObject } from 'cdk8s';
import { collectPlatforms } from '../../lib/output/collect';
import { Layer } from '../../lib/flux/layer';
import { layoutDist } from '../../lib/output/layout';
import { objectsOfTree } from '../../lib/output/dist-objects';
import { WebService } from '../../lib/workloads/web-service';
import { container, testPlatform } from '../helpers';

function build(): App {
  const { app, platform, pools } = testPlatform();
  new WebService(platform.apps, 'web', { name: 'web', namespace: 'apps', pool: pools.get('general'), containers: [container()] });
  // Made after the others, but its layer comes first.
  new ApiObject(platform.layer(Layer.CRDS), 'early', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'early', namespace: 'apps' } });
  return app;
}

describe('layoutDist', () => {
  const files = layoutDist(collectPlatforms(build()));

  test('one file per object, namespaced ones in a folder per namespace, a kustomization per layer', () => {
    expect([...files.keys()].filter((f) => f.startsWith('test/apps/') || f.startsWith('test/infrastructure/')).sort()).toEqual([
      'test/apps/apps/deployment-web.yaml',
      'test/apps/apps/service-web.yaml',
      'test/apps/apps/serviceaccount-web.yaml',
      'test/apps/kustomization.yaml',
      'test/infrastructure/apps/networkpolicy-allow-dns-egress.yaml',
      'test/infrastructure/apps/networkpolicy-default-deny-all.yaml',
      'test/infrastructure/kustomization.yaml',
      'test/infrastructure/namespace-apps.yaml',
    ]);
  });
  test('kustomization lists namespaces first and the rest in apply order', () => {
    expect(files.get('test/infrastructure/kustomization.yaml')).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  - namespace-apps.yaml',
        '  - apps/networkpolicy-allow-dns-egress.yaml',
        '  - apps/networkpolicy-default-deny-all.yaml',
        '',
      ].join('\n'),
    );
    expect(files.get('test/apps/kustomization.yaml')).toContain(
      '  - apps/serviceaccount-web.yaml\n  - apps/service-web.yaml\n  - apps/deployment-web.yaml\n',
    );
  });
  test('the platform kustomization lists its layers in order', () => {
    expect(files.get('test/kustomization.yaml')).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - crds\n  - infrastructure\n  - apps\n',
    );
  });
  test('every object file names its construct and carries no hash', () => {
    const deployment = files.get('test/apps/apps/deployment-web.yaml')!;
    expect(deployment.split('\n')[0]).toBe('# Generated from test/apps/web/deployment; edit the TypeScript, not this file.');
    expect(deployment).toContain('  name: web\n');
  });
  test('the same app gives the same bytes', () => {
    const again = layoutDist(collectPlatforms(build()));
    expect([...again]).toEqual([...files]);
  });
});

describe('the objects of a laid-out tree come from the layout, never from parsing what was written', () => {
  const app = build();
  const platforms = collectPlatforms(app);
  const files = layoutDist(platforms);
  const deployment = platforms[0].layers.flatMap((l) => l.manifests).find((m) => m.kind === 'Deployment')!;
  const path = 'test/apps/apps/deployment-web.yaml';

  test("a laid-out tree's objects are the synthesized objects themselves", () => {
    expect(objectsOfTree(files).get('test/Deployment/apps/web')?.object).toBe(deployment.object);
  });

  test('a baseline parses only the files whose text differs from the laid-out tree', () => {
    const baseline = new Map(files);
    baseline.set('test/apps/apps/service-web.yaml', files.get('test/apps/apps/service-web.yaml')!.replace('port: 8080', 'port: 8081'));
    const objects = objectsOfTree(baseline, files);
    expect(objects.get('test/Deployment/apps/web')?.object).toBe(deployment.object); // the same text: not parsed
    expect(objects.get('test/Service/apps/web')?.object).not.toBe(objectsOfTree(files).get('test/Service/apps/web')?.object);
    expect(objects.get('test/Service/apps/web')?.object.spec.ports[0].port).toBe(8081);
    expect(baseline.get(path)).toBe(files.get(path));
  });
});
