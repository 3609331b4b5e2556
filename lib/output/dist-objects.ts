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

/**
 * The objects of each tree by path, once per tree: a tree the synth laid out is registered with
 * the objects it wrote (knownObjects), so what was written is never parsed back to learn what it
 * was; any other tree (a baseline from Git or the disk) is parsed file by file, except the files
 * whose text equals a laid-out tree's at the same path, which hold the same object.
 */
const byPath = new WeakMap<ReadonlyMap<string, string>, { readonly size: number; readonly objects: ReadonlyMap<string, DistObject> }>();

/** Registers what layoutDist put in `files`: object file path -> object. Read by objectsOfTree. */
export function knownObjects(files: ReadonlyMap<string, string>, objects: ReadonlyMap<string, DistObject>): void {
  byPath.set(files, { size: files.size, objects });
}

/**
 * The object files of a tree (relative path -> content), by path; kustomization.yaml files are not
 * objects. A file whose text is the same in `like` (a tree whose objects are known, e.g. the
 * synth's new dist/) takes that tree's object instead of being parsed.
 */
export function objectsByPath(files: ReadonlyMap<string, string>, like?: ReadonlyMap<string, string>): ReadonlyMap<string, DistObject> {
  const cached = byPath.get(files);
  if (cached && cached.size === files.size) return cached.objects; // a tree is not changed once made; a size that moved says it was
  const known = like ? objectsByPath(like) : undefined;
  const objects = new Map<string, DistObject>();
  for (const [path, content] of files) {
    const same = known?.get(path);
    if (same && like!.get(path) === content) {
      objects.set(path, same);
      continue;
    }
    const { platform, layer, isObject } = parseDistPath(path);
    if (!isObject) continue;
    const object = parse(content) as Record<string, any> | null;
    if (!object || typeof object.kind !== 'string' || typeof object.metadata?.name !== 'string') continue;
    const namespace: string | undefined = object.metadata.namespace;
    const id = distObjectId(platform, object.kind, object.metadata.name, namespace);
    objects.set(path, { id, platform, layer: layer!, kind: object.kind, name: object.metadata.name, namespace, object });
  }
  byPath.set(files, { size: files.size, objects });
  return objects;
}

/**
 * A dist/ tree (relative path -> content) as objects by identity; kustomization.yaml files are not
 * objects. See objectsByPath for `like`: only files whose text differs from it are parsed.
 */
export function objectsOfTree(files: ReadonlyMap<string, string>, like?: ReadonlyMap<string, string>): ReadonlyMap<string, DistObject> {
  const byPathOfTree = objectsByPath(files, like);
  let found = byId.get(byPathOfTree);
  if (!found) {
    found = new Map([...byPathOfTree.values()].map((o) => [o.id, o]));
    byId.set(byPathOfTree, found);
  }
  return found;
}

/** The same objects by identity, once per tree (the shrink guard and the change summary both ask). */
const byId = new WeakMap<ReadonlyMap<string, DistObject>, ReadonlyMap<string, DistObject>>();

/** The platform folders of a tree: every first path segment. */
export function platformsOfTree(files: ReadonlyMap<string, string>): Set<string> {
  return new Set([...files.keys()].map((path) => parseDistPath(path).platform));
}
