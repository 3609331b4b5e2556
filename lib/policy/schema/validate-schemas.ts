import { ValidationError } from '../../core/errors';
import { Manifest } from '../../core/manifest';
import { crdValidators } from './crd-schemas';
import { removedApiVersion } from './removed-api-versions';
import { knownSchema } from './schema-registry';
import { schemaErrors } from './schema-errors';

export interface SchemaValidation {
  /** Objects checked against a schema, by schema source ("k8s-1.28" or "CRD <name>"). */
  readonly validated: ReadonlyMap<string, number>;
  readonly validatedCount: number;
  /** Objects whose kind no known schema describes: listed in the report, never silently passed. */
  readonly unvalidated: readonly Manifest[];
  readonly errors: readonly Error[];
}

export interface SchemaValidationOptions {
  /** CRDs beyond the ones the objects define (CI adds ../shared/crds); the pinned ones are built in. */
  readonly extraCrds?: readonly Manifest[];
}

/**
 * Every object against its schema, the way a 1.28 API server would take it (unknown fields,
 * wrong types, missing required fields): a custom resource against a CRD among the objects (a
 * platform's own), else against Kubernetes 1.28 or a CRD pinned in cdk8s.yaml. An API version
 * 1.28 no longer serves is refused with the one to use. The synth and CI (scripts/validate-dist.mjs)
 * both run this.
 */
export function validateSchemas(manifests: readonly Manifest[], options: SchemaValidationOptions = {}): SchemaValidation {
  const defined = manifests.filter((m) => m.kind === 'CustomResourceDefinition');
  const fromCrds = crdValidators([...defined, ...(options.extraCrds ?? [])]);
  const validated = new Map<string, number>();
  const unvalidated: Manifest[] = [];
  const errors: Error[] = [...fromCrds.errors];
  for (const m of manifests) {
    const removed = removedApiVersion(m.apiVersion, m.kind);
    if (removed) {
      errors.push(
        new ValidationError({
          path: m.path,
          field: 'apiVersion',
          value: m.apiVersion,
          problem: `is not served by Kubernetes 1.28: ${m.apiVersion} ${m.kind} was removed in ${removed.removedIn}`,
          fix: removed.use ? `use apiVersion ${removed.use}` : `remove the ${m.kind}: Kubernetes has no successor for it`,
        }),
      );
      continue;
    }
    const schema = fromCrds.validators.get(`${m.apiVersion}/${m.kind}`) ?? knownSchema(m.apiVersion, m.kind);
    if (!schema) {
      unvalidated.push(m);
      continue;
    }
    if (!schema.validate(m.object)) errors.push(...schemaErrors(m, schema.validate.errors ?? [], schema.source));
    validated.set(schema.source, (validated.get(schema.source) ?? 0) + 1);
  }
  const validatedCount = [...validated.values()].reduce((a, b) => a + b, 0);
  return { validated, validatedCount, unvalidated, errors };
}
