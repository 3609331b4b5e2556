import { Site } from './errors';

/**
 * Shape checks for props that arrive untyped (from JavaScript, JSON or YAML-minded configs): a
 * list that is not a list, or an entry that is not an object, is refused by field here instead
 * of failing later as a TypeError deep inside a construct.
 */
export function checkList<T>(site: Site, value: readonly T[] | undefined, required = true): readonly T[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) site.fail(value, 'must be a list', 'write it as an array, e.g. [ ... ]');
  return value;
}

/** A list whose entries are objects (`{ ... }`), such as routes, rules or secrets. */
export function checkListOfObjects<T>(site: Site, value: readonly T[] | undefined, required = true): readonly T[] {
  const list = checkList(site, value, required);
  list.forEach((entry, i) => checkObject(site.at(i), entry));
  return list;
}

/** An object (`{ ... }`), not null, a list or a scalar. */
export function checkObject<T>(site: Site, value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    site.fail(value, 'must be an object', 'write it as { ... } with the documented fields');
  return value;
}

/** A list of strings, such as verbs or resources. */
export function checkStrings(site: Site, value: readonly string[] | undefined, required = true): readonly string[] {
  const list = checkList(site, value, required);
  list.forEach((entry, i) => {
    if (typeof entry !== 'string') site.at(i).fail(entry, 'must be a string', 'write each entry as text');
  });
  return list;
}
