import { ApiObject, App } from 'cdk8s';
import { Site, ValidationError, ValidationErrors } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { isClusterScoped, kindRank } from '../core/kinds';
import { Manifest } from '../core/manifest';
import { Layer } from './layer';
import { Platform } from './platform';
import { PolicyInput } from '../policy/policy-check';
import { withPruneProtection } from './prune-protection';

export interface LayerManifests {
  readonly layer: Layer;
  readonly manifests: readonly Manifest[];
}

export interface PlatformManifests {
  readonly platform: Platform;
  readonly layers: readonly LayerManifests[];
}

/**
 * Every object of every platform, checked: construct validations, names, namespace scope, no
 * two objects with the same identity. All problems are reported together.
 */
export function collectPlatforms(app: App): PlatformManifests[] {
  const errors: Error[] = [];
  for (const construct of app.node.findAll()) {
    for (const message of construct.node.validate()) errors.push(new Error(`${construct.node.path}: ${message}`));
  }
  const platforms = app.node.children.filter(Platform.isPlatform).map((platform) => {
    const seen = new Map<string, string>();
    const layers = platform.layers.map(({ layer, chart }) => {
      const manifests = chart.node.findAll().filter(ApiObject.isApiObject).map((obj) => toManifest(obj, errors));
      for (const m of manifests) {
        const identity = `${m.apiVersion.split('/').slice(0, -1).join('/')}/${m.kind}/${m.namespace ?? ''}/${m.name}`;
        const first = seen.get(identity);
        if (first) {
          errors.push(new ValidationError({ path: m.path, field: 'metadata.name', value: m.name,
            problem: `repeats the ${m.kind} ${m.namespace ? `${m.namespace}/` : ''}${m.name} already made by ${first}`,
            fix: 'give each object its own name, or create it once and share it' }));
        }
        seen.set(identity, m.path);
      }
      return { layer, manifests: [...manifests].sort(compareManifests) };
    });
    return { platform, layers };
  });
  if (errors.length > 0) throw errors.length === 1 ? errors[0] : new ValidationErrors(errors);
  return platforms;
}

function toManifest(obj: ApiObject, errors: Error[]): Manifest {
  const object = withPruneProtection(obj.toJson());
  const site = new Site(obj.node.path);
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  const namespace = object.metadata?.namespace;
  try {
    checkDnsSubdomain(site.at('metadata.name'), name);
    if (isClusterScoped(kind)) {
      if (namespace !== undefined) {
        site.at('metadata.namespace').fail(namespace, `must be empty: ${kind} is cluster-scoped`, 'remove the namespace');
      }
    } else if (namespace === undefined) {
      site.at('metadata.namespace').fail(namespace, `must be set: ${kind} is namespaced and "default" is never assumed`, 'set metadata.namespace to the namespace the object belongs in');
    } else {
      checkDnsLabel(site.at('metadata.namespace'), namespace);
    }
  } catch (error) {
    errors.push(error as Error);
  }
  return { path: obj.node.path, apiVersion, kind, name, namespace, object };
}

function compareManifests(a: Manifest, b: Manifest): number {
  return kindRank(a.kind) - kindRank(b.kind) || cmp(a.kind, b.kind) || cmp(a.namespace ?? '', b.namespace ?? '') || cmp(a.name, b.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the policy checks read of one build: its objects and its cluster, nothing of how it was built. */
export function policyInputOf({ platform, layers }: PlatformManifests): PolicyInput {
  return { name: platform.folder, environment: platform.environment, pools: platform.pools, manifests: layers.flatMap((l) => l.manifests) };
}
