import { PlatformManifests, policyInputOf } from './collect';
import { fluxRange, fluxVersions } from '../policy/build/flux-range';
import { AddonDefinition } from '../addons/addon-definition';
import { ChartRelease } from '../addons/chart-release';
import { entryPointsReadme } from './entry-points-readme';
import { GitSource } from '../flux/git-source';
import { DistFiles } from './file-tree';
import { GENERATED_HEADER, KUSTOMIZATION_FILE, kustomization, kustomizationPath, objectFile, sameFile } from './layout';
import { BOOTSTRAP_FOLDER } from '../flux/flux-entry-point';

/** The README layoutEntryPoints writes at the top of kustomization/, and how it begins. */
export const ENTRY_POINTS_README = 'README.md';
const README_TITLE = '# Flux entry points\n';

/**
 * True when a file at `path` of kustomization/ is one the synth writes or keeps: the README, a
 * build folder's kustomization.yaml or Flux object file (the generated header first), or anything
 * `flux bootstrap` wrote under `<folder>/flux-system/`. `text` reads the file, only when needed.
 */
export function isEntryPointsFile(path: string, text: () => string): boolean {
  const parts = path.split('/');
  if (parts.length === 1) return path === ENTRY_POINTS_README && text().startsWith(README_TITLE);
  if (parts[1] === BOOTSTRAP_FOLDER) return parts.length >= 3;
  if (parts.length !== 2) return false;
  return parts[1] === KUSTOMIZATION_FILE || (path.endsWith('.yaml') && text().startsWith(GENERATED_HEADER));
}

/**
 * What kustomization/ should contain: a folder per platform build (its Platform.folder) holding
 * its collected Flux objects, one file each (`<kind>-<name>.yaml`), and a kustomization.yaml
 * listing them in the order they were made; plus a README.
 */
export function layoutEntryPoints(platforms: readonly PlatformManifests[], source: GitSource): DistFiles {
  const files: DistFiles = new Map();
  const entries = platforms.map((build) => {
    const { platform, layers, entryPoint } = build;
    const flux = fluxRange(platform.folder, policyInputOf(build).manifests, platform.kubernetes).releases;
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
      kubernetes: platform.kubernetes.toString(),
      flux: { versions: fluxVersions(flux), cli: flux.length > 0 ? flux[flux.length - 1].version : 'none' },
      installs: platform.addons.installed.map((a) => installLine(a, platform.addons.releases.get(a.name))),
      provides: [
        ...(platform.cluster.provided ?? []).map((p) => `${p.addon}: ${p.reason}`),
        ...prerequisites.map((p) => `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name}: ${p.reason}`),
      ],
    };
  });
  files.set(ENTRY_POINTS_README, entryPointsReadme(entries, source));
  return files;
}

/** "cert-manager, namespace cert-manager (restricted); chart cert-manager v1.21.1, for Kubernetes 1.33-1.36". */
function installLine(addon: AddonDefinition, release: ChartRelease | undefined): string {
  if (!release) return addon.summary;
  return `${addon.summary}; chart ${addon.chart ?? addon.name} ${release.version}${release.app ? ` (${release.app})` : ''}, for Kubernetes ${String(release.kubernetes)}`;
}
