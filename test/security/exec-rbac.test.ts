import { NamespacedRole, RbacRule } from '../../lib/security/rbac';
import { rendered, testChart } from '../helpers';

const role = (rules: RbacRule[]) => {
  const { chart, apps } = testChart();
  new NamespacedRole(apps, 'role', { name: 'terminal', namespace: 'work', subjects: [{ name: 'terminal', namespace: 'work' }], rules });
  return rendered(chart, 'Role', 'terminal');
};

describe('exec and attach grants need both get and create', () => {
  test.each(['pods/exec', 'pods/attach'])('%s with get and create is written as given', (resource) => {
    expect(role([{ apiGroups: [''], resources: [resource], verbs: ['get', 'create'] }]).rules).toEqual([
      { apiGroups: [''], resources: [resource], verbs: ['get', 'create'] },
    ]);
  });
  test('without get: the WebSocket upgrade (a GET) would be forbidden', () => {
    expect(() => role([{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }])).toThrow(
      'test/apps/role: rules[0].verbs grant pods/exec without "get": WebSocket clients (@kubernetes/client-node, kubectl 1.30+) open it with an HTTP GET, which RBAC checks as get (got ["create"]); fix: grant both "get" and "create" on pods/exec',
    );
  });
  test('without create: SPDY clients (a POST) would be forbidden', () => {
    expect(() => role([{ apiGroups: [''], resources: ['pods/attach'], verbs: ['get'] }])).toThrow(
      'rules[0].verbs grant pods/attach without "create"',
    );
  });
  test('other resources keep their verbs as given', () => {
    expect(role([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]).rules[0].verbs).toEqual(['get']);
  });
});
