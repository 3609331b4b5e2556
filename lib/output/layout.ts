import { ValidationError } from '../core/errors';
import { toYaml } from './fast-yaml';
import { DistFiles } from './file-tree';
import { PlatformManifests } from './collect';
import { Manifest } from '../core/manifest';
import { DistObject, distObjectId, knownObjects } from './dist-objects';

/**
 * `<folder>/<layer>/` holds one file per object (`<kind>-<name>.yaml`, namespaced objects in a
 * folder named after their namespace) and a kustomization.yaml listing them in apply order;
 * `<folder>/kustomization.yaml` lists the layers in order. The folder is the platform's
 * (Platform.folder: its id, with the environment outside production).
 */
export function layoutDist(platforms: readonly PlatformManifests[]): DistFiles {
  const files: DistFiles = new Map();
  const objects = new Map<string, DistObject>();
  for (const { platform, layers } of platforms) {
    const layerFolders: string[] = [];
    for (const { layer, manifests } of layers) {
      if (manifests.length === 0) continue;
      const folder = `${platform.folder}/${layer.name}`;
      const groupClashes = kindsInSeveralGroups(manifests);
      const resources = manifests.map((m) => {
        const file = fileName(m, groupClashes.has(fileName(m)));
        if (files.has(`${folder}/${file}`)) throw sameFile(m, `${folder}/${file}`);
        files.set(`${folder}/${file}`, objectFile(m));
        objects.set(`${folder}/${file}`, {
          id: distObjectId(platform.folder, m.kind, m.name, m.namespace),
          platform: platform.folder,
          layer: layer.name,
          kind: m.kind,
          name: m.name,
          namespace: m.namespace,
          object: m.object,
        });
        return file;
      });
      files.set(kustomizationPath(platform.folder, layer.name), kustomization(resources));
      layerFolders.push(layer.name);
    }
    files.set(kustomizationPath(platform.folder), kustomization(layerFolders));
  }
  knownObjects(files, objects); // the change summary and the shrink guard read these, never the files
  return files;
}

/** Two objects whose kind and name differ only in what a file name drops (case, API group). */
export function sameFile(m: Manifest, file: string): ValidationError {
  return new ValidationError({
    path: m.path,
    field: 'metadata.name',
    value: m.name,
    problem: `would be written to ${file}, the file of another object`,
    fix: 'give one of the two objects another name',
  });
}

/**
 * `<kind>-<name>.yaml`; `withGroup` adds the API group (`gateway.networking.istio.io-edge.yaml`)
 * for kinds that share a name across groups (an Istio Gateway and a Gateway API Gateway).
 */
export function fileName(m: Manifest, withGroup = false): string {
  const group = m.apiVersion.includes('/') ? m.apiVersion.slice(0, m.apiVersion.lastIndexOf('/')) : 'core';
  const file = withGroup ? `${m.kind.toLowerCase()}.${group}-${m.name}.yaml` : `${m.kind.toLowerCase()}-${m.name}.yaml`;
  return m.namespace === undefined ? file : `${m.namespace}/${file}`;
}

/** Plain file names that objects of one kind from different API groups would share. */
function kindsInSeveralGroups(manifests: readonly Manifest[]): Set<string> {
  const groups = new Map<string, Set<string>>();
  for (const m of manifests) {
    const file = fileName(m);
    groups.set(file, (groups.get(file) ?? new Set()).add(m.apiVersion.split('/').slice(0, -1).join('/')));
  }
  return new Set([...groups].filter(([, g]) => g.size > 1).map(([file]) => file));
}

/** How every object file the synth writes begins (objectFile): what tells its files from anyone else's. */
export const GENERATED_HEADER = '# Generated from ';

/** The file of one object: where it came from, then its YAML. */
export function objectFile(m: Manifest): string {
  return `${GENERATED_HEADER}${m.path}; edit the TypeScript, not this file.\n${toYaml(m.object)}`;
}

/**
 * True when a file at `path` of a dist/ tree is one layoutDist writes: a kustomization.yaml of a
 * platform or layer folder, or an object file (`<platform>/<layer>/[<namespace>/]<file>.yaml`)
 * that begins with the generated header. `text` reads the file, only when the path fits.
 */
export function isDistFile(path: string, text: () => string): boolean {
  const parts = path.split('/');
  if (parts[parts.length - 1] === KUSTOMIZATION_FILE) return parts.length === 2 || parts.length === 3;
  return (parts.length === 3 || parts.length === 4) && path.endsWith('.yaml') && text().startsWith(GENERATED_HEADER);
}

/** A kustomization.yaml listing `resources` in the order given (the apply order). */
export function kustomization(resources: readonly string[]): string {
  return toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources });
}

/** The file every folder of the layout has: its resources in apply order. */
export const KUSTOMIZATION_FILE = 'kustomization.yaml';

/** Where a platform folder lists its layers, and a layer folder its objects. */
export function kustomizationPath(platform: string, layer?: string): string {
  return layer === undefined ? `${platform}/${KUSTOMIZATION_FILE}` : `${platform}/${layer}/${KUSTOMIZATION_FILE}`;
}

/** What a path of a dist/ tree stands for: the platform folder it is in, and the layer folder under it. */
export interface DistPath {
  readonly platform: string;
  /** The second folder (a layer of dist/, `flux-system` of kustomization/); undefined for the platform's own kustomization.yaml. */
  readonly layer?: string;
  /** An object's file: `<platform>/<layer>/[<namespace>/]<kind>-<name>.yaml`. */
  readonly isObject: boolean;
}

/** Reads a path layoutDist wrote: the inverse of the layout, so no other file parses it. */
export function parseDistPath(path: string): DistPath {
  const parts = path.split('/');
  const isObject = parts.length >= 3 && parts[parts.length - 1] !== KUSTOMIZATION_FILE && path.endsWith('.yaml');
  return { platform: parts[0], layer: parts.length >= 3 ? parts[1] : undefined, isObject };
}
