import { freeId } from '../core/construct-id';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { GitRepository } from '../imports/gitrepository-source.toolkit.fluxcd.io';
import { Kustomization, KustomizationSpecSourceRefKind } from '../imports/kustomization-kustomize.toolkit.fluxcd.io';
import { Layer } from './layer';
import { MANAGED_BY_LABEL, PART_OF_LABEL } from '../core/labels';

/** Where the two generated trees sit in the repository; Flux paths are relative to its root. */
export const DIST_PATH = 'dist';
export const ENTRY_POINTS_PATH = 'kustomization';
/** Flux's own namespace: its controllers watch sources and Kustomizations there. */
export const FLUX_NAMESPACE = 'flux-system';

// How often Flux looks: Git every minute; each layer re-applied (drift corrected) every 10
// minutes, retried 2 minutes after a failure; one apply plus health checks may take 5 minutes.
const GIT_INTERVAL = '1m';
const INTERVAL = '10m';
const RETRY_INTERVAL = '2m';
const TIMEOUT = '5m';

export interface FluxEntryPointProps {
  /** The platform id, for labels. */
  readonly platform: string;
  /** Folder of the platform build in dist/, and of this entry point in kustomization/. */
  readonly folder: string;
  /** The layer folders of dist/<folder>/ that exist, in apply order. */
  readonly layers: readonly Layer[];
  /** The repository Flux clones. */
  readonly source: { readonly url: string; readonly branch: string; readonly secretName?: string };
}

/**
 * What a cluster bootstraps from (kustomization/<folder>/): a GitRepository for this
 * repository, a Kustomization per dist layer, each depending on every layer before it (CRDs,
 * then infrastructure, then apps: a layer starts only when the ones it uses are Ready), and a
 * root Kustomization that applies this folder itself, so changes to the entry point also flow
 * through Git after the first `kubectl apply -k`.
 */
export class FluxEntryPoint extends Chart {
  /** In apply order: the source, the root, then the layers. */
  readonly objects: ApiObject[] = [];

  constructor(scope: Construct, id: string, props: FluxEntryPointProps) {
    super(scope, freeId(scope, id), { labels: { [PART_OF_LABEL]: props.platform, [MANAGED_BY_LABEL]: 'cdk8s' } });
    const { folder, source } = props;
    const sourceRef = { kind: KustomizationSpecSourceRefKind.GIT_REPOSITORY, name: folder };
    const metadata = (name: string) => ({ name, namespace: FLUX_NAMESPACE });

    this.objects.push(new GitRepository(this, 'source', {
      metadata: metadata(folder),
      spec: {
        interval: GIT_INTERVAL,
        url: source.url,
        ref: { branch: source.branch },
        secretRef: source.secretName ? { name: source.secretName } : undefined,
      },
    }));
    // The root only applies Flux objects; each layer reports its own health, so it does not wait.
    this.objects.push(new Kustomization(this, 'root', {
      metadata: metadata(folder),
      spec: { interval: INTERVAL, retryInterval: RETRY_INTERVAL, timeout: TIMEOUT, sourceRef, path: `./${ENTRY_POINTS_PATH}/${folder}`, prune: true, wait: false },
    }));
    const before: string[] = [];
    for (const layer of props.layers) {
      const name = `${folder}-${layer.name}`;
      this.objects.push(new Kustomization(this, layer.name, {
        metadata: metadata(name),
        spec: {
          interval: INTERVAL,
          retryInterval: RETRY_INTERVAL,
          timeout: TIMEOUT,
          sourceRef,
          path: `./${DIST_PATH}/${folder}/${layer.name}`,
          prune: true,
          wait: true,
          dependsOn: before.length > 0 ? before.map((n) => ({ name: n })) : undefined,
        },
      }));
      before.push(name);
    }
  }
}
