import Ajv from 'ajv';
import { AJV_OPTIONS, strictOpenApi } from './strict-openapi';
import { CompiledValidator } from './model-registry';

/** A CRD's schemas by `<group>/<version>/<kind>`, compiled strictly. */
export type CrdValidators = Map<string, CompiledValidator>;

/**
 * Validators for every version of the given CustomResourceDefinition objects. A platform that
 * defines its own CRD gets its custom resources checked against it without any registration.
 */
export function crdValidators(crds: readonly Record<string, any>[]): CrdValidators {
  const ajv = new Ajv(AJV_OPTIONS);
  const validators: CrdValidators = new Map();
  for (const crd of crds) {
    const { group, names, versions } = crd.spec ?? {};
    for (const version of versions ?? []) {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) continue;
      validators.set(`${group}/${version.name}/${names?.kind}`, ajv.compile(strictOpenApi(withObjectRoot(schema))) as CompiledValidator);
    }
  }
  return validators;
}

/** Every custom resource has apiVersion, kind and metadata, whether its schema lists them or not. */
export function withObjectRoot(schema: Record<string, any>): Record<string, any> {
  return { ...schema, properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...schema.properties } };
}
