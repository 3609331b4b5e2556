import { ValidationError } from '../../core/errors';
import { Manifest } from '../../core/manifest';
import { AjvLikeError } from './schema-registry';

/** `/spec/containers/0/image` -> ["spec", "containers", "0", "image"] */
export function pointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ["spec", "containers", "0", "image"] -> `spec.containers[0].image` */
export function fieldName(segments: readonly string[]): string {
  return segments.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), '') || '(object)';
}

function valueAt(object: unknown, segments: readonly string[]): unknown {
  return segments.reduce<any>((node, key) => node?.[key], object);
}

/** A field the schema does not know, named the way every other error in the project is. */
function unknownFieldError(m: Manifest, segments: readonly string[], source: string): ValidationError {
  return new ValidationError({
    path: m.path,
    field: fieldName(segments),
    value: valueAt(m.object, segments),
    problem: `is not a field of ${m.apiVersion} ${m.kind} (schema: ${source})`,
    fix: 'remove it, or correct its name',
  });
}

/**
 * ajv errors as project errors, one per field. The alternatives of an int-or-string or a oneOf
 * are folded into one message ("must be integer or string").
 */
export function schemaErrors(m: Manifest, errors: readonly AjvLikeError[], source: string): ValidationError[] {
  const byField = new Map<string, AjvLikeError[]>();
  for (const e of errors) {
    const segments = pointerSegments(e.instancePath);
    if (e.keyword === 'required') segments.push(e.params.missingProperty);
    if (e.keyword === 'additionalProperties') segments.push(e.params.additionalProperty);
    const key = JSON.stringify(segments);
    byField.set(key, [...(byField.get(key) ?? []), e]);
  }
  return [...byField].map(([key, found]) => {
    const segments: string[] = JSON.parse(key);
    if (found.some((e) => e.keyword === 'additionalProperties')) return unknownFieldError(m, segments, source);
    const alternatives = found.some((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
    const types = found.filter((e) => e.keyword === 'type').map((e) => e.params.type);
    const first = found[0];
    const problem =
      first.keyword === 'required'
        ? 'is required'
        : alternatives && types.length > 0
          ? `must be ${types.join(' or ')}`
          : first.keyword === 'enum'
            ? `must be one of ${first.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}`
            : (first.message ?? first.keyword);
    return new ValidationError({
      path: m.path,
      field: fieldName(segments),
      value: valueAt(m.object, segments),
      problem: `${problem} in ${m.apiVersion} ${m.kind} (schema: ${source})`,
      fix: 'write the field as the schema defines it',
    });
  });
}
