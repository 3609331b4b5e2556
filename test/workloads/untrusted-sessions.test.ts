import { PodProps } from '../../lib/workloads/pod';
import { SessionTemplates } from '../../lib/workloads/session-templates';
import { container, rendered, testChart } from '../helpers';

function sandbox(variant: Partial<PodProps> = {}, runsUntrustedCode = true) {
  const { chart, apps, pools } = testChart();
  const templates = new SessionTemplates(apps, 'sandbox', {
    name: 'sandbox',
    namespace: 'apps',
    podLabels: { app: 'sandbox' },
    runsUntrustedCode,
    variants: { shell: { pool: pools.get('general'), containers: [container()], ...variant } },
  });
  return { chart, templates };
}

describe('SessionTemplates with runsUntrustedCode', () => {
  test('a sandbox gets no token and no privileges', () => {
    const { chart } = sandbox();
    const spec = rendered(chart, 'PodTemplate', 'sandbox-shell').template.spec;
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.containers[0].securityContext).toMatchObject({ privileged: false, allowPrivilegeEscalation: false, runAsNonRoot: true });
  });
  test('asking for the API token is refused', () => {
    expect(() => sandbox({ automountServiceAccountToken: true })).toThrow(
      'test/apps/sandbox: variants.shell.automountServiceAccountToken must be false for a pod that runs user code: the user would hold its API token (got true); fix: drop it; the service that creates the pods calls the API, not the pod',
    );
  });
  test('the host network is refused', () => {
    expect(() => sandbox({ hostNetwork: { reason: 'needs the node network for tests' } })).toThrow(
      'variants.shell.hostNetwork is not allowed for a pod that runs user code',
    );
  });
  test('a root container is refused, naming it', () => {
    expect(() =>
      sandbox({ containers: [container(), container({ name: 'helper', ports: [], runAsRoot: { reason: 'reads root-only files' } })] }),
    ).toThrow('variants.shell.containers[1].runAsRoot is not allowed in a pod that runs user code');
  });
  test('without runsUntrustedCode a token may be mounted (a session manager calling the API)', () => {
    const { chart } = sandbox({ automountServiceAccountToken: true }, false);
    expect(rendered(chart, 'PodTemplate', 'sandbox-shell').template.spec.automountServiceAccountToken).toBe(true);
  });
});
