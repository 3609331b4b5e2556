import { parse } from 'yaml';
import { kustomizationPath, parseDistPath } from './layout';

/** The one file the cdk8s CLI finds in its output folder (it only reads names ending `.yaml`). */
export const CDK8S_MANIFEST_FILE = 'all.k8s.yaml';

/**
 * Every object of a dist/ tree as one multi-document YAML, in apply order (platforms by name,
 * layers and objects as their kustomization.yaml lists them), each document opened by `---`:
 * `cdk8s synth --stdout` concatenates files raw, and one file keeps its output in one piece.
 */
export function manifestStream(dist: ReadonlyMap<string, string>): string {
  const docs: string[] = [];
  const platforms = [...new Set([...dist.keys()].map((path) => parseDistPath(path).platform))].sort();
  for (const platform of platforms) {
    for (const layer of resourcesOf(dist.get(kustomizationPath(platform)))) {
      for (const file of resourcesOf(dist.get(kustomizationPath(platform, layer)))) {
        const content = dist.get(`${platform}/${layer}/${file}`);
        if (content !== undefined) docs.push(`---\n${content}`);
      }
    }
  }
  return docs.join('');
}

function resourcesOf(kustomization: string | undefined): string[] {
  return kustomization === undefined ? [] : ((parse(kustomization) as { resources?: string[] })?.resources ?? []);
}
