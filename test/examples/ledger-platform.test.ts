import { App } from 'cdk8s';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPlatforms, policyInputOf } from '../../lib/output/collect';
import { layoutDist } from '../../lib/output/layout';
import { completePlatforms } from '../../lib/pipeline/synth';
import { verifyPlatforms } from '../../lib/policy/verify-platforms';
import { ledger } from './ledger-platform';

const app = new App();
ledger(app);
completePlatforms(app); // its add-ons and Flux entry point, as the synth adds them
const platforms = collectPlatforms(app);
const objects = platforms.flatMap((p) => p.layers.flatMap((l) => l.manifests));
const get = (kind: string, name: string) => objects.find((m) => m.kind === kind && m.name === name)!.object;

describe('the worked example platform "ledger" (docs/writing-a-platform.md)', () => {
  test('snapshot of every dist file (review the diff like code)', () => {
    expect(Object.fromEntries(layoutDist(platforms))).toMatchSnapshot();
  });
  test('passes every check of the synth', () => {
    expect(verifyPlatforms(platforms.map(policyInputOf)).errors.map((e) => e.message)).toEqual([]);
  });
  test('no L1 object was needed: the Services, budget, pod settings and network rules come from the constructs', () => {
    expect(get('Service', 'db').spec.clusterIP).toBe('None');
    expect(get('StatefulSet', 'db').spec.serviceName).toBe('db');
    expect(get('Service', 'api-public').spec).toMatchObject({ type: 'LoadBalancer', ports: [{ name: 'https', port: 443, targetPort: 'http' }] });
    expect(get('PodDisruptionBudget', 'api').spec.maxUnavailable).toBe(1);
    expect(get('Deployment', 'api').spec.template.spec).toMatchObject({
      priorityClassName: 'ledger-critical',
      securityContext: { runAsUser: 10001, runAsGroup: 10001 },
    });
    expect(get('NetworkPolicy', 'api-public-from-clients').spec.ingress[0].from[0].ipBlock.except).toContain('169.254.0.0/16');
  });
  test('docs/writing-a-platform.md quotes this example verbatim', () => {
    const source = readFileSync(join(__dirname, 'ledger-platform.ts'), 'utf8');
    const example = source.slice(source.indexOf('// example:start\n') + '// example:start\n'.length, source.indexOf('// example:end'));
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'writing-a-platform.md'), 'utf8');
    expect(page).toContain(`\`\`\`ts\n${example.replace("from '../../lib'", "from 'k8s-platforms'")}\`\`\`\n`);
  });
});
