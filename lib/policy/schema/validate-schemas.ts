import { KubernetesVersions } from '../../core/kubernetes-version';
import { ValidationError } from '../../core/errors';
import { Manifest } from '../../core/manifest';
import { crdValidators } from './crd-schemas';
import { notServed } from './served-api-versions';
import { AjvLikeError, KnownSchema, kubernetesSchema, pinnedCrdSchema } from './schema-registry';
import { schemaErrors } from './schema-errors';

export interface SchemaValidation {
  /** Validations per schema source ("k8s-1.28" or "CRD <name>"): an object is validated once per Kubernetes version of its build. */
  readonly validated: ReadonlyMap<string, number>;
  /** Objects validated against at least one schema. */
  readonly validatedCount: number;
  /** Objects whose kind no known schema describes: listed in the report, never silently passed. */
  readonly unvalidated: readonly Manifest[];
  readonly errors: readonly Error[];
}

export interface SchemaValidationOptions {
  /** CRDs beyond the ones the objects define (CI adds ../shared/crds); the pinned ones are built in. */
  readonly extraCrds?: readonly Manifest[];
  /**
   * The Kubernetes versions the objects must be valid at: each built-in object is validated at
   * every one of them.
   * @default KubernetesVersions.DEFAULT (1.28)
   */
  readonly kubernetes?: KubernetesVersions;
}

/**
 * Every object against its schema, the way the API server of each Kubernetes version of the build
 * would take it (unknown fields, wrong types, missing required fields): a custom resource against
 * a CRD among the objects (a platform's own), else against a CRD pinned in cdk8s.yaml, else
 * against every version of `kubernetes`. An API version one of those versions does not serve
 * (removed, or not served yet) is refused with the versions that do and the one to use. The synth
 * and CI (scripts/validate-dist.mjs) both run this.
 */
export function validateSchemas(manifests: readonly Manifest[], options: SchemaValidationOptions = {}): SchemaValidation {
  const range = options.kubernetes ?? KubernetesVersions.DEFAULT;
  const versions = range.versions();
  const defined = manifests.filter((m) => m.kind === 'CustomResourceDefinition');
  const fromCrds = crdValidators([...defined, ...(options.extraCrds ?? [])]);
  const validated = new Map<string, number>();
  const count = (source: string) => validated.set(source, (validated.get(source) ?? 0) + 1);
  const unvalidated: Manifest[] = [];
  const errors: Error[] = [...fromCrds.errors];
  let validatedCount = 0;
  for (const m of manifests) {
    // A custom resource has one schema whatever the Kubernetes version: its CRD's.
    const own = fromCrds.validators.get(`${m.apiVersion}/${m.kind}`) ?? pinnedCrdSchema(m.apiVersion, m.kind);
    if (own) {
      validatedCount++;
      count(own.source);
      if (!own.validate(m.object)) errors.push(...schemaErrors(m, own.validate.errors ?? [], own.source));
      continue;
    }
    const missing = notServed(m.apiVersion, m.kind, range);
    if (missing) {
      errors.push(notServedError(m, missing));
      continue;
    }
    const schemas = versions.map((v) => kubernetesSchema(m.apiVersion, m.kind, v)).filter((s): s is KnownSchema => s !== undefined);
    if (schemas.length === 0) {
      unvalidated.push(m);
      continue;
    }
    validatedCount++;
    errors.push(...errorsAtEvery(m, schemas, count));
  }
  return { validated, validatedCount, unvalidated, errors };
}

/** The object at the schema of each version; a problem several versions share is one error naming them all. */
function errorsAtEvery(m: Manifest, schemas: readonly KnownSchema[], count: (source: string) => void): Error[] {
  const found = new Map<string, { error: AjvLikeError; sources: string[] }>();
  for (const schema of schemas) {
    count(schema.source);
    if (schema.validate(m.object)) continue;
    for (const error of schema.validate.errors ?? []) {
      const key = JSON.stringify([error.instancePath, error.keyword, error.params]);
      const seen = found.get(key) ?? { error, sources: [] };
      seen.sources.push(schema.source);
      found.set(key, seen);
    }
  }
  const bySources = new Map<string, AjvLikeError[]>();
  for (const { error, sources } of found.values()) bySources.set(sources.join(', '), [...(bySources.get(sources.join(', ')) ?? []), error]);
  return [...bySources].flatMap(([sources, errs]) => schemaErrors(m, errs, sources));
}

function notServedError(m: Manifest, missing: ReturnType<typeof notServed> & object): ValidationError {
  const fix = missing.use
    ? `use apiVersion ${missing.use}`
    : missing.servedFrom
      ? `run the platform on Kubernetes ${missing.servedFrom} or later (its cluster.kubernetes), or write the object with an apiVersion its versions serve`
      : missing.gone
        ? `remove the ${m.kind}: Kubernetes has no successor for it`
        : `remove the ${m.kind}: Kubernetes ${String(missing.versions)} serves no version of it`;
  return new ValidationError({
    path: m.path,
    field: 'apiVersion',
    value: m.apiVersion,
    problem: `is not served by Kubernetes ${String(missing.versions)}: ${m.apiVersion} ${m.kind} ${missing.why}`,
    fix,
  });
}
