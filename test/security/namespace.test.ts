import { App } from 'cdk8s';
import { Platform } from '../../lib/gitops/platform';
import { PodSecurityLevel } from '../../lib/core/pod-security';
import { SecureNamespace } from '../../lib/security/namespace';
import { find, manifests, testPools } from '../helpers';

describe('SecureNamespace', () => {
  const app = new App();
  const platform = new Platform(app, { name: 't', pools: testPools() });
  new SecureNamespace(platform.infrastructure, 'ns', { name: 'shop', labels: { team: 'web' } });
  new SecureNamespace(platform.infrastructure, 'legacy', { name: 'legacy', podSecurity: PodSecurityLevel.BASELINE });

  test('Pod Security labels enforce, audit and warn restricted at a pinned version', () => {
    expect(find(app, 'Namespace', 'shop').metadata.labels).toEqual({
      'app.kubernetes.io/managed-by': 'cdk8s', 'app.kubernetes.io/part-of': 't', team: 'web',
      'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.28',
      'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/audit-version': 'v1.28',
      'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/warn-version': 'v1.28',
    });
  });
  test('a lower level is explicit', () => {
    expect(find(app, 'Namespace', 'legacy').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
  });
  test('every namespace gets its own default deny', () => {
    const denies = manifests(app).filter((m) => m.kind === 'NetworkPolicy' && m.name === 'default-deny-all').map((m) => m.namespace);
    expect(denies.sort()).toEqual(['legacy', 'shop']);
  });
});

describe('SecureNamespace policies', () => {
  const app = new App();
  const platform = new Platform(app, { name: 't', pools: testPools() });
  new SecureNamespace(platform.infrastructure, 'ns', { name: 'shop' });

  test('default deny', () => {
    expect(find(app, 'NetworkPolicy', 'default-deny-all').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });
  test('DNS egress to kube-dns on UDP and TCP 53 still works', () => {
    expect(find(app, 'NetworkPolicy', 'allow-dns-egress').spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      }],
    });
  });
});
