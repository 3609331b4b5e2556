import { isDeepStrictEqual } from 'node:util';
import { ValidationError } from './lib/core/errors';
import { Manifest, objectId } from './lib/core/manifest';
import { collectPlatforms, policyInputOf } from './lib/output/collect';
import { completePlatforms } from './lib/pipeline/synth';
import { buildApp } from './platforms/index';
import { verifyPlatform } from './lib/policy/verify';

// The project's checks (schema, placement, every policy rule) as a cdk8s validation plugin, for
// the CLI's standard report: cdk8s.yaml lists it under `validations:`; build.mjs bundles it to
// build/cdk8s-plugin.js (the CLI require()s a local plugin). The objects checked are the ones
// the CLI hands over (its output folder), each given the pools and environment of its platform.

/** The part of the CLI's validation context this plugin uses (cdk8s-cli lib/plugins/validation). */
interface ValidationContext {
  readonly manifests: readonly string[];
  parseManifest(path: string): unknown[];
  readonly report: {
    addViolation(violation: { ruleName: string; recommendation: string; fix: string; violatingResources: { resourceName: string; manifestPath: string; locations: string[] }[] }): void;
    submit(status: 'success' | 'failure', metadata?: Record<string, string>): void;
  };
}

const key = (o: { kind: string; namespace?: string; name: string }) => `${o.kind}/${o.namespace ?? ''}/${o.name}`;

export class PlatformChecks {
  // eslint-disable-next-line @typescript-eslint/require-await -- the CLI's interface returns a Promise; the checks are synchronous
  async validate(context: ValidationContext): Promise<void> {
    const received = context.manifests.flatMap((file) => context.parseManifest(file).filter((o): o is Record<string, any> => !!o && typeof o === 'object').map((object) => ({ file, object })));
    const { app } = buildApp();
    completePlatforms(app); // as the synth does
    const platforms = collectPlatforms(app).map(policyInputOf);
    // Hand each object to the platform that builds it. Two builds of one platform (computesdk's
    // environments) share identities: a copy goes to the build whose object it equals, else to
    // the first build not yet served (a changed object still reaches one build's checks).
    const claimants = new Map<string, string[]>();
    for (const p of platforms) for (const m of p.manifests) claimants.set(key(m), [...(claimants.get(key(m)) ?? []), p.name]);
    const assigned = new Map<string, Manifest[]>(platforms.map((p) => [p.name, []]));
    const files = new Map<Manifest, string>();
    let failed = false;
    for (const { file, object } of received) {
      const id = { kind: object.kind, namespace: object.metadata?.namespace, name: object.metadata?.name };
      const candidates = claimants.get(key(id)) ?? [];
      const same = candidates.findIndex((name) => isDeepStrictEqual(platforms.find((p) => p.name === name)!.manifests.find((m) => key(m) === key(id))?.object, object));
      const owner = candidates.splice(same >= 0 ? same : 0, 1)[0];
      const built = owner ? platforms.find((p) => p.name === owner)!.manifests.find((m) => key(m) === key(id)) : undefined;
      if (!owner || !built) {
        failed = true;
        context.report.addViolation({ ruleName: 'built-by-a-platform', recommendation: 'every object in the output must come from a platform of lib/platforms',
          fix: 'run the synth again (npm run synth); do not add files to the output folder by hand', violatingResources: [{ resourceName: `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`, manifestPath: file, locations: ['metadata.name'] }] });
        continue;
      }
      const manifest: Manifest = { ...built, object };
      assigned.get(owner)!.push(manifest);
      files.set(manifest, file);
    }
    let checked = 0;
    for (const p of platforms) {
      const manifests = assigned.get(p.name)!;
      if (manifests.length === 0) continue;
      checked += manifests.length;
      for (const error of verifyPlatform({ ...p, manifests }).errors) {
        failed = true;
        const detail = error instanceof ValidationError ? error.detail : undefined;
        const m = detail ? manifests.find((x) => x.path === detail.path) : undefined;
        context.report.addViolation({
          ruleName: /\[([a-z-]+)\]$/.exec(detail?.problem ?? '')?.[1] ?? 'schema-and-placement',
          recommendation: detail ? `${detail.field} ${detail.problem}` : error.message,
          fix: detail?.fix ?? 'see the message',
          violatingResources: [{ resourceName: m ? objectId(m) : (detail?.path ?? p.name), manifestPath: m ? files.get(m)! : p.name, locations: [detail?.field ?? ''] }],
        });
      }
    }
    context.report.submit(failed ? 'failure' : 'success', { objects: String(checked), platforms: platforms.map((p) => p.name).join(' ') });
  }
}
