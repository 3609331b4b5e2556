import { App } from 'cdk8s';
import { collectPlatforms } from '../../lib/output/collect';
import { Environment } from '../../lib/core/environment';
import { layoutDist } from '../../lib/output/layout';
import { Platform } from '../../lib/flux/platform';
import { SecureNamespace } from '../../lib/security/namespace';
import { testPools } from '../helpers';

describe('Environment', () => {
  test('production keeps the plain platform folder; any other environment is added to it', () => {
    expect(Environment.PRODUCTION.folderOf('shop')).toBe('shop');
    expect(Environment.named('local').folderOf('shop')).toBe('shop-local');
    expect(Environment.named('production')).toBe(Environment.PRODUCTION);
  });

  test('one platform built for two environments: two folders, same platform id', () => {
    const app = new App();
    for (const environment of [Environment.named('eks'), Environment.named('local')]) {
      const platform = new Platform(app, { name: 'shop', pools: testPools(), environment });
      new SecureNamespace(platform.infrastructure, 'namespace', { name: 'shop' });
    }
    const platforms = collectPlatforms(app);
    expect(platforms.map((p) => [p.platform.name, p.platform.folder, p.platform.node.path])).toEqual([
      ['shop', 'shop-eks', 'shop-eks'],
      ['shop', 'shop-local', 'shop-local'],
    ]);
    expect([...layoutDist(platforms).keys()].filter((f) => f.endsWith('/kustomization.yaml') && f.split('/').length === 2)).toEqual([
      'shop-eks/kustomization.yaml',
      'shop-local/kustomization.yaml',
    ]);
  });

  test('an environment name that is not a DNS label is refused', () => {
    expect(() => Environment.named('On Prem')).toThrow(
      'environment: name must be a DNS-1123 label (lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit) (got "On Prem"); fix: use a name such as "on-prem"',
    );
  });
});
