/**
 * Where the schema of a built-in kind comes from: kubernetes-models, generated from the
 * Kubernetes OpenAPI spec and shipped as compiled validators; never schema files copied here.
 */

/** A compiled validator: returns false and sets `.errors` (ajv style) on invalid data. */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: AjvLikeError[] | null };

export interface AjvLikeError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, any>;
  readonly message?: string;
}

// Third-party custom resources have no entry here on purpose: the @kubernetes-models/* packages
// that run on Node 20 (4.x line) lag the CRDs pinned in cdk8s.yaml (cert-manager 4.4.4 does not
// know solvers[].http01.ingress.ingressClassName) and would reject valid objects. Such kinds are
// listed as unvalidated in the report, and .ci/run checks them strictly against the pinned CRDs.
const MODEL_PACKAGE = 'kubernetes-models';

export interface ModelSchema {
  /** npm package the schema came from, for the report. */
  readonly source: string;
  readonly validate: (data: unknown) => AjvLikeError[];
}

const cache = new Map<string, ModelSchema | undefined>();

/** The model schema of apiVersion/kind, or undefined when no package describes it. */
export function modelSchema(apiVersion: string, kind: string): ModelSchema | undefined {
  const key = `${apiVersion}/${kind}`;
  if (!cache.has(key)) cache.set(key, loadModel(apiVersion, kind));
  return cache.get(key);
}

function loadModel(apiVersion: string, kind: string): ModelSchema | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const module = group === '' ? `${MODEL_PACKAGE}/${version}/${kind}` : `${MODEL_PACKAGE}/${group}/${version}/${kind}`;
  let model: { prototype: { validate(): void } } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    model = require(module)[kind];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' || (error as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
  if (!model) return undefined;
  const validateMethod = model.prototype.validate;
  return {
    source: MODEL_PACKAGE,
    // The model's public validate() runs its compiled schema on `this`; here `this` is our data.
    validate: (data) => {
      try {
        validateMethod.call(data);
        return [];
      } catch (error) {
        const errors = (error as { errors?: AjvLikeError[] }).errors;
        if (!errors) throw error;
        return errors;
      }
    },
  };
}
