import { PodSecurityLevel } from '../../lib/core/pod-security';
import { SecureNamespace } from '../../lib/security/namespace';
import { rendered, renderedObjects, testChart } from '../helpers';

describe('SecureNamespace', () => {
  const { chart, infrastructure } = testChart();
  new SecureNamespace(infrastructure, 'ns', { name: 'shop', labels: { team: 'web' } });
  new SecureNamespace(infrastructure, 'legacy', { name: 'legacy', podSecurity: PodSecurityLevel.BASELINE });

  test('Pod Security labels enforce, audit and warn restricted at a pinned version', () => {
    expect(rendered(chart, 'Namespace', 'shop').metadata.labels).toEqual({
      team: 'web',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'v1.28',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/audit-version': 'v1.28',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'v1.28',
    });
  });
  test('a lower level is explicit', () => {
    expect(rendered(chart, 'Namespace', 'legacy').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
  });
  test('every namespace gets its own default deny', () => {
    const denies = renderedObjects(chart)
      .filter((m) => m.kind === 'NetworkPolicy' && m.name === 'default-deny-all')
      .map((m) => m.namespace);
    expect(denies.sort()).toEqual(['legacy', 'shop']);
  });
});

describe('SecureNamespace policies', () => {
  const { chart, infrastructure } = testChart();
  new SecureNamespace(infrastructure, 'ns', { name: 'shop' });

  test('default deny', () => {
    expect(rendered(chart, 'NetworkPolicy', 'default-deny-all').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });
  test('DNS egress to kube-dns on UDP and TCP 53 still works', () => {
    expect(rendered(chart, 'NetworkPolicy', 'allow-dns-egress').spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    });
  });
});
