import diff from 'microdiff';

/** One field that differs between two versions of an object; a path like `spec.containers.[name=app].image`. */
export interface FieldChange {
  readonly path: string;
  /** undefined when the field is new. */
  readonly before?: unknown;
  /** undefined when the field is gone. */
  readonly after?: unknown;
}

/**
 * The fields that differ between two objects. Lists whose items all have a name (containers,
 * ports, claim templates) are compared by name, so inserting an item reads as one added item,
 * not as every later item changed.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  return diff(keyed(before) as object, keyed(after) as object).map((d) => ({
    path: d.path.join('.'),
    ...(d.type === 'CREATE' ? {} : { before: d.oldValue }),
    ...(d.type === 'REMOVE' ? {} : { after: d.value }),
  }));
}

function keyed(value: unknown): unknown {
  if (Array.isArray(value)) {
    const named = value.length > 0 && value.every((x) => x && typeof x === 'object' && typeof (x.name ?? x.metadata?.name) === 'string');
    return named ? Object.fromEntries(value.map((x) => [`[name=${x.name ?? x.metadata.name}]`, keyed(x)])) : value.map(keyed);
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, keyed(x)]));
  return value;
}
