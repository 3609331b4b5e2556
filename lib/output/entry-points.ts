import { PlatformManifests } from './collect';
import { entryPointsReadme } from './entry-points-readme';
import { GitSource } from '../flux/git-source';
import { DistFiles } from './file-tree';
import { kustomization, kustomizationPath, objectFile, sameFile } from './layout';

/**
 * What kustomization/ should contain: a folder per platform build (its Platform.folder) holding
 * its collected Flux objects, one file each (`<kind>-<name>.yaml`), and a kustomization.yaml
 * listing them in the order they were made; plus a README.
 */
export function layoutEntryPoints(platforms: readonly PlatformManifests[], source: GitSource): DistFiles {
  const files: DistFiles = new Map();
  const entries = platforms.map(({ platform, layers, entryPoint }) => {
    const resources = entryPoint.map((m) => {
      const file = `${m.kind.toLowerCase()}-${m.name}.yaml`;
      if (files.has(`${platform.folder}/${file}`)) throw sameFile(m, `${platform.folder}/${file}`);
      files.set(`${platform.folder}/${file}`, objectFile(m));
      return file;
    });
    files.set(kustomizationPath(platform.folder), kustomization(resources));
    const present = layers.filter((l) => l.manifests.length > 0).map((l) => l.layer.name);
    const prerequisites = [...(platform.cluster.prerequisites ?? []), ...(platform.entryPoint?.prerequisites ?? [])];
    return {
      folder: platform.folder,
      platform: platform.name,
      environment: platform.environment.name,
      layers: present,
      installs: platform.addons.installed.map((a) => a.summary),
      provides: [
        ...(platform.cluster.provided ?? []).map((p) => `${p.addon}: ${p.reason}`),
        ...prerequisites.map((p) => `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name}: ${p.reason}`),
      ],
    };
  });
  files.set('README.md', entryPointsReadme(entries, source));
  return files;
}
