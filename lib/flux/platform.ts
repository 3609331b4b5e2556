import { freeId } from '../core/construct-id';
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { MANAGED_BY_LABEL, PART_OF_LABEL } from '../core/labels';
import { checkDnsLabel } from '../core/names';
import { NodePools } from '../placement/node-pool';
import { Environment } from '../core/environment';
import { ENTRY_POINTS_PATH, FluxEntryPoint } from './flux-entry-point';
import { Layer } from './layer';
import { addonNeedsIn } from '../core/addon-needs';
import { AddonPlan, checkClusterContract, installAddons, kubernetesOf } from '../addons/install-addons';
import { KubernetesVersions } from '../core/kubernetes-version';
import { ClusterContract } from '../addons/cluster-contract';
import { checkControlPlanePools } from '../addons/control-plane';
import { controlPlaneNeedsIn } from '../core/control-plane-needs';
import { admitServiceClients } from './service-clients-policy';
import { AlertSettings } from './flux-alerts';
import { CheckedConstruct } from '../core/app-checks';

export interface PlatformProps {
  /** Platform id; also its dist/ folder. */
  readonly name: string;
  /** The node pools of the cluster; every pod must land on one of them. */
  readonly pools: NodePools;
  /**
   * Which cluster of the platform this build is for; a platform built for two environments
   * gets two folders (see Environment.folderOf).
   * @default Environment.PRODUCTION
   */
  readonly environment?: Environment;
  /**
   * What the cluster provides (add-ons, with a reason; objects made outside Git) and the facts its
   * add-ons need. Everything else the build's constructs need is installed by the build.
   * @default nothing provided: the build installs every add-on its constructs need
   */
  readonly cluster?: ClusterContract;
  /**
   * Where Flux reports this build's failed reconciliations.
   * @default a generic webhook whose address is in the Secret `<folder>-alerts`
   */
  readonly alerts?: AlertSettings;
}

/** One cluster's objects: a chart per layer, written to `dist/<folder>/<layer>/`. */
export class Platform extends CheckedConstruct {
  static isPlatform(x: unknown): x is Platform {
    return x instanceof Platform;
  }

  readonly name: string;
  readonly pools: NodePools;
  readonly environment: Environment;
  /** Its folder in dist/ and kustomization/, and its construct id: `<name>`, or `<name>-<environment>` outside production. */
  readonly folder: string;
  readonly cluster: ClusterContract;
  readonly alerts?: AlertSettings;
  private readonly charts = new Map<Layer, Chart>();
  private flux?: FluxEntryPoint;
  private plan: AddonPlan = { installed: [], provided: [], releases: new Map() };
  /** The Kubernetes versions the cluster runs (cluster.kubernetes): every object is validated at each. */
  readonly kubernetes: KubernetesVersions;

  constructor(app: App, props: PlatformProps) {
    const environment = props.environment ?? Environment.PRODUCTION;
    const folder = environment.folderOf(checkDnsLabel(new Site(props.name).at('name'), props.name));
    super(app, freeId(app, checkDnsLabel(new Site(folder).at('environment'), folder)));
    this.name = props.name;
    this.pools = props.pools;
    this.environment = environment;
    this.folder = folder;
    this.cluster = props.cluster ?? {};
    checkClusterContract(new Site(folder).at('cluster'), this.cluster);
    this.kubernetes = kubernetesOf(this.cluster);
    checkControlPlanePools(new Site(folder), this.cluster.controlPlane, props.pools);
    this.alerts = props.alerts;
  }

  /**
   * Refuses what the platform's constructs need of the cluster that its contract says it does
   * not have: control-plane nodes or etcd where the control plane is managed. synthesize() calls
   * it once every object exists.
   */
  checkClusterNeeds(): void {
    const controlPlane = this.cluster.controlPlane;
    if (!controlPlane?.managed) return;
    for (const { path, what } of controlPlaneNeedsIn(this)) {
      new Site(path)
        .at('cluster.controlPlane')
        .fail(
          controlPlane.name,
          `is a managed control plane, but ${what} need a self-managed one`,
          `remove it: ${controlPlane.name} runs the control plane and etcd, and backs etcd up`,
        );
    }
  }

  /**
   * Refuses each LoadBalancer Service the cluster cannot serve, and admits the clients of every
   * Service opened outside the cluster to its pods. synthesize() calls it once every object exists.
   */
  admitServiceClients(): void {
    admitServiceClients(this, this.cluster);
  }

  /**
   * Installs, in the controllers layer, each add-on the platform's constructs need (once) that
   * the cluster does not provide; a second call replaces the first. synthesize() calls it once
   * every object exists, before the entry point.
   */
  buildAddons(): AddonPlan {
    this.charts.get(Layer.CONTROLLERS)?.node.tryRemoveChild('addons');
    const needs = addonNeedsIn(this).filter(({ path }) => !path.startsWith(`${this.node.path}/${Layer.CONTROLLERS.name}/`));
    this.plan = installAddons(() => this.layer(Layer.CONTROLLERS), needs, this.cluster, new Site(this.folder).at('cluster'));
    return this.plan;
  }

  /** The add-ons built by buildAddons(): installed by the build, or provided by the cluster. */
  get addons(): AddonPlan {
    return this.plan;
  }

  /** The chart of one layer; objects created in it are written to that layer's folder. */
  layer(layer: Layer): Chart {
    let chart = this.charts.get(layer);
    if (!chart) {
      chart = new Chart(this, layer.name, {
        disableResourceNameHashes: true,
        labels: { [PART_OF_LABEL]: this.name, [MANAGED_BY_LABEL]: 'cdk8s' },
      });
      this.charts.set(layer, chart);
    }
    return chart;
  }

  get infrastructure(): Chart {
    return this.layer(Layer.INFRASTRUCTURE);
  }

  get apps(): Chart {
    return this.layer(Layer.APPS);
  }

  /**
   * Builds this platform's Flux entry point in the app's own tree, at `kustomization/<folder>`
   * (where its files go), for the layers that hold objects now; a second call replaces the first.
   * synthesize() calls it once every object exists, so its objects are collected and checked
   * like all others.
   */
  buildEntryPoint(): FluxEntryPoint {
    const scope = entryPointsScope(this.node.root);
    scope.node.tryRemoveChild(this.folder);
    const present = this.layers.filter(({ chart }) => chart.node.findAll().some(ApiObject.isApiObject));
    const releases = present.flatMap(({ chart }) =>
      chart.node
        .findAll()
        .filter(ApiObject.isApiObject)
        .filter((o) => o.kind === 'HelmRelease')
        .map((o) => o.name),
    );
    this.flux = new FluxEntryPoint(scope, this.folder, {
      platform: this.name,
      folder: this.folder,
      layers: present.map(({ layer }) => layer),
      releases,
      alerts: this.alerts,
    });
    return this.flux;
  }

  /** The entry point built by buildEntryPoint(), if any. */
  get entryPoint(): FluxEntryPoint | undefined {
    return this.flux;
  }

  /** Layers that have a chart, in apply order. */
  get layers(): { layer: Layer; chart: Chart }[] {
    return [...this.charts].map(([layer, chart]) => ({ layer, chart })).sort((a, b) => a.layer.order - b.layer.order);
  }
}

/** The construct every platform's entry point hangs under: one per app, named like the folder it fills. */
class EntryPoints extends CheckedConstruct {}

function entryPointsScope(root: Construct): EntryPoints {
  const found = root.node.tryFindChild(ENTRY_POINTS_PATH);
  if (found instanceof EntryPoints) return found;
  if (found) {
    new Site(found.node.path)
      .at('id')
      .fail(ENTRY_POINTS_PATH, 'is reserved for the Flux entry points', `give the construct another id than "${ENTRY_POINTS_PATH}"`);
  }
  return new EntryPoints(root, ENTRY_POINTS_PATH);
}
