import { ApiObject } from 'cdk8s';
import { ValidationError } from '../core/errors';

/**
 * An object as it will be written (`written`, its `toJson()`), and as its props and JSON patches
 * said it (`given`). A generated L1 class (cdk8s-plus `k8s.Kube*`, the CRD classes of lib/imports)
 * keeps its typed props, renders and patches them with ApiObject's own toJson, and only then turns
 * them into the API's JSON field by field (`toJson_<Kind>Props`): what its type lacks is left out.
 * `given` is that first rendering, caught as the class's toJson makes it (its `super.toJson()`)
 * rather than made a second time, since rendering is most of what collecting objects costs.
 */
export function renderObject(obj: ApiObject): { readonly written: Record<string, any>; readonly given: Record<string, any> } {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the object it renders
  const render = ApiObject.prototype.toJson;
  let given: Record<string, any> | undefined;
  ApiObject.prototype.toJson = function (this: ApiObject) {
    const rendered = render.call(this);
    if (this === obj) given = rendered;
    return rendered;
  };
  try {
    const written = obj.toJson();
    return { written, given: given ?? written };
  } finally {
    ApiObject.prototype.toJson = render;
  }
}

/**
 * Fields the user wrote (props and patches, `given`) that will not be written (`written`): a field
 * the class's type does not have, or an IntOrString or Quantity given as a plain value where the
 * class expects its wrapper (`JsonPatch.replace('/spec/minAvailable', 2)`). Nothing said so before.
 */
export function droppedFieldErrors(path: string, className: string, given: Record<string, any>, written: Record<string, any>): ValidationError[] {
  if (given === written) return []; // a plain ApiObject writes what it was given
  return missing(given, written, '').map(
    ({ field, value }) =>
      new ValidationError({
        path,
        field,
        value,
        problem: `would not be written: ${className} has no such field, or takes its value in another form (an IntOrString or Quantity wrapper)`,
        fix: 'check the field name against the API reference; give numbers and quantities as k8s.IntOrString.fromNumber(...) / k8s.Quantity.fromString(...), or build the object as a plain ApiObject',
      }),
  );
}

/** The fields of `given` that `written` lacks or holds with another value, with the value given. */
function missing(given: unknown, written: unknown, path: string): { field: string; value: unknown }[] {
  if (given === null || typeof given !== 'object') return given === written ? [] : [{ field: path, value: given }];
  if (Array.isArray(given)) {
    if (!Array.isArray(written)) return [{ field: path, value: given }];
    return given.flatMap((item, i) => missing(item, written[i], `${path}[${i}]`));
  }
  const keys = Object.keys(given);
  // An IntOrString or Quantity wrapper, written as its value.
  if (keys.length === 1 && keys[0] === 'value' && (given as any).value === written) return [];
  if (written === null || typeof written !== 'object' || Array.isArray(written)) return [{ field: path, value: given }];
  const found: { field: string; value: unknown }[] = [];
  for (const key of keys) {
    const match = key in written ? key : renamed(key, written);
    const child = path ? `${path}.${match ?? key}` : (match ?? key);
    if (match === undefined) found.push({ field: child, value: (given as any)[key] });
    else found.push(...missing((given as any)[key], (written as any)[match], child));
  }
  return found;
}

/** The key of `written` that spells `key` another way, if any. */
function renamed(key: string, written: object): string | undefined {
  const wanted = normalized(key);
  return Object.keys(written).find((k) => normalized(k) === wanted);
}

/** Props and JSON spell some names differently (`clusterIp` / `clusterIP`, `ref` / `$ref`). */
function normalized(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}
