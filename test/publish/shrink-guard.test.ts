import { App } from 'cdk8s';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineOf, gitBlobId, readCommittedTree } from '../../lib/publish/committed-tree';
import { listFiles } from '../../lib/output/file-tree';
import { readTree } from '../../lib/output/file-tree';
import { Platform } from '../../lib/flux/platform';
import { SynthOutcome } from '../../lib/pipeline/run-synth';
import { SecureNamespace } from '../../lib/security/namespace';
import { Probe } from '../../lib/workloads/probe';
import { StatefulStore } from '../../lib/workloads/stateful-store';
import { WebService } from '../../lib/workloads/web-service';
import { container, testPools } from '../helpers';
import { refusalMessage, synthInto } from '../pipeline-helpers';

const HINT =
  'name what may go: `k8s-platforms synth --allow-removal <platform>` (everything that platform loses) or `--allow-removal <platform>/<Kind>/<namespace>/<name>` (one object; <platform>/<Kind>/<name> for a cluster-scoped one), or ALLOW_REMOVAL=<name>[,<name>...] under cdk8s synth';
const FIX = `fix: if the removal is intended, ${HINT}; otherwise bring the missing objects back`;

interface Shape {
  services?: number;
  blog?: boolean;
  store?: boolean;
  namespace?: string;
}

/** Platform `shop` (a namespace, its 2 policies, `services` web services of 3 objects, optionally a database of 4) and, optionally, `blog` (6). */
function app({ services = 4, blog = true, store = false, namespace = 'shop' }: Shape = {}): App {
  const result = new App();
  const pools = testPools();
  const probes = { readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') };
  for (const name of blog ? ['shop', 'blog'] : ['shop']) {
    const platform = new Platform(result, {
      name,
      pools,
      cluster: { prerequisites: [{ kind: 'StorageClass', name: 'ssd', reason: 'the test cluster has it' }] },
    });
    const ns = name === 'shop' ? namespace : name;
    new SecureNamespace(platform.infrastructure, 'namespace', { name: ns });
    for (let i = 0; i < (name === 'shop' ? services : 1); i++) {
      new WebService(platform.apps, `web-${i}`, { name: `web-${i}`, namespace: ns, pool: pools.get('general'), containers: [container(probes)] });
    }
    if (name === 'shop' && store) {
      new StatefulStore(platform.apps, 'db', {
        name: 'db',
        namespace: ns,
        pool: pools.get('general'),
        containers: [container(probes)],
        volumeClaims: [{ name: 'data', size: '1Gi', storageClass: 'ssd' }],
      });
    }
  }
  return result;
}

/** A repository root whose dist/ was made by a first synth of `app(shape)`, and a snapshot of both trees. */
function committed(shape: Shape = {}): { dist: string; state: () => string[][] } {
  const dist = join(mkdtempSync(join(tmpdir(), 'shrink-')), 'dist');
  const first = synthInto(app(shape), dist);
  expect(first.ok ? '' : refusalMessage(first)).toBe('');
  const state = () =>
    [dist, join(dist, '..', 'kustomization')].flatMap((d) => listFiles(d).map((f) => [join(d, f), readFileSync(join(d, f), 'utf8')]));
  return { dist, state };
}

function objects(outcome: SynthOutcome): number {
  if (!outcome.ok) throw new Error(refusalMessage(outcome));
  return outcome.summary.objects;
}

describe('shrink guard: identities against the baseline', () => {
  test('a first synth into a missing dist/ has nothing to compare with', () => {
    expect(objects(synthInto(app({ services: 1 }), join(mkdtempSync(join(tmpdir(), 'shrink-')), 'dist')))).toBe(12);
  });

  test('a platform no longer built is refused, both trees untouched; --allow-removal <platform> lets it go', () => {
    const { dist, state } = committed();
    const before = state();
    expect(refusalMessage(synthInto(app({ blog: false }), dist))).toBe(
      `blog: objects would fall from 6 to 0 against dist/ on disk: the platform is no longer built, and Flux would prune every object it deployed (got 0); ${FIX}`,
    );
    expect(state()).toEqual(before);
    expect(objects(synthInto(app({ blog: false }), dist, { allowRemoval: ['blog'] }))).toBe(15);
    expect(listFiles(dist).filter((f) => f.startsWith('blog/'))).toEqual([]);
  });

  test('renaming a namespace keeps the count but not the identities: its database and namespace are refused by name', () => {
    const { dist, state } = committed({ store: true });
    const before = state();
    const message = refusalMessage(synthInto(app({ store: true, namespace: 'shop2' }), dist));
    expect(message.split('\n').slice(0, 2)).toEqual([
      `shop/StatefulSet/shop/db: object would be deleted against dist/ on disk, and it is a StatefulSet with claim templates: a replacement starts on new, empty claims (got "apps layer"); ${FIX}`,
      `shop/Namespace/shop: object would be deleted against dist/ on disk, and it is a namespace holding StatefulSet db: deleting it deletes their data (got "infrastructure layer"); ${FIX}`,
    ]);
    const gone = [
      'Deployment/shop/web-0',
      'Deployment/shop/web-1',
      'Deployment/shop/web-2',
      'Deployment/shop/web-3',
      'Service/shop/db',
      'Service/shop/web-0',
      'Service/shop/web-1',
      'Service/shop/web-2',
      'Service/shop/web-3',
      'ServiceAccount/shop/db',
      'ServiceAccount/shop/web-0',
      'ServiceAccount/shop/web-1',
      'ServiceAccount/shop/web-2',
      'ServiceAccount/shop/web-3',
      'StatefulSet/shop/db',
      'Namespace/shop',
      'NetworkPolicy/shop/allow-dns-egress',
      'NetworkPolicy/shop/default-deny-all',
    ];
    expect(message.split('\n')[2]).toBe(
      `shop: objects would lose 18 of 18 against dist/ on disk (more than 50% at once), and Flux would prune them: ${gone.map((g) => `shop/${g}`).join(', ')} (got 0); ${FIX}`,
    );
    expect(state()).toEqual(before);
  });

  test('a data-bearing object is refused even when little else goes; naming its identity lets exactly it go', () => {
    const { dist } = committed({ store: true });
    const id = 'shop/StatefulSet/shop/db';
    expect(refusalMessage(synthInto(app(), dist))).toBe(
      `${id}: object would be deleted against dist/ on disk, and it is a StatefulSet with claim templates: a replacement starts on new, empty claims (got "apps layer"); ${FIX}`,
    );
    const outcome = synthInto(app(), dist, { allowRemoval: ['shop/statefulset/shop/db'] });
    if (!outcome.ok) throw new Error(refusalMessage(outcome));
    // Listed by the change summary: the allowed, destructive removal first, then what went with it.
    expect(outcome.changes.platforms[1].changes.filter((c) => c.type === 'removed').map((c) => [c.object.id, c.destructive])).toEqual([
      [id, ['removes a StatefulSet with claim templates: a replacement starts on new, empty claims']],
      ['shop/Service/shop/db', []],
      ['shop/ServiceAccount/shop/db', []],
    ]);
  });

  test('losing more than half is refused with every identity named; half or less is an ordinary change', () => {
    const { dist } = committed();
    expect(refusalMessage(synthInto(app({ services: 1 }), dist))).toBe(
      `shop: objects would lose 9 of 15 against dist/ on disk (more than 50% at once), and Flux would prune them: ${[1, 2, 3]
        .flatMap((i) => [`shop/Deployment/shop/web-${i}`, `shop/Service/shop/web-${i}`, `shop/ServiceAccount/shop/web-${i}`])
        .sort()
        .join(', ')} (got 6); ${FIX}`,
    );
    expect(objects(synthInto(app({ services: 2 }), dist))).toBe(15);
  });

  test('two runs cannot ratchet a platform down: a committed dist/ is the baseline, not the last run', () => {
    const { dist } = committed();
    const root = join(dist, '..');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'dist');
    git('commit', '-qm', 'dist');
    expect(baselineOf(dist).label).toBe('the committed dist/ (HEAD)');
    expect(objects(synthInto(app({ services: 2 }), dist))).toBe(15); // shop 15 -> 9: 6 of 15 removed
    expect(refusalMessage(synthInto(app({ services: 1 }), dist))).toMatch(
      /^shop: objects would lose 9 of 15 against the committed dist\/ \(HEAD\) \(more than 50% at once\)/,
    );
    expect(readTree(dist).size).toBe(listFiles(dist).length);
  });

  test('the committed tree is read from Git as it is, except the files whose Git blob id the new tree already has', () => {
    const { dist } = committed();
    const root = join(dist, '..');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'dist');
    git('commit', '-qm', 'dist');
    const onDisk = readTree(dist);
    for (const [path, text] of [...onDisk].slice(0, 3)) expect(gitBlobId(text)).toBe(git('hash-object', join('dist', path)).toString().trim());
    const [first] = onDisk.keys();
    const like = new Map([...onDisk].map(([path, text]) => [path, path === first ? `${text}# changed\n` : text]));
    expect(readCommittedTree(dist, 'HEAD', like)).toEqual(onDisk);
  });

  test('an allowance that names nothing this synth removes is refused (a typo must not pass)', () => {
    const { dist } = committed();
    expect(refusalMessage(synthInto(app(), dist, { allowRemoval: ['shop/ConfigMap/shop/nope', 'nowhere'] }))).toBe(
      [
        `synth: --allow-removal names no platform and no object this synth removes (got "shop/ConfigMap/shop/nope"); fix: use a platform folder of dist/ or the identity of a removed object; ${HINT}`,
        `synth: --allow-removal names no platform and no object this synth removes (got "nowhere"); fix: use a platform folder of dist/ or the identity of a removed object; ${HINT}`,
      ].join('\n'),
    );
  });
});
