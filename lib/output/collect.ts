import { ApiObject, App } from 'cdk8s';
import { Construct } from 'constructs';
import { withoutAppChecks } from '../core/app-checks';
import { Site, ValidationError, ValidationErrors } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { apiGroupOf, isClusterScoped, kindRank } from '../core/kinds';
import { identityKey, Manifest } from '../core/manifest';
import { Layer } from '../flux/layer';
import { Platform } from '../flux/platform';
import { PolicyInput } from '../policy/policy-check';
import { withPruneProtection } from '../flux/prune-protection';
import { objectValueErrors } from '../policy/build/object-values';
import { droppedFieldErrors, renderObject } from './dropped-fields';

export interface LayerManifests {
  readonly layer: Layer;
  readonly manifests: readonly Manifest[];
}

export interface PlatformManifests {
  readonly platform: Platform;
  /** What goes to dist/<folder>/, per layer, each sorted in apply order. */
  readonly layers: readonly LayerManifests[];
  /** What goes to kustomization/<folder>/, in the order Flux should read it (empty until the entry point is built). */
  readonly entryPoint: readonly Manifest[];
}

/**
 * Every object of every platform, checked: construct validations, names, namespace scope, no
 * two objects with the same identity, and no object outside a platform's layers or entry point
 * (it would never be written). All problems are reported together.
 */
export function collectPlatforms(app: App): PlatformManifests[] {
  const { platforms, errors } = collectPlatformsWithErrors(app);
  if (errors.length > 0) throw errors.length === 1 ? errors[0] : new ValidationErrors(errors);
  return platforms;
}

/** collectPlatforms without throwing: the platforms, and every problem found. */
export function collectPlatformsWithErrors(app: App): { platforms: PlatformManifests[]; errors: Error[] } {
  const errors: Error[] = [];
  // The constructs' own validations; the app-wide checks (core/app-checks) are what the pipeline runs next, in full.
  withoutAppChecks(app, () => {
    for (const construct of app.node.findAll()) {
      for (const message of construct.node.validate()) errors.push(new Error(`${construct.node.path}: ${message}`));
    }
  });
  const owners = new Map<ApiObject, string>();
  /** The objects under `scope`, each claimed for `owner`; an object claimed twice is an error. */
  const claim = (scope: Construct, owner: string): ApiObject[] =>
    scope.node
      .findAll()
      .filter(ApiObject.isApiObject)
      .map((obj) => {
        const first = owners.get(obj);
        if (first) errors.push(stray(obj, `belongs to both ${first} and ${owner}`, 'create it once, in one layer chart'));
        owners.set(obj, owner);
        return obj;
      });
  const platforms = app.node
    .findAll()
    .filter(Platform.isPlatform)
    .map((platform) => {
      const seen = new Map<string, string>();
      const checked = (objects: ApiObject[]) =>
        objects
          .map((obj) => toManifest(obj, errors))
          .map((m) => {
            const identity = `${apiGroupOf(m.apiVersion)}:${identityKey(m.kind, m.namespace, m.name)}`;
            const first = seen.get(identity);
            if (first) {
              errors.push(
                new ValidationError({
                  path: m.path,
                  field: 'metadata.name',
                  value: m.name,
                  problem: `repeats the ${m.kind} ${m.namespace ? `${m.namespace}/` : ''}${m.name} already made by ${first}`,
                  fix: 'give each object its own name, or create it once and share it',
                }),
              );
            }
            seen.set(identity, m.path);
            return m;
          });
      const layers = platform.layers.map(({ layer, chart }) => ({
        layer,
        manifests: checked(claim(chart, `layer ${chart.node.path}`)).sort(compareManifests),
      }));
      const entryPoint = platform.entryPoint ? checked(claim(platform.entryPoint, `entry point ${platform.entryPoint.node.path}`)) : [];
      return { platform, layers, entryPoint };
    });
  for (const obj of app.node.findAll().filter(ApiObject.isApiObject)) {
    if (!owners.has(obj)) {
      errors.push(
        stray(
          obj,
          'belongs to no platform layer, so it would never be written to dist/',
          'create it in a layer chart of its platform (platform.infrastructure, platform.apps or platform.layer(Layer.CRDS)), or in a chart inside one, not on the App or a chart of your own',
        ),
      );
    }
  }
  return { platforms, errors };
}

function stray(obj: ApiObject, problem: string, fix: string): ValidationError {
  return new ValidationError({ path: obj.node.path, field: '(object)', value: `${obj.kind} ${obj.name}`, problem, fix });
}

/** One object as the checks and writers see it; problems with its name, scope and values are added to `errors`. */
export function toManifest(obj: ApiObject, errors: Error[]): Manifest {
  const { written, given } = renderObject(obj);
  // Nothing the user wrote may vanish on the way to dist/ (an L1 class drops what its type lacks).
  errors.push(...droppedFieldErrors(obj.node.path, obj.constructor.name, given, written));
  const object = withPruneProtection(written);
  const site = new Site(obj.node.path);
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  const namespace = object.metadata?.namespace;
  try {
    checkDnsSubdomain(site.at('metadata.name'), name);
    if (kind === 'List' || (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(object.items))) {
      // kustomize unpacks a List after every check here: a Secret with data inside one reached the cluster.
      site
        .at('kind')
        .fail(
          kind,
          'wraps objects that the checks would not see (kustomize unpacks it, e.g. into a Secret with data)',
          'create each item as an object of its own',
        );
    }
    if (isClusterScoped(kind)) {
      if (namespace !== undefined) {
        site.at('metadata.namespace').fail(namespace, `must be empty: ${kind} is cluster-scoped`, 'remove the namespace');
      }
    } else if (namespace === undefined) {
      site
        .at('metadata.namespace')
        .fail(
          namespace,
          `must be set: ${kind} is namespaced and "default" is never assumed`,
          'set metadata.namespace to the namespace the object belongs in',
        );
    } else {
      checkDnsLabel(site.at('metadata.namespace'), namespace);
    }
  } catch (error) {
    errors.push(error as Error);
  }
  const manifest = { path: obj.node.path, apiVersion, kind, name, namespace, object };
  errors.push(...objectValueErrors(manifest));
  return manifest;
}

function compareManifests(a: Manifest, b: Manifest): number {
  return kindRank(a.kind) - kindRank(b.kind) || cmp(a.kind, b.kind) || cmp(a.namespace ?? '', b.namespace ?? '') || cmp(a.name, b.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Objects per platform folder headed for dist/ (what the shrink guard compares with the disk). */
export function distObjectCount({ layers }: PlatformManifests): number {
  return layers.reduce((n, l) => n + l.manifests.length, 0);
}

/** What the policy checks read of one build: all its objects (dist/ and entry point) and its cluster. */
export function policyInputOf({ platform, layers, entryPoint }: PlatformManifests): PolicyInput {
  return {
    name: platform.folder,
    environment: platform.environment,
    kubernetes: platform.kubernetes,
    pools: platform.pools,
    manifests: [...layers.flatMap((l) => l.manifests), ...entryPoint],
    cluster: { addons: platform.addons, prerequisites: [...(platform.cluster.prerequisites ?? []), ...(platform.entryPoint?.prerequisites ?? [])] },
  };
}
