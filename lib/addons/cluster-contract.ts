import { KubernetesVersions } from '../core/kubernetes-version';
import { AddonInputs } from './addon-definition';
import { ControlPlane } from './control-plane';
import { LoadBalancerImplementation } from './load-balancer-implementation';

/** An add-on the cluster already runs (k3s's Traefik, a managed cloud add-on): never installed by the build. */
export interface ProvidedAddon {
  /** The add-on's name: one of the build's (then its kinds and objects come along) or any other. */
  readonly addon: string;
  /** Why the cluster has it, e.g. "k3s ships Traefik in kube-system". */
  readonly reason: string;
  /** Custom resource kinds it defines, as `<group>/<Kind>` (beyond a known add-on's). */
  readonly kinds?: readonly string[];
  /** Objects it creates that the build references, as `<Kind>/<name>`, e.g. `StorageClass/managed-csi`. */
  readonly objects?: readonly string[];
  /** Aggregated API groups it serves (beyond a known add-on's), e.g. `custom.metrics.k8s.io`. */
  readonly apis?: readonly string[];
}

/** An object the build references but does not make, created outside Git (a credentials Secret made at bootstrap). */
export interface ExternalPrerequisite {
  readonly kind: string;
  readonly name: string;
  /** For a namespaced kind. */
  readonly namespace?: string;
  /** Who creates it and when. */
  readonly reason: string;
}

/** What a platform's cluster provides, and what its add-ons are told: a platform input. */
export interface ClusterContract {
  /**
   * The Kubernetes version the cluster runs, or the versions the platform must work on (a cluster
   * being upgraded, developers' machines on different versions). Every object is validated at each
   * of them, and the add-on charts and the Flux version are chosen to support all of them.
   * @default KubernetesVersions.DEFAULT: 1.28, the API of the constructs (cdk8s-plus-28)
   */
  readonly kubernetes?: KubernetesVersions;
  readonly provided?: readonly ProvidedAddon[];
  readonly prerequisites?: readonly ExternalPrerequisite[];
  readonly inputs?: AddonInputs;
  /** Who runs the control plane; a managed one refuses what needs control-plane nodes or etcd. @default self-managed */
  readonly controlPlane?: ControlPlane;
  /** What serves LoadBalancer Services; a build with one and nothing declared here is refused. @default none declared */
  readonly loadBalancer?: LoadBalancerImplementation;
}
