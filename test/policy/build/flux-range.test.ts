import { ApiObject } from 'cdk8s';
import { KubernetesVersions } from '../../../lib/core/kubernetes-version';
import { completePlatforms } from '../../../lib/pipeline/synth';
import { collectPlatforms, policyInputOf } from '../../../lib/output/collect';
import { fluxRange, fluxVersions } from '../../../lib/policy/build/flux-range';
import { testPlatform } from '../../helpers';

/** The Flux releases that serve the test platform at `kubernetes`, with what its objects write. */
function fluxOf(kubernetes: KubernetesVersions, add: (apps: ReturnType<typeof testPlatform>['platform']['apps']) => void = () => undefined) {
  const { app, platform } = testPlatform({ kubernetes });
  add(platform.apps);
  completePlatforms(app);
  const input = policyInputOf(collectPlatforms(app)[0]);
  return fluxRange(input.name, input.manifests, kubernetes);
}

describe('the Flux a build needs', () => {
  test("the entry point's Flux objects need 2.3 (HelmRelease v2); the cluster's versions narrow the releases", () => {
    expect(fluxVersions(fluxOf(KubernetesVersions.of('1.28')).releases)).toBe('2.3-2.4');
    expect(fluxVersions(fluxOf(KubernetesVersions.of('1.34')).releases)).toBe('2.7-2.9');
    expect(fluxVersions(fluxOf(KubernetesVersions.between('1.33', '1.36')).releases)).toBe('2.9');
    expect(fluxOf(KubernetesVersions.of('1.28')).needs.version).toBe('2.3');
  });

  test('a Flux field a later release added raises the oldest release, naming the object and field', () => {
    const range = fluxOf(
      KubernetesVersions.of('1.33'),
      (apps) =>
        new ApiObject(apps, 'sync', {
          apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
          kind: 'Kustomization',
          metadata: { name: 'sync', namespace: 'apps' },
          spec: {
            interval: '10m',
            path: './',
            prune: true,
            sourceRef: { kind: 'GitRepository', name: 'x' },
            dependsOn: [{ name: 'a', readyExpr: 'true' }],
          },
        }),
    );
    expect(range.needs).toEqual({ version: '2.7', path: 'test/apps/sync', field: 'spec.dependsOn[].readyExpr', value: 'true' });
    expect(fluxVersions(range.releases)).toBe('2.7-2.9');
    expect(range.errors).toEqual([]);
  });
});
