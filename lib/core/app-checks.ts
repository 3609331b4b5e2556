import { Construct, IConstruct } from 'constructs';

/**
 * What the whole-app validation runs: given the app (the construct tree's root), every problem
 * the project's checks find, one message each. Registered by the pipeline layer when the package
 * loads (lib/pipeline/app-checks.ts), so the constructs of lower layers can arm it without
 * importing the checks above them.
 */
export type AppChecker = (root: IConstruct) => string[];

let checker: AppChecker | undefined;
const armed = new WeakSet<IConstruct>();
const suspended = new WeakSet<IConstruct>();

/** Sets the function the armed validation calls (the package does this once, at load). */
export function registerAppChecker(check: AppChecker): void {
  checker = check;
}

/**
 * Adds, once per app, a validation on the app's root construct that runs the project's checks on
 * every object in the app. cdk8s's `app.synth()` runs construct validations before it writes, so
 * an app that never calls the pipeline still cannot write what the checks refuse.
 */
export function armAppChecks(scope: IConstruct): void {
  const root = scope.node.root;
  if (armed.has(root)) return;
  armed.add(root);
  root.node.addValidation({ validate: () => (checker && !suspended.has(root) ? checker(root) : []) });
}

/**
 * Runs `work` with the app-wide validation switched off: the pipeline runs the same checks itself
 * (with more context: add-ons, closure), and must not run them twice.
 */
export function withoutAppChecks<T>(scope: IConstruct, work: () => T): T {
  const root = scope.node.root;
  if (suspended.has(root)) return work();
  suspended.add(root);
  try {
    return work();
  } finally {
    suspended.delete(root);
  }
}

/** Base of the library's constructs: the first one made in an app arms the app's checks (armAppChecks). */
export class CheckedConstruct extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    armAppChecks(this);
  }
}
