import { inspect } from 'node:util';
import { looksLikeCredential } from './secrets';

/**
 * The one error type of the project. Every message names where (the construct path), what (the
 * field), the bad value, and how to fix it, so a failed synth reads as a to-do item:
 *
 *   archiverse/apps/frontend: containers[0].resources.requests.cpu must be a CPU quantity
 *   (got "fast"); fix: write cores ("2", "0.5") or millicores ("500m")
 */
export interface ValidationErrorDetail {
  /** Construct path of the object at fault, e.g. `archiverse/apps/frontend`. */
  readonly path: string;
  /** Field inside that object, e.g. `containers[0].resources.limits.cpu`. */
  readonly field: string;
  /** The offending value as given. */
  readonly value: unknown;
  /** What is wrong, in lower case, completing "<field> ...", e.g. "must be a DNS-1123 label". */
  readonly problem: string;
  /** What to do instead. */
  readonly fix: string;
}

export class ValidationError extends Error {
  public readonly detail: ValidationErrorDetail;

  constructor(detail: ValidationErrorDetail) {
    super(`${detail.path}: ${detail.field} ${detail.problem} (got ${show(detail.value)}); fix: ${detail.fix}`);
    this.name = 'ValidationError';
    this.detail = detail;
  }
}

/** Several errors found in one pass; the synth reports them all at once. */
export class ValidationErrors extends Error {
  constructor(public readonly errors: readonly Error[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ValidationErrors';
  }
}

/** Where a check runs: a construct path plus a field prefix, so nested checks name full fields. */
export class Site {
  constructor(
    public readonly path: string,
    public readonly field: string = '',
  ) {}

  /** The site of a sub-field: `site.at('resources').at('limits')` names `resources.limits`. */
  at(field: string | number): Site {
    if (typeof field === 'number') return new Site(this.path, `${this.field}[${field}]`);
    return new Site(this.path, this.field ? `${this.field}.${field}` : field);
  }

  fail(value: unknown, problem: string, fix: string): never {
    throw new ValidationError({ path: this.path, field: this.field || '(object)', value, problem, fix });
  }
}

/** Shown in place of a refused value that looks like a credential: an error is printed, logged and pasted. */
export const HIDDEN_CREDENTIAL = '<value hidden: it looks like a credential>';

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (looksLikeCredential(value)) return HIDDEN_CREDENTIAL;
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value);
  } catch {
    // A circular value (e.g. a construct where plain data belongs) or a BigInt: String() would say "[object Object]".
    return inspect(value, { depth: 0, breakLength: Infinity });
  }
}
