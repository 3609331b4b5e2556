import { parseQuantity } from '../core/quantity';
import { declaredReplacement } from '../core/replacement';
import { DistObject } from '../output/dist-objects';
import { FieldChange } from './field-diff';

/**
 * Fields the API server refuses to change in place, by kind: a change means delete and recreate
 * (and for a StatefulSet's claim templates, new empty claims). Paths are field-diff paths.
 */
export const IMMUTABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec.selector'],
  ReplicaSet: ['spec.selector'],
  DaemonSet: ['spec.selector'],
  StatefulSet: ['spec.selector', 'spec.volumeClaimTemplates', 'spec.serviceName'],
  Service: ['spec.clusterIP'],
  Job: ['spec.selector', 'spec.template'],
  PersistentVolumeClaim: ['spec.storageClassName', 'spec.accessModes', 'spec.volumeName'],
};

/** Images whose major version changes the on-disk format: the server will not start on old data. */
const DATABASE_IMAGE = /(^|\/)(postgres|postgresql|postgis|mysql|mariadb|mongo|mongodb|redis|valkey|etcd|cockroach|timescaledb)(:|@|$)/;

/**
 * Why the changes `fields` made to `after` destroy something, by the changed fields; empty if it
 * does not. An immutable change on an object that declares its replacement (declareReplacement)
 * says so, with the declared reason: Flux deletes and recreates that object.
 */
export function destructiveReasons(after: DistObject, fields: readonly FieldChange[]): string[] {
  const reasons: string[] = [];
  const immutable = IMMUTABLE_FIELDS[after.kind] ?? [];
  const touched = immutable.filter((prefix) => fields.some((f) => f.path === prefix || f.path.startsWith(`${prefix}.`)));
  const replacement = declaredReplacement(after.object);
  for (const prefix of touched) {
    reasons.push(
      replacement === undefined
        ? `immutable field ${prefix} changed: the object must be deleted and recreated`
        : `immutable field ${prefix} changed: Flux deletes and recreates the object (declared replacement: ${replacement})`,
    );
  }
  for (const f of fields) {
    const claim = storageShrink(f);
    if (claim) reasons.push(claim);
    const major = databaseMajorChange(f);
    if (major) reasons.push(major);
  }
  return reasons;
}

/** A claim (or claim template) whose requested storage falls. */
function storageShrink(f: FieldChange): string | undefined {
  if (!f.path.endsWith('resources.requests.storage') || typeof f.before !== 'string' || typeof f.after !== 'string') return undefined;
  const [from, to] = [parseQuantity(f.before), parseQuantity(f.after)];
  if (from === undefined || to === undefined || to >= from) return undefined;
  return `claim shrinks from ${f.before} to ${f.after} at ${f.path}: volumes cannot shrink`;
}

/** A database image whose major version changes. */
function databaseMajorChange(f: FieldChange): string | undefined {
  if (!f.path.endsWith('.image') || typeof f.before !== 'string' || typeof f.after !== 'string') return undefined;
  const [from, to] = [imageVersion(f.before), imageVersion(f.after)];
  if (!from || !to || from.repository !== to.repository || !DATABASE_IMAGE.test(from.repository) || from.major === to.major) return undefined;
  return `database image ${from.repository} changes major version ${from.major} -> ${to.major}: the data needs an upgrade step`;
}

function imageVersion(image: string): { repository: string; major: string } | undefined {
  const match = /^(.*?):v?(\d+)[^@/]*(@.*)?$/.exec(image);
  return match ? { repository: match[1], major: match[2] } : undefined;
}
