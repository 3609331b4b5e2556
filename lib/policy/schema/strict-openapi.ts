/**
 * A Kubernetes OpenAPI schema (the `definitions` of the API, or a CRD's openAPIV3Schema) turned
 * into a JSON Schema ajv can check strictly, the way the API server prunes and kubeconform
 * -strict reports: an object that lists its properties accepts no others, unless it says
 * `x-kubernetes-preserve-unknown-fields`. Pure: returns a new schema.
 */
export function strictOpenApi(schema: any): any {
  if (Array.isArray(schema)) return schema.map(strictOpenApi);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'definitions' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, strictOpenApi(v)]));
    } else if (SUBSCHEMA_KEYS.has(key)) {
      out[key] = strictOpenApi(value);
    } else if (key !== 'default' && key !== 'example') {
      out[key] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (schema['x-kubernetes-embedded-resource'] && out.properties) {
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...out.properties };
  }
  if (out.properties && out.additionalProperties === undefined && !schema['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

const SUBSCHEMA_KEYS = new Set(['items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'not']);

/** The options every strict check uses: Kubernetes extensions are ignored, formats not judged. */
export const AJV_OPTIONS = { strict: false, allErrors: true, validateFormats: false, logger: false } as const;
