import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Site } from './errors';
import { isRealReason } from './reasons';

/**
 * The annotation that lists values declared not to be secrets, as JSON `{ field: reason }`. The
 * no-secret-values rule has no exceptions; a value that only looks like a secret (a documented
 * example key, a public test fixture) is declared by field, next to it, and listed in the report.
 */
export const NOT_SECRET_ANNOTATION = 'policy.k8s-platforms.dev/not-secret';

/**
 * Declares that the string at `field` of one object made by `scope` (the field a refusal names,
 * e.g. `spec.template.spec.containers[0].env[0].value`) is not a secret, and why.
 */
export function declareNotSecret(scope: IConstruct, field: string, reason: string): void {
  const site = new Site(scope.node.path, 'notSecret');
  if (!isRealReason(reason)) {
    site.at('reason').fail(reason, 'must say in at least 10 characters why the value is not a secret', 'write the reason a reviewer needs');
  }
  const owners = scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && typeof valueAt(c.toJson(), field) === 'string');
  if (owners.length !== 1) {
    site
      .at('field')
      .fail(
        field,
        owners.length === 0 ? 'names no string field of an object made here' : `names a field of ${owners.length} objects made here`,
        'copy the field from the refusal, and pass the construct that makes the one object',
      );
  }
  const declared = declaredNotSecrets(owners[0].toJson());
  declared.set(field, reason);
  owners[0].metadata.addAnnotation(NOT_SECRET_ANNOTATION, JSON.stringify(Object.fromEntries(declared)));
}

/** The values an object declares not to be secrets: field -> reason. */
export function declaredNotSecrets(object: Record<string, any>): Map<string, string> {
  const raw = object.metadata?.annotations?.[NOT_SECRET_ANNOTATION];
  if (typeof raw !== 'string') return new Map();
  try {
    return new Map(Object.entries<string>(JSON.parse(raw)));
  } catch {
    return new Map([['(annotation)', '']]); // not JSON: the check reports it as an unused declaration
  }
}

/**
 * The value at a field path such as `data.app.properties` or `spec.containers[0].args[1]`. Keys
 * may contain dots, so each step takes the shortest run of dotted parts the object has as a key.
 */
export function valueAt(root: unknown, field: string): unknown {
  const parts = field.split('.').flatMap((p) => p.split(/(?=\[\d+\])/));
  let node: any = root;
  for (let i = 0; i < parts.length && node !== undefined; i++) {
    const index = /^\[(\d+)\]$/.exec(parts[i]);
    if (index) {
      node = Array.isArray(node) ? node[Number(index[1])] : undefined;
      continue;
    }
    if (node === null || typeof node !== 'object') return undefined;
    let key = parts[i];
    while (!(key in node) && i + 1 < parts.length && !/^\[/.test(parts[i + 1])) key = `${key}.${parts[++i]}`;
    node = node[key];
  }
  return node;
}
