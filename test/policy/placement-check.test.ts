import { k8s } from 'cdk8s-plus-28';
import { checkPlacement } from '../../lib/policy/build/placement-check';
import { testPlatform } from '../helpers';
import { manifests } from '../pipeline-helpers';

function rawDeployment(spec: Partial<k8s.PodSpec>, labels: Record<string, string> = { app: 'raw' }) {
  const { app, platform, pools } = testPlatform();
  new k8s.KubeDeployment(platform.apps, 'raw', {
    metadata: { name: 'raw', namespace: 'apps' },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'i:1' }], ...spec } } },
  });
  return checkPlacement(manifests(app), pools).map((e) => e.message);
}

describe('checkPlacement', () => {
  test('a pod on a pool with the right tolerations passes', () => {
    expect(
      rawDeployment({
        nodeSelector: { pool: 'gpu' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }],
      }),
    ).toEqual([]);
  });
  test('a hand-written selector that misses the pool toleration is caught', () => {
    expect(rawDeployment({ nodeSelector: { pool: 'gpu' } })).toEqual([
      'test/apps/raw: spec.template.spec.tolerations miss the taint nvidia.com/gpu=present:NoSchedule of pool gpu, so the pod would never schedule (got []); fix: place the workload through its pool (pool: ...) so the tolerations come with it',
    ]);
  });
  test('a pod that selects no pool is caught', () => {
    expect(rawDeployment({ nodeSelector: { pool: 'nowhere' } })).toEqual([
      'test/apps/raw: spec.template.spec.nodeSelector selects no node pool of this cluster (got {"pool":"nowhere"}); fix: place the workload with pool: <one of general, gpu, serverless>',
    ]);
  });
  test('a wrong architecture is caught', () => {
    expect(rawDeployment({ nodeSelector: { pool: 'general', 'kubernetes.io/arch': 'amd64' } })).toEqual([
      'test/apps/raw: spec.template.spec.nodeSelector["kubernetes.io/arch"] does not match pool general, whose Standard_B2ps_v2 nodes are arm64 (got "amd64"); fix: drop the architecture from the selector; the pool supplies it',
    ]);
  });
  test('a pod with Fargate profile labels is placed on the serverless pool', () => {
    expect(rawDeployment({}, { compute: 'fargate' })).toEqual([]);
  });
});
