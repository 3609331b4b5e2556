import { dataBearingReason } from './data-bearing';
import { destructiveReasons } from './destructive-changes';
import { DistObject, objectsOfTree, platformsOfTree } from '../output/dist-objects';
import { FieldChange, fieldChanges } from './field-diff';

/** One object added, removed or changed between two dist/ trees. */
export interface ObjectChange {
  readonly type: 'added' | 'removed' | 'changed';
  readonly object: DistObject;
  /** The changed fields (changed objects only). */
  readonly fields: readonly FieldChange[];
  /** Why the change destroys something (a removed claim, an immutable field, ...); empty if it does not. */
  readonly destructive: readonly string[];
}

/** A platform's changes: destructive ones first, then removed, changed, added, each by identity. */
export interface PlatformChanges {
  readonly platform: string;
  readonly changes: readonly ObjectChange[];
}

const ORDER = { removed: 0, changed: 1, added: 2 };

/**
 * The object-level difference between two dist/ trees (relative path -> content), per platform
 * folder present in either. Objects are matched by identity (platform, kind, namespace, name),
 * so a renamed namespace shows as its objects removed and added elsewhere. Metadata the synth
 * writes into the file header (the construct path) is not an object field and is ignored.
 */
export function diffTrees(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): PlatformChanges[] {
  // Only files whose text changed are parsed: an identical file holds the object the synth laid out there.
  const [old, next] = [objectsOfTree(before, after), objectsOfTree(after)];
  const platforms = [...new Set([...platformsOfTree(before), ...platformsOfTree(after)])].sort();
  return platforms.map((platform) => {
    const changes: ObjectChange[] = [];
    for (const o of old.values()) {
      if (o.platform !== platform) continue;
      const now = next.get(o.id);
      if (!now) {
        const reason = dataBearingReason(o, old.values());
        changes.push({ type: 'removed', object: o, fields: [], destructive: reason ? [`removes ${reason}`] : [] });
        continue;
      }
      if (o === now) continue; // the same file: unchanged
      const fields = fieldChanges(o.object, asWritten(now.object));
      if (fields.length > 0) changes.push({ type: 'changed', object: now, fields, destructive: destructiveReasons(now, fields) });
    }
    for (const o of next.values()) {
      if (o.platform === platform && !old.has(o.id)) changes.push({ type: 'added', object: o, fields: [], destructive: [] });
    }
    changes.sort(
      (a, b) =>
        Number(b.destructive.length > 0) - Number(a.destructive.length > 0) ||
        ORDER[a.type] - ORDER[b.type] ||
        a.object.id.localeCompare(b.object.id),
    );
    return { platform, changes };
  });
}

/** An object as its file reads back (what YAML keeps of it: no undefined fields), to compare with a parsed one. */
function asWritten(object: Record<string, any>): Record<string, any> {
  return JSON.parse(JSON.stringify(object));
}

/** True when any platform has any change. */
export function anyChange(platforms: readonly PlatformChanges[]): boolean {
  return platforms.some((p) => p.changes.length > 0);
}
