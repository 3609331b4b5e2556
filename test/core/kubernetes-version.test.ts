import { KubernetesVersion, KubernetesVersions } from '../../lib/core/kubernetes-version';
import { Site } from '../../lib/core/errors';

describe('Kubernetes versions', () => {
  test('a minor version parses, orders by its minor (1.9 before 1.10), and prints as written', () => {
    const [v9, v10] = ['1.9', '1.10'].map((v) => KubernetesVersion.parse(new Site('t'), v));
    expect(v9.compare(v10)).toBeLessThan(0);
    expect(String(v10)).toBe('1.10');
    expect(String(v9.plus(2))).toBe('1.11');
  });

  test.each(['1.34.4', 'v1.34', '1', '2.0', ''])('%j is not a minor version', (text) => {
    expect(() => KubernetesVersion.parse(new Site('t'), text)).toThrow('must be a Kubernetes minor version such as "1.34"');
  });

  test('a range lists its versions, includes and covers by minor, and prints as it reads back', () => {
    const range = KubernetesVersions.between('1.33', '1.36');
    expect(range.versions().map(String)).toEqual(['1.33', '1.34', '1.35', '1.36']);
    expect(range.covers(KubernetesVersions.of('1.35'))).toBe(true);
    expect(range.covers(KubernetesVersions.between('1.35', '1.37'))).toBe(false);
    expect(KubernetesVersions.of('1.35').covers(range)).toBe(false);
    expect(String(range)).toBe('1.33-1.36');
    expect(String(KubernetesVersions.parse(String(range)))).toBe('1.33-1.36');
    expect(String(KubernetesVersions.parse('1.34'))).toBe('1.34');
  });

  test('an open range (a chart that states only a floor) covers every later version, and prints so', () => {
    const from = KubernetesVersions.from('1.25');
    expect(from.covers(KubernetesVersions.between('1.28', '1.36'))).toBe(true);
    expect(from.covers(KubernetesVersions.of('1.24'))).toBe(false);
    expect(KubernetesVersions.between('1.25', '1.40').covers(from)).toBe(false);
    expect(String(from)).toBe('1.25 and later');
    expect(from.versions(KubernetesVersions.of('1.27').oldest).map(String)).toEqual(['1.25', '1.26', '1.27']);
  });

  test('the default is 1.28, the API of cdk8s-plus-28', () => {
    expect(String(KubernetesVersions.DEFAULT)).toBe('1.28');
  });
});
