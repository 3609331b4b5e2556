import { App } from 'cdk8s';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles } from '../../lib/gitops/dist-swap';
import { Platform } from '../../lib/gitops/platform';
import { SynthOutcome } from '../../lib/gitops/run-synth';
import { allowShrinkRequested, checkShrink, countObjectsOnDisk } from '../../lib/gitops/shrink-guard';
import { SecureNamespace } from '../../lib/security/namespace';
import { Probe } from '../../lib/workloads/probe';
import { WebService } from '../../lib/workloads/web-service';
import { container, refusalMessage, synthInto, testPools } from '../helpers';

const FIX = 'fix: if the removal is intended, run `npm run synth -- --allow-shrink` (or set ALLOW_SHRINK=1 for npx cdk8s synth); otherwise bring the missing objects back';

/** An app with platform `shop` (a namespace, its 2 policies and `services` web services of 3 objects each) and, optionally, `blog`. */
function app(services: number, blog = true): App {
  const result = new App();
  const pools = testPools();
  const names = blog ? ['shop', 'blog'] : ['shop'];
  for (const name of names) {
    const platform = new Platform(result, { name, pools });
    new SecureNamespace(platform.infrastructure, 'namespace', { name });
    const count = name === 'shop' ? services : 1;
    for (let i = 0; i < count; i++) {
      new WebService(platform.apps, `web-${i}`, { name: `web-${i}`, namespace: name, pool: pools.get('general'), containers: [container({ readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') })] });
    }
  }
  return result;
}

/** A repository root with a dist/ made by a first synth of `app(4)`: shop 15 objects, blog 6. */
function committed(): { dist: string; entries: string; before: () => string[][] } {
  const root = mkdtempSync(join(tmpdir(), 'shrink-'));
  const dist = join(root, 'dist');
  expect(synthInto(app(4), dist).ok).toBe(true);
  const entries = join(root, 'kustomization');
  const snapshot = () => [...listFiles(dist).map((f) => [`dist/${f}`, readFileSync(join(dist, f), 'utf8')]), ...listFiles(entries).map((f) => [`kustomization/${f}`, readFileSync(join(entries, f), 'utf8')])];
  const state = snapshot();
  return { dist, entries, before: () => state };
}

function objectsWritten(outcome: SynthOutcome): number {
  if (!outcome.ok) throw new Error(refusalMessage(outcome));
  return outcome.summary.objects;
}

describe('shrink guard', () => {
  test('counts objects per platform folder on disk, not kustomization files', () => {
    const { dist } = committed();
    expect([...countObjectsOnDisk(dist)]).toEqual([['blog', 6], ['shop', 15]]);
    expect(countObjectsOnDisk(join(dist, 'missing')).size).toBe(0);
  });

  test('a first synth into a missing dist/ is allowed', () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'shrink-')), 'dist');
    expect(objectsWritten(synthInto(app(1), dist))).toBe(12);
  });

  test('a platform no longer built counts as a drop to zero: refused, both trees untouched', () => {
    const { dist, before } = committed();
    const root = join(dist, '..');
    const message = refusalMessage(synthInto(app(4, false), dist));
    expect(message).toBe(`blog: objects would fall from 6 to 0: the platform is no longer built, so ${join(dist, 'blog')}/ would be deleted and Flux would prune every object it deployed (got 0); ${FIX}`);
    const after = [...listFiles(dist).map((f) => [`dist/${f}`, readFileSync(join(dist, f), 'utf8')]), ...listFiles(join(root, 'kustomization')).map((f) => [`kustomization/${f}`, readFileSync(join(root, 'kustomization', f), 'utf8')])];
    expect(after).toEqual(before());
  });

  test('a platform built with no objects at all is a drop to zero', () => {
    const { dist } = committed();
    expect(() => checkShrink(dist, new Map([['shop', 0], ['blog', 6]]), false))
      .toThrow(`shop: objects would fall from 15 to 0: Flux prunes every object when ${join(dist, 'shop')}/ builds to nothing (got 0); ${FIX}`);
  });

  test('losing more than half of a platform is refused, every platform named at once', () => {
    const { dist, before } = committed();
    expect(refusalMessage(synthInto(app(1, false), dist))).toBe([
      `blog: objects would fall from 6 to 0: the platform is no longer built, so ${join(dist, 'blog')}/ would be deleted and Flux would prune every object it deployed (got 0); ${FIX}`,
      `shop: objects would fall from 15 to 6 in ${join(dist, 'shop')}/ (9 removed, more than 50% at once), and Flux would prune them (got 6); ${FIX}`,
    ].join('\n'));
    expect(listFiles(dist).length).toBe(before().filter(([f]) => f.startsWith('dist/')).length);
  });

  test('losing half or less is an ordinary change', () => {
    const { dist } = committed();
    expect(objectsWritten(synthInto(app(2), dist))).toBe(15); // shop 15 -> 9 (40% removed), blog 6
    expect(Object.fromEntries(countObjectsOnDisk(dist))).toEqual({ shop: 9, blog: 6 });
  });

  test('with allowShrink the same synth goes through, and the retired folders leave both trees', () => {
    const { dist, entries } = committed();
    expect(synthInto(app(1, false), dist, { allowShrink: true }).ok).toBe(true);
    expect(Object.fromEntries(countObjectsOnDisk(dist))).toEqual({ shop: 6 });
    expect(listFiles(entries).filter((f) => f.startsWith('blog/'))).toEqual([]);
  });

  test('the flag (npm run synth -- --allow-shrink) or ALLOW_SHRINK=1 (npx cdk8s synth) asks for it', () => {
    expect(allowShrinkRequested(['node', 'main.js'], {})).toBe(false);
    expect(allowShrinkRequested(['node', 'main.js', '--allow-shrink'], {})).toBe(true);
    expect(allowShrinkRequested(['node', 'main.js'], { ALLOW_SHRINK: '1' })).toBe(true);
    expect(allowShrinkRequested(['node', 'main.js'], { ALLOW_SHRINK: 'true' })).toBe(true);
    expect(allowShrinkRequested(['node', 'main.js'], { ALLOW_SHRINK: '0' })).toBe(false);
  });
});
