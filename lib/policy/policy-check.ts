import { Manifest } from '../core/manifest';
import { Environment } from '../core/environment';
import { KubernetesVersions } from '../core/kubernetes-version';
import { NodePools } from '../placement/node-pool';
import { PolicyRule } from '../core/exceptions';
import { ExternalPrerequisite } from '../addons/cluster-contract';
import { AddonPlan } from '../addons/install-addons';

/** One broken rule on one object; the runner turns it into a ValidationError or an excused finding. */
export interface Finding {
  readonly field: string;
  readonly value: unknown;
  readonly problem: string;
  readonly fix: string;
  /** False when a declared exception must not lift it. @default true */
  readonly excusable?: boolean;
}

/** What a build's cluster brings besides its objects: the add-ons installed or provided, and what exists outside Git. */
export interface BuildCluster {
  readonly addons: AddonPlan;
  readonly prerequisites: readonly ExternalPrerequisite[];
}

/**
 * What the checks look at: one build's objects and the cluster they are for. Plain data, so the
 * checks know nothing of how a platform is put together (lib/output builds this from a Platform).
 */
export interface PolicyInput {
  /** Platform id, for messages and the report. */
  readonly name: string;
  readonly environment: Environment;
  /**
   * The cluster's node pools: every pod must land on one of them.
   * @default unknown: placement and pool capacity are not checked (objects outside a platform build)
   */
  readonly pools?: NodePools;
  readonly manifests: readonly Manifest[];
  /**
   * The Kubernetes versions the build's cluster runs: objects are validated at each.
   * @default KubernetesVersions.DEFAULT (1.28)
   */
  readonly kubernetes?: KubernetesVersions;
  /**
   * The add-ons and prerequisites of the build's cluster, for the whole-build closure check.
   * @default the closure is not checked (objects checked outside a platform build)
   */
  readonly cluster?: BuildCluster;
}

/** What a check may look at besides the object itself: the rest of its build. */
export type PolicyContext = PolicyInput;

/** One rule: which objects it looks at, and what it finds wrong with one of them. */
export interface PolicyCheck {
  readonly rule: PolicyRule;
  /**
   * Called once per synth with every build before any object is checked: a rule that asks
   * something outside the process (the secret scanner) asks once for all builds, not per build.
   */
  prepare?(builds: readonly PolicyContext[]): void;
  appliesTo(m: Manifest, context: PolicyContext): boolean;
  check(m: Manifest, context: PolicyContext): Finding[];
}
