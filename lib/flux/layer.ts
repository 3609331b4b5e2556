/**
 * A dist/ folder of one platform, reconciled as one unit. Layers apply in order: the cluster
 * add-ons (controllers, as HelmReleases) before everything, since they define the kinds the
 * others use; CRDs before the objects that use them; infrastructure (namespaces, issuers,
 * storage classes) before apps.
 */
export class Layer {
  static readonly CONTROLLERS = new Layer('controllers', -1);
  static readonly CRDS = new Layer('crds', 0);
  static readonly INFRASTRUCTURE = new Layer('infrastructure', 1);
  static readonly APPS = new Layer('apps', 2);
  private constructor(
    readonly name: string,
    readonly order: number,
  ) {}
}
