import { Probe } from '../../../lib/workloads/probe';
import { WebService } from '../../../lib/workloads/web-service';
import { container, testPlatform } from '../../helpers';

/** A container that passes the probe rules, so a case breaks only the rule it is about. */
export const probed = container({ readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') });

/** The test platform with one WebService `web` in namespace apps on pool general; override its props. */
export function webApp(overrides: Record<string, unknown> = {}) {
  const ctx = testPlatform();
  const web = new WebService(ctx.platform.apps, 'web', {
    name: 'web',
    namespace: 'apps',
    pool: ctx.pools.get('general'),
    containers: [probed],
    ...overrides,
  });
  return { ...ctx, web };
}

/** A replicated WebService with a budget that allows an eviction: what the constructs write by default. */
export const constructBuilt = () => webApp({ replicas: 3, disruptionBudget: { maxUnavailable: 1 } });
