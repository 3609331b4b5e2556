import { Manifest } from '../gitops/collect';
import { Platform } from '../gitops/platform';
import { PolicyRule } from './exceptions';

/** One broken rule on one object; the runner turns it into a ValidationError or an excused finding. */
export interface Finding {
  readonly field: string;
  readonly value: unknown;
  readonly problem: string;
  readonly fix: string;
  /** False when a declared exception must not lift it. @default true */
  readonly excusable?: boolean;
}

/** What a check may look at besides the object itself: the rest of its platform. */
export interface PolicyContext {
  readonly platform: Platform;
  readonly manifests: readonly Manifest[];
}

/** One rule: which objects it looks at, and what it finds wrong with one of them. */
export interface PolicyCheck {
  readonly rule: PolicyRule;
  appliesTo(m: Manifest, context: PolicyContext): boolean;
  check(m: Manifest, context: PolicyContext): Finding[];
}
