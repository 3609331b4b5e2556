import { parse } from 'yaml';
import { parseDistPath } from './layout';

/** One object of a dist/ tree, known by where it would be applied: its identity. */
export interface DistObject {
  /** `<platform>/<Kind>/<namespace>/<name>`, or `<platform>/<Kind>/<name>` for a cluster-scoped kind. */
  readonly id: string;
  readonly platform: string;
  readonly layer: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly object: Record<string, any>;
}

/** The identity the change summary and the shrink guard compare, and `--allow-removal` names. */
export function distObjectId(platform: string, kind: string, name: string, namespace?: string): string {
  return namespace === undefined ? `${platform}/${kind}/${name}` : `${platform}/${kind}/${namespace}/${name}`;
}

/** A dist/ tree (relative path -> content) as objects by identity; kustomization.yaml files are not objects. */
export function objectsOfTree(files: ReadonlyMap<string, string>): Map<string, DistObject> {
  const objects = new Map<string, DistObject>();
  for (const [path, content] of files) {
    const { platform, layer, isObject } = parseDistPath(path);
    if (!isObject) continue;
    const object = parse(content) as Record<string, any> | null;
    if (!object || typeof object.kind !== 'string' || typeof object.metadata?.name !== 'string') continue;
    const namespace: string | undefined = object.metadata.namespace;
    const id = distObjectId(platform, object.kind, object.metadata.name, namespace);
    objects.set(id, { id, platform, layer: layer!, kind: object.kind, name: object.metadata.name, namespace, object });
  }
  return objects;
}

/** The platform folders of a tree: every first path segment. */
export function platformsOfTree(files: ReadonlyMap<string, string>): Set<string> {
  return new Set([...files.keys()].map((path) => parseDistPath(path).platform));
}
