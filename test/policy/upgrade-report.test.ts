import { ApiObject } from 'cdk8s';
import { needAddon } from '../../lib/core/addon-needs';
import { KubernetesVersions } from '../../lib/core/kubernetes-version';
import { collectPlatforms, policyInputOf } from '../../lib/output/collect';
import { completePlatforms } from '../../lib/pipeline/synth';
import { validateSchemas } from '../../lib/policy/schema/validate-schemas';
import { upgradeReport } from '../../lib/policy/upgrade/upgrade-report';
import { testPlatform } from '../helpers';

/** The test platform at `kubernetes` with what `add` makes, completed as the synth does; its checks' input. */
function build(kubernetes: KubernetesVersions, add: (ctx: ReturnType<typeof testPlatform>) => void) {
  const ctx = testPlatform({ kubernetes });
  add(ctx);
  completePlatforms(ctx.app);
  return policyInputOf(collectPlatforms(ctx.app)[0]);
}

/** A claim that sets resources.claims: valid until 1.28, where claim resources were still ResourceRequirements. */
const CLAIM = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'apps' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' }, claims: [{ name: 'gpu' }] } },
};

describe('the upgrade report', () => {
  test('one step per later version the package has schemas for, each cumulative; none at the newest', () => {
    const steps = upgradeReport(build(KubernetesVersions.of('1.34'), () => undefined));
    expect(steps.map((s) => s.version)).toEqual(['1.35', '1.36']);
    expect(steps.map((s) => s.flux.map((f) => f.version))).toEqual([['2.8', '2.9'], ['2.9']]);
    expect(upgradeReport(build(KubernetesVersions.between('1.33', '1.36'), () => undefined))).toEqual([]);
  });

  test("a field a later version removes is named at that version and every later one, and it is what that version's validator refuses", () => {
    const input = build(KubernetesVersions.of('1.28'), (ctx) => new ApiObject(ctx.platform.apps, 'claim', CLAIM));
    const steps = upgradeReport(input);
    expect(steps[0].apis).toEqual([{ object: 'PersistentVolumeClaim apps/data', change: 'spec.resources.claims is removed in 1.29' }]);
    expect(steps.every((s) => s.apis.some((a) => a.change === 'spec.resources.claims is removed in 1.29'))).toBe(true);
    const claim = input.manifests.filter((m) => m.kind === 'PersistentVolumeClaim');
    expect(validateSchemas(claim, { kubernetes: KubernetesVersions.of('1.28') }).errors).toEqual([]);
    expect(validateSchemas(claim, { kubernetes: KubernetesVersions.of('1.29') }).errors.map((e) => e.message)).toEqual([
      'test/apps/claim: spec.resources.claims is not a field of v1 PersistentVolumeClaim (schema: k8s-1.29) (got [{"name":"gpu"}]); fix: remove it, or correct its name',
    ]);
  });

  test('an API a later version removes is named with the version that removes it and the one to use', () => {
    const input = build(
      KubernetesVersions.of('1.30'),
      (ctx) =>
        new ApiObject(ctx.platform.apps, 'lease', {
          apiVersion: 'coordination.k8s.io/v1alpha1',
          kind: 'LeaseCandidate',
          metadata: { name: 'leader', namespace: 'apps' },
          spec: { leaseName: 'leader' },
        }),
    );
    const byVersion = Object.fromEntries(upgradeReport(input).map((s) => [s.version, s.apis.map((a) => a.change)]));
    expect(byVersion['1.31']).toEqual([]);
    expect(byVersion['1.32']).toEqual(['apiVersion coordination.k8s.io/v1alpha1 is removed in 1.32; use coordination.k8s.io/v1alpha2']);
    expect(byVersion['1.34']).toEqual(['apiVersion coordination.k8s.io/v1alpha1 is removed in 1.32; use coordination.k8s.io/v1beta1']);
  });

  test('an add-on whose release stops at a later version names the release to move to, or that none is recorded', () => {
    const input = build(KubernetesVersions.of('1.30'), (ctx) => needAddon(ctx.platform.apps, { addon: 'ingress-nginx' }));
    const byVersion = Object.fromEntries(upgradeReport(input).map((s) => [s.version, s.addons]));
    const installed = { version: '4.14.5', kubernetes: '1.30-1.34' };
    expect(byVersion['1.34']).toEqual([]);
    expect(byVersion['1.35']).toEqual([{ addon: 'ingress-nginx', installed, moveTo: { version: '4.15.1', kubernetes: '1.31-1.35' } }]);
    expect(byVersion['1.36']).toEqual([{ addon: 'ingress-nginx', installed, moveTo: undefined }]);
  });
});
