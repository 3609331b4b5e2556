import { ValidationError } from '../../core/errors';
import { Manifest } from '../../core/manifest';
import { parseQuantity } from '../../core/quantity';

/**
 * What the API server would refuse in one object, each finding a ValidationError at the object's
 * construct path. A finding states the rule ("must ..."); the message adds what the API server
 * does otherwise, since without these checks the first to say so would be Flux, after the push.
 */
export class ApiFindings {
  readonly errors: ValidationError[] = [];

  constructor(readonly manifest: Manifest) {}

  /** `rule` completes "<field> ..."; `refused` names what the API server refuses when it is not the object itself. */
  refuse(field: string, value: unknown, rule: string, fix: string, refused: string = `the ${this.manifest.kind}`): void {
    this.errors.push(new ValidationError({ path: this.manifest.path, field, value, problem: `${rule}, or the API server refuses ${refused}`, fix }));
  }
}

/** An array field as given; anything else (absent, or a wrong type the schema check reports) is empty. */
export function listAt(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** A map field as given; anything else is empty. */
export function mapAt(value: unknown): Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, any>) : {};
}

/**
 * A quantity as the API server decodes it (k8s.io/apimachinery/pkg/api/resource), in base units;
 * a number is read as one. Undefined when it is not a quantity ("1GB", "2 Gi"): the API server
 * refuses such an object when it decodes it.
 */
export function quantityValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return parseQuantity(value as string);
}

/** The first index at which a value repeats an earlier one, with the earlier index. */
export function repeats<T>(values: readonly T[]): { index: number; first: number }[] {
  const seen = new Map<T, number>();
  const found: { index: number; first: number }[] = [];
  values.forEach((v, index) => {
    const first = seen.get(v);
    if (first !== undefined) found.push({ index, first });
    else seen.set(v, index);
  });
  return found;
}

export const QUANTITY_FIX =
  'write a quantity: a number with an optional suffix, binary (Ki, Mi, Gi, Ti) or decimal (k, M, G, T; m for milli), e.g. "512Mi" or "500m"';
