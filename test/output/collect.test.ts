import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { collectPlatforms } from '../../lib/output/collect';
import { testPlatform } from '../helpers';

describe('collectPlatforms', () => {
  test('objects come back sorted in apply order with their construct paths', () => {
    const { app, platform } = testPlatform();
    new k8s.KubeConfigMap(platform.apps, 'b', { metadata: { name: 'b', namespace: 'apps' } });
    new k8s.KubeServiceAccount(platform.apps, 'a', { metadata: { name: 'a', namespace: 'apps' } });
    const [apps] = collectPlatforms(app)[0].layers.filter((l) => l.layer.name === 'apps');
    expect(apps.manifests.map((m) => `${m.kind}/${m.name} ${m.path}`)).toEqual(['ServiceAccount/a test/apps/a', 'ConfigMap/b test/apps/b']);
  });
  test('all problems are reported at once', () => {
    const { app, platform } = testPlatform();
    new ApiObject(platform.apps, 'x', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    new ApiObject(platform.apps, 'y', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Y', namespace: 'apps' } });
    expect(() => collectPlatforms(app)).toThrow(/metadata.namespace must be set[\s\S]*\n[\s\S]*metadata.name must be a DNS-1123 subdomain/);
  });
  test('a construct validation failure stops the synth', () => {
    const { app, platform } = testPlatform();
    platform.apps.node.addValidation({ validate: () => ['needs a database'] });
    expect(() => collectPlatforms(app)).toThrow('test/apps: needs a database');
  });
});
