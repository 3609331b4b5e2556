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
    } else if (key === 'pattern' && typeof value === 'string') {
      out[key] = goPatternToJs(value);
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

/**
 * CRD patterns are Go (RE2) expressions; JavaScript has no inline `(?i)` flag (the Prometheus
 * Operator CRD uses one), so a case-insensitive pattern spells each letter as [xX] instead.
 */
export function goPatternToJs(pattern: string): string {
  if (!pattern.includes('(?i)')) return pattern;
  const source = pattern.split('(?i)').join('');
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (c === '[') {
      // A class gets its letters again in upper case: [a-z0-9] -> [a-z0-9A-Z0-9].
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      const content = source.slice(i + 1, j);
      const upper = content.replace(/^\^/, '').replace(/\\./g, '').toUpperCase();
      out += `[${content}${upper === content.replace(/^\^/, '') ? '' : upper}]`;
      i = j;
    } else if (/[a-zA-Z]/.test(c)) {
      out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else {
      out += c;
    }
  }
  return out;
}

const SUBSCHEMA_KEYS = new Set(['items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'not']);

/** The options every strict check uses: Kubernetes extensions are ignored, formats not judged. */
export const AJV_OPTIONS = { strict: false, allErrors: true, validateFormats: false, logger: false } as const;
