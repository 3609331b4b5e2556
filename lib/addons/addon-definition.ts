import { AddonName, AddonNeed } from '../core/addon-needs';
import { Site } from '../core/errors';
import { ChartRelease } from './chart-release';
import { AddonInstaller } from './helm-release';

/** What the cluster tells the add-ons it installs: cloud account facts a chart needs. */
export interface AddonInputs {
  /** An EKS cluster: the autoscaler discovers its node groups, the EBS driver and the autoscaler assume these IAM roles (IRSA). */
  readonly aws?: { readonly clusterName: string; readonly region: string; readonly ebsCsiRoleArn: string; readonly autoscalerRoleArn: string };
  /**
   * The GPU nodes' image ships the NVIDIA driver and container toolkit (EKS GPU AMIs), so the GPU operator does not install them.
   * @default what the cluster's control plane implies (true for ControlPlane.eks()), else false
   */
  readonly gpuDriverOnNodes?: boolean;
}

/** One add-on the build knows: the kinds and named objects it brings, and how to install it (absent: only a cluster can provide it). */
export interface AddonDefinition {
  readonly name: AddonName;
  /** What the build installs, for the README: what it is and where it runs (the chart release is added to it). */
  readonly summary: string;
  /** Its chart (or charts, installed at one version) by name, for the README: "cert-manager". */
  readonly chart?: string;
  /**
   * The releases of its chart the build may install, oldest first, each with the Kubernetes versions
   * it supports (cited in the add-on's file): the build installs the newest that supports every
   * version of the platform. Absent for an add-on only a cluster can provide.
   */
  readonly releases?: readonly ChartRelease[];
  /** Custom resource kinds it defines, as `<group>/<Kind>`. */
  readonly kinds: readonly string[];
  /** Objects it creates that the build's objects may reference, as `<Kind>/<name>`. */
  readonly objects?: readonly string[];
  /** Aggregated API groups it serves, which objects read at run time (metrics.k8s.io for HPAs on resource metrics). @default none */
  readonly apis?: readonly string[];
  install?(installer: AddonInstaller, need: AddonNeed, inputs: AddonInputs, release: ChartRelease): void;
}

/** The cluster's AWS inputs, which `addon` cannot be installed without; refused with the build's path when the platform did not give them. */
export function awsInputs(installer: AddonInstaller, addon: string, inputs: AddonInputs): NonNullable<AddonInputs['aws']> {
  return (
    inputs.aws ??
    new Site(installer.node.path)
      .at('cluster.inputs.aws')
      .fail(
        undefined,
        `must be given: the build installs ${addon}, which cannot run without it`,
        "give the cluster's AWS inputs: aws: { clusterName, region, ebsCsiRoleArn, autoscalerRoleArn }",
      )
  );
}
