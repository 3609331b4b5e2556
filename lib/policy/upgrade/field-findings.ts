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

/** A field path's segments: a name, then its `[]` (every item) and `{}` (every entry) steps. */
interface PathSegment {
  readonly name: string;
  readonly steps: readonly string[];
}
/** Paths parsed once each: every object of a fleet is walked along the same few hundred paths. */
const parsedPaths = new Map<string, readonly PathSegment[]>();
function segmentsOf(field: string): readonly PathSegment[] {
  let segments = parsedPaths.get(field);
  if (!segments) {
    segments = field.split('.').map((segment) => {
      const [name, ...steps] = segment.split(/(?=\[\]|\{\})/);
      return { name, steps };
    });
    parsedPaths.set(field, segments);
  }
  return segments;
}

/** The values at a field path whose lists are `[]` and maps `{}` (every item, every entry). */
function valuesAt(value: unknown, field: string): unknown[] {
  let current: unknown[] = [value];
  for (const { name, steps } of segmentsOf(field)) {
    let next: unknown[] = [];
    for (const v of current) {
      const child = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[name] : undefined;
      if (child !== undefined) next.push(child);
    }
    for (const step of steps) {
      const expanded: unknown[] = [];
      for (const v of next) {
        if (step === '[]') {
          if (Array.isArray(v)) expanded.push(...(v as unknown[]));
        } else if (v !== null && typeof v === 'object') expanded.push(...Object.values(v));
      }
      next = expanded;
    }
    current = steps.length > 0 ? next.filter((v) => v !== undefined) : next;
    if (current.length === 0) return current; // most objects lack most fields: stop at the first missing step
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
