import { IConstruct } from 'constructs';

/**
 * A cluster add-on a construct cannot work without: a controller that defines the kinds it emits
 * or acts on the objects it writes. Constructs declare their needs where they are made
 * (needAddon); the platform build installs each needed add-on once (lib/addons), or finds it
 * declared as provided by the cluster.
 */
export type AddonNeed =
  | { readonly addon: 'cert-manager' }
  | { readonly addon: 'secrets-store-csi-azure' }
  | { readonly addon: 'ingress-nginx' }
  | { readonly addon: 'istio' }
  /** Installs the stack into `namespace`; its Prometheus selects monitors labelled `release: <releaseName>`. */
  | { readonly addon: 'prometheus-operator'; readonly namespace: string; readonly releaseName: string }
  | { readonly addon: 'snapshot-controller' }
  | { readonly addon: 'aws-ebs-csi-driver' }
  /** The device plugin reads its time-slicing ConfigMap `configMap` in the operator's namespace. */
  | { readonly addon: 'gpu-operator'; readonly configMap: string; readonly namespace: string }
  /** The metrics API (metrics.k8s.io) that HorizontalPodAutoscalers on CPU or memory read. */
  | { readonly addon: 'metrics-server' }
  /** Flags the autoscaler runs with (`--key=value`), from the build's typed settings. */
  | { readonly addon: 'cluster-autoscaler'; readonly extraArgs: Readonly<Record<string, string>> }
  /** Traefik as k3s ships it: only the cluster provides it. */
  | { readonly addon: 'traefik' }
  /** AKS's Application Gateway Ingress Controller: only the cluster provides it. */
  | { readonly addon: 'azure-application-gateway' }
  /** The AWS Load Balancer Controller, which reads a LoadBalancer Service's NLB annotations: the cluster provides it. */
  | { readonly addon: 'aws-load-balancer-controller' };

export type AddonName = AddonNeed['addon'];

const ADDON_NEED = 'k8s-platforms/addon-need';

/** Records that `scope` needs an add-on; the platform build reads it back with addonNeedsIn(). */
export function needAddon(scope: IConstruct, need: AddonNeed): void {
  scope.node.addMetadata(ADDON_NEED, need);
}

/** Every add-on need declared under `root`, with the path of the construct that declared it. */
export function addonNeedsIn(root: IConstruct): { readonly path: string; readonly need: AddonNeed }[] {
  return root.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === ADDON_NEED).map((m) => ({ path: c.node.path, need: m.data as AddonNeed })));
}
