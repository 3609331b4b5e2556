import { KubernetesVersion, minorOf } from '../../core/kubernetes-version';
import { Manifest } from '../../core/manifest';
import { kubernetesApi, KubernetesFieldChange } from '../../imports/schema-validators';

let byKind: Map<string, KubernetesFieldChange[]> | undefined;
/** The field changes of kubernetes-api.js by kind, built on first use. */
function changesOf(kind: string): readonly KubernetesFieldChange[] {
  if (!byKind) {
    byKind = new Map();
    for (const change of kubernetesApi().changes) byKind.set(change.kind, [...(byKind.get(change.kind) ?? []), change]);
  }
  return byKind.get(kind) ?? [];
}

/** The values at a field path whose lists are `[]` and maps `{}` (every item, every entry). */
function valuesAt(value: unknown, field: string): unknown[] {
  let current: unknown[] = [value];
  for (const segment of field.split('.')) {
    const [name, ...rest] = segment.split(/(?=\[\]|\{\})/);
    current = current.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[name] : undefined));
    for (const each of rest) {
      current = current.flatMap((v) => (each === '[]' ? (Array.isArray(v) ? v : []) : v !== null && typeof v === 'object' ? Object.values(v) : []));
    }
    current = current.filter((v) => v !== undefined);
  }
  return current;
}

/**
 * What the Kubernetes versions after `from`, up to `to`, read differently in one object: fields it
 * sets that a version removes or retypes, and fields a version newly requires that it lacks.
 */
export function fieldFindings(m: Manifest, from: KubernetesVersion, to: KubernetesVersion): string[] {
  const out: string[] = [];
  for (const change of changesOf(`${m.apiVersion}/${m.kind}`)) {
    const at = minorOf(change.version);
    if (at <= from.minor || at > to.minor) continue;
    if (change.change === 'required') {
      const parent = change.field.includes('.') ? change.field.slice(0, change.field.lastIndexOf('.')) : '';
      const name = change.field.slice(parent ? parent.length + 1 : 0);
      const parents = parent ? valuesAt(m.object, parent) : [m.object];
      if (parents.some((p) => p !== null && typeof p === 'object' && !((p as Record<string, unknown>)[name] !== undefined)))
        out.push(`${change.field} is required from ${change.version}`);
    } else if (valuesAt(m.object, change.field).length > 0) {
      out.push(
        change.change === 'removed'
          ? `${change.field} is removed in ${change.version}`
          : `${change.field} takes ${change.detail} from ${change.version}`,
      );
    }
  }
  return out;
}
