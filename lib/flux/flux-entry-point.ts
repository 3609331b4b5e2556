import { freeId } from '../core/construct-id';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Kustomization, KustomizationSpecSourceRefKind } from '../imports/kustomization-kustomize.toolkit.fluxcd.io';
import { ExternalPrerequisite } from '../addons/cluster-contract';
import { AlertSettings, FluxAlerts } from './flux-alerts';
import { Layer } from './layer';
import { FLUX_NAMESPACE } from '../core/kinds';
import { MANAGED_BY_LABEL, PART_OF_LABEL } from '../core/labels';

/** Where the two generated trees sit in the repository; Flux paths are relative to its root. */
export const DIST_PATH = 'dist';
export const ENTRY_POINTS_PATH = 'kustomization';
/**
 * The GitRepository (and Kustomization) `flux bootstrap` creates for this repository in
 * flux-system: the one source every layer reads, so the build adds none of its own.
 */
export const BOOTSTRAP_SOURCE = 'flux-system';

/**
 * The folder `flux bootstrap --path kustomization/<folder>` writes: Flux's own components and its sync (the
 * flux-system GitRepository and Kustomization).
 */
export const BOOTSTRAP_FOLDER = 'flux-system';

// Each layer re-applied (drift corrected) every 10 minutes, retried 2 minutes after a failure;
// one apply plus health checks may take 5 minutes, or 15 for the add-ons' Helm releases.
const INTERVAL = '10m';
const RETRY_INTERVAL = '2m';
const TIMEOUT = '5m';
const CONTROLLERS_TIMEOUT = '15m';

export interface FluxEntryPointProps {
  /** The platform id, for labels. */
  readonly platform: string;
  /** Folder of the platform build in dist/, and of this entry point in kustomization/. */
  readonly folder: string;
  /** The layer folders of dist/<folder>/ that exist, in apply order. */
  readonly layers: readonly Layer[];
  /** The build's HelmReleases (its add-ons), alerted on like its Kustomizations. */
  readonly releases?: readonly string[];
  readonly alerts?: AlertSettings;
}

/**
 * What `flux bootstrap --path kustomization/<folder>` reconciles besides Flux itself: a
 * Kustomization per dist layer, from the bootstrap GitRepository, each depending on every layer
 * before it with wait (controllers, then CRDs, infrastructure, apps: a custom resource is applied
 * only once the release defining its kind is Ready), and the Provider and Alert for its failures.
 */
export class FluxEntryPoint extends Chart {
  /** In apply order: the layers, then the alerts. */
  readonly objects: ApiObject[] = [];
  /** Objects the entry point references that are created at bootstrap, outside Git. */
  readonly prerequisites: readonly ExternalPrerequisite[];

  constructor(scope: Construct, id: string, props: FluxEntryPointProps) {
    super(scope, freeId(scope, id), { labels: { [PART_OF_LABEL]: props.platform, [MANAGED_BY_LABEL]: 'cdk8s' } });
    const { folder } = props;
    const sourceRef = { kind: KustomizationSpecSourceRefKind.GIT_REPOSITORY, name: BOOTSTRAP_SOURCE };
    const before: string[] = [];
    for (const layer of props.layers) {
      const name = `${folder}-${layer.name}`;
      this.objects.push(
        new Kustomization(this, layer.name, {
          metadata: { name, namespace: FLUX_NAMESPACE },
          spec: {
            interval: INTERVAL,
            retryInterval: RETRY_INTERVAL,
            timeout: layer === Layer.CONTROLLERS ? CONTROLLERS_TIMEOUT : TIMEOUT,
            sourceRef,
            path: `./${DIST_PATH}/${folder}/${layer.name}`,
            prune: true,
            wait: true,
            dependsOn: before.length > 0 ? before.map((n) => ({ name: n })) : undefined,
          },
        }),
      );
      before.push(name);
    }
    const alerts = new FluxAlerts(this, 'alerts', {
      folder,
      namespace: FLUX_NAMESPACE,
      kustomizations: before,
      helmReleases: props.releases ?? [],
      settings: props.alerts,
    });
    this.objects.push(...alerts.node.findAll().filter(ApiObject.isApiObject));
    this.prerequisites = [alerts.prerequisite];
  }
}
