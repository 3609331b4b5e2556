/**
 * The schema of every kind Kubernetes 1.28 serves and of every CRD pinned in cdk8s.yaml: strict
 * validators generated into lib/imports/schema-validators.js by `npm run import` from
 * ../shared/schemas/k8s-1.28 and ../shared/crds (the same files and the same strictness
 * CI checks dist/ with, so synth and CI agree; CI also checks the generated file is current).
 */
import { sources, SchemaValidator, SchemaValidatorError, validators } from '../../imports/schema-validators';

export type AjvLikeError = SchemaValidatorError;
export type CompiledValidator = SchemaValidator;

export interface KnownSchema {
  /** Where the schema came from, for messages and the report: "k8s-1.28" or "CRD <name>". */
  readonly source: string;
  readonly validate: CompiledValidator;
}

/** The schema of apiVersion/kind, or undefined when neither Kubernetes 1.28 nor a pinned CRD describes it. */
export function knownSchema(apiVersion: string, kind: string): KnownSchema | undefined {
  const key = `${apiVersion}/${kind}`;
  if (!Object.prototype.hasOwnProperty.call(validators, key)) return undefined;
  return { source: sources[key], validate: validators[key] };
}

/** The kinds Kubernetes itself (not a CRD) serves in an API group, in any version the schemas know. */
export function builtInKinds(group: string): ReadonlySet<string> {
  let kinds = builtInKindsByGroup.get(group);
  if (!kinds) {
    kinds = new Set(
      Object.keys(validators)
        .filter((key) => !sources[key].startsWith('CRD ') && groupOfKey(key) === group)
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
