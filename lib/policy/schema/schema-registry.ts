/**
 * The schema of every kind each Kubernetes version of ../shared/schemas serves, and of every CRD
 * pinned in cdk8s.yaml: strict validators generated into lib/imports/schema-validators/ by `npm
 * run import` (the same files and the same strictness CI checks dist/ with, so synth and CI agree;
 * CI also checks the generated files are current). A version's files are loaded the first time a
 * build at that version is validated, so a synth loads only the versions its builds are at.
 */
import {
  kubernetesApi,
  kubernetesValidators,
  kubernetesVersions,
  pinnedCrdValidators,
  SchemaValidator,
  SchemaValidatorError,
} from '../../imports/schema-validators';
import { KubernetesVersion } from '../../core/kubernetes-version';

export type AjvLikeError = SchemaValidatorError;
export type CompiledValidator = SchemaValidator;

export interface KnownSchema {
  /** Where the schema came from, for messages and the report: "k8s-1.28" or "CRD <name>". */
  readonly source: string;
  readonly validate: CompiledValidator;
}

/** The Kubernetes versions the package has schemas for, oldest first ("1.28" ... "1.36"). */
export const SCHEMA_VERSIONS: readonly string[] = kubernetesVersions;

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The schema of apiVersion/kind from a pinned CRD, or undefined when no pinned CRD describes it. */
export function pinnedCrdSchema(apiVersion: string, kind: string): KnownSchema | undefined {
  const key = `${apiVersion}/${kind}`;
  const crds = pinnedCrdValidators();
  return has(crds.validators, key) ? { source: crds.sources[key], validate: crds.validators[key] } : undefined;
}

/** The schema of the built-in apiVersion/kind at one Kubernetes version, or undefined when that version does not serve it. */
export function kubernetesSchema(apiVersion: string, kind: string, version: KubernetesVersion): KnownSchema | undefined {
  const validators = kubernetesValidators(version.toString());
  const key = `${apiVersion}/${kind}`;
  return validators && has(validators, key) ? { source: `k8s-${String(version)}`, validate: validators[key] } : undefined;
}

/** The kinds Kubernetes itself (not a CRD) serves in an API group, in any version the schemas know. */
export function builtInKinds(group: string): ReadonlySet<string> {
  let kinds = builtInKindsByGroup.get(group);
  if (!kinds) {
    // The served table (40 KB) lists every version's kinds without loading any version's validators.
    kinds = new Set(
      Object.keys(kubernetesApi().served)
        .filter((key) => groupOfKey(key) === group)
        .map((key) => key.slice(key.lastIndexOf('/') + 1)),
    );
    builtInKindsByGroup.set(group, kinds);
  }
  return kinds;
}

const builtInKindsByGroup = new Map<string, ReadonlySet<string>>();

/** `apps/v1/Deployment` -> `apps`, `v1/Pod` -> `` (the core group). */
function groupOfKey(key: string): string {
  const parts = key.split('/');
  return parts.slice(0, -2).join('/');
}
