import { Manifest } from '../../core/manifest';
import { crdValidators } from './crd-schemas';
import { trackFields } from './field-tracker';
import { modelSchema } from './model-registry';
import { schemaErrors, unknownFieldError } from './schema-errors';

export interface SchemaValidation {
  /** Objects checked against a schema, by schema source (package name or "CRD <name>"). */
  readonly validated: ReadonlyMap<string, number>;
  readonly validatedCount: number;
  /** Objects whose kind no known schema describes: listed in the report, never silently passed. */
  readonly unvalidated: readonly Manifest[];
  readonly errors: readonly Error[];
}

/**
 * Every object against its schema, unknown fields rejected: custom resources against a CRD the
 * same platform synthesizes, everything else against its kubernetes-models package.
 */
export function validateSchemas(manifests: readonly Manifest[]): SchemaValidation {
  const crds = manifests.filter((m) => m.kind === 'CustomResourceDefinition');
  const fromCrds = crdValidators(crds.map((m) => m.object));
  const crdNames = new Map(crds.map((m) => [`${m.object.spec?.group}/${m.object.spec?.names?.kind}`, m.name]));
  const validated = new Map<string, number>();
  const unvalidated: Manifest[] = [];
  const errors: Error[] = [];
  for (const m of manifests) {
    const crdValidator = fromCrds.get(`${m.apiVersion}/${m.kind}`);
    if (crdValidator) {
      const source = `CRD ${crdNames.get(`${m.apiVersion.split('/')[0]}/${m.kind}`)}`;
      if (!crdValidator(m.object)) errors.push(...schemaErrors(m, crdValidator.errors ?? [], source));
      validated.set(source, (validated.get(source) ?? 0) + 1);
      continue;
    }
    const model = modelSchema(m.apiVersion, m.kind);
    if (!model) {
      unvalidated.push(m);
      continue;
    }
    const tracked = trackFields(m.object);
    errors.push(...schemaErrors(m, model.validate(tracked.proxy), model.source));
    const unknown = tracked.unknownFields().filter((segments) => !isSchemaExtension(m, segments));
    errors.push(...unknown.map((segments) => unknownFieldError(m, segments, model.source)));
    validated.set(model.source, (validated.get(model.source) ?? 0) + 1);
  }
  return { validated, validatedCount: manifests.length - unvalidated.length, unvalidated, errors };
}

/**
 * kubernetes-models' JSONSchemaProps does not read the `x-kubernetes-*` extensions, which are
 * fields of a CRD's schema in the 1.28 API (the strict check in .ci/run covers them).
 */
function isSchemaExtension(m: Manifest, segments: readonly string[]): boolean {
  return m.kind === 'CustomResourceDefinition' && segments[segments.length - 1].startsWith('x-kubernetes-');
}
