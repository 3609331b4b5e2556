import { ADDONS } from '../../lib/addons/catalog';
import { newestReleaseFor } from '../../lib/addons/chart-release';
import { KubernetesVersions } from '../../lib/core/kubernetes-version';

/** The chart release each installable add-on gets for a platform at `range`; "-" where none supports it. */
function chosen(range: KubernetesVersions): Record<string, string> {
  return Object.fromEntries(
    ADDONS.filter((a) => a.install !== undefined).map((a) => [a.name, newestReleaseFor(a.releases ?? [], range)?.version ?? '-']),
  );
}

describe('chart releases by Kubernetes version', () => {
  test('every installable add-on records its releases, oldest first, and nothing else does', () => {
    for (const addon of ADDONS) {
      expect([addon.name, (addon.releases ?? []).length > 0]).toEqual([addon.name, addon.install !== undefined]);
      const oldest = (addon.releases ?? []).map((r) => r.kubernetes.oldest.minor);
      expect([addon.name, oldest]).toEqual([addon.name, [...oldest].sort((a, b) => a - b)]);
    }
  });

  test('on 1.28 (the default) every add-on gets the release it was pinned at before versions were recorded: builds on 1.28 keep their objects', () => {
    expect(chosen(KubernetesVersions.DEFAULT)).toEqual({
      'cert-manager': 'v1.16.5',
      'secrets-store-csi-azure': '1.8.2',
      'ingress-nginx': '4.12.8',
      istio: '1.24.6',
      'prometheus-operator': '88.3.0',
      'snapshot-controller': '5.2.0',
      'aws-ebs-csi-driver': '2.52.1',
      'gpu-operator': 'v24.9.2',
      'cluster-autoscaler': '9.34.0',
      'metrics-server': '3.12.2',
    });
  });

  test('a newer version gets the newest release that supports it; a range, one that supports all of it', () => {
    expect(chosen(KubernetesVersions.of('1.35'))).toMatchObject({
      'cert-manager': 'v1.21.1',
      'ingress-nginx': '4.15.1',
      istio: '1.30.3',
      'gpu-operator': 'v26.3.3',
      'metrics-server': '3.13.0',
      'cluster-autoscaler': '9.59.0',
      'aws-ebs-csi-driver': '2.64.0',
    });
    expect(chosen(KubernetesVersions.between('1.31', '1.33'))).toMatchObject({
      'cert-manager': 'v1.19.6',
      'ingress-nginx': '4.15.1',
      istio: '1.29.6',
      'gpu-operator': 'v25.10.1',
    });
    // The autoscaler supports one minor a release, and ingress-nginx stopped before 1.36.
    expect(chosen(KubernetesVersions.between('1.35', '1.36'))).toMatchObject({
      'cluster-autoscaler': '-',
      'ingress-nginx': '-',
      'cert-manager': 'v1.21.1',
    });
  });
});
