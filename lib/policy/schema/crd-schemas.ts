import Ajv from 'ajv';
import { Site, ValidationError } from '../../core/errors';
import { checkSchemaTypes, checkVersionName } from '../../crds/crd-version-checks';
import { Manifest } from '../../core/manifest';
import { AJV_OPTIONS, strictOpenApi } from './strict-openapi';
import { CompiledValidator } from './schema-registry';

/** A CRD's schemas by `<group>/<version>/<kind>`, compiled strictly, with the CRD that defines each. */
export interface CrdValidators {
  readonly validators: Map<string, { readonly source: string; readonly validate: CompiledValidator }>;
  /** One per schema that does not compile (a misspelled type, a bad pattern): named, never thrown. */
  readonly errors: readonly ValidationError[];
}

/**
 * Validators for every version of the given CustomResourceDefinition objects. A platform that
 * defines its own CRD gets its custom resources checked against it without any registration.
 */
export function crdValidators(crds: readonly Manifest[]): CrdValidators {
  const ajv = new Ajv(AJV_OPTIONS);
  const validators: CrdValidators['validators'] = new Map();
  const errors: ValidationError[] = [];
  for (const crd of crds) {
    const { group, names, versions } = crd.object.spec ?? {};
    (versions ?? []).forEach((version: Record<string, any>, i: number) => {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) return;
      const site = new Site(crd.path, `spec.versions[${i}].schema.openAPIV3Schema`);
      try {
        // The same rules as the CustomResourceDefinition construct, for CRDs written as L1 objects.
        checkVersionName(new Site(crd.path, `spec.versions[${i}].name`), version.name);
        checkSchemaTypes(site, schema);
        const validate = ajv.compile(strictOpenApi(withObjectRoot(schema))) as CompiledValidator;
        validators.set(`${group}/${version.name}/${names?.kind}`, { source: `CRD ${crd.name}`, validate });
      } catch (error) {
        if (error instanceof ValidationError) {
          errors.push(error);
          return;
        }
        errors.push(
          new ValidationError({
            path: crd.path,
            field: site.field,
            value: version.name,
            problem: `does not compile as a JSON schema: ${compileProblem(error as Error)}`,
            fix: 'write the schema in OpenAPI v3 (types: object, array, string, integer, number, boolean; patterns as regular expressions)',
          }),
        );
      }
    });
  }
  return { validators, errors };
}

/** ajv's reason, without its stack or the schema it was given. */
function compileProblem(error: Error): string {
  return error.message.replace(/^schema is invalid: /, '').split(/\n|, data\//)[0];
}

/** Every custom resource has apiVersion, kind and metadata, whether its schema lists them or not. */
export function withObjectRoot(schema: Record<string, any>): Record<string, any> {
  return { ...schema, properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...schema.properties } };
}
