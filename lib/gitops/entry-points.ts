import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { PlatformManifests } from './collect';
import { Manifest } from '../core/manifest';
import { entryPointsReadme } from './entry-points-readme';
import { ENTRY_POINTS_PATH, FluxEntryPoint } from './flux-entry-point';
import { GitSource } from './git-source';
import { DistFiles, kustomization, objectFile } from './layout';

/**
 * What kustomization/ should contain: a folder per platform build (its Platform.folder) holding
 * its Flux objects, one file each (`<kind>-<name>.yaml`), and a kustomization.yaml; plus a
 * README. Only layers with objects get a Kustomization, exactly as layoutDist writes folders.
 */
export function layoutEntryPoints(platforms: readonly PlatformManifests[], source: ReturnType<typeof GitSource.of>): DistFiles {
  const files: DistFiles = new Map();
  const scope = new Construct(new App(), ENTRY_POINTS_PATH);
  const entries = platforms.map(({ platform, layers }) => {
    const present = layers.filter((l) => l.manifests.length > 0).map((l) => l.layer);
    const entry = new FluxEntryPoint(scope, platform.folder, { platform: platform.name, folder: platform.folder, layers: present, source });
    const resources = entry.objects.map((obj) => {
      const m = toManifest(obj.toJson(), obj.node.path);
      const file = `${m.kind.toLowerCase()}-${m.name}.yaml`;
      files.set(`${platform.folder}/${file}`, objectFile(m));
      return file;
    });
    files.set(`${platform.folder}/kustomization.yaml`, kustomization(resources));
    return { folder: platform.folder, platform: platform.name, environment: platform.environment.name, layers: present.map((l) => l.name) };
  });
  files.set('README.md', entryPointsReadme(entries, source));
  return files;
}

function toManifest(object: Record<string, any>, path: string): Manifest {
  return { path, apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace, object };
}
