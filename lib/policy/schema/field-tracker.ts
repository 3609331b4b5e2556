/**
 * Finds the fields a compiled JSON-schema validator does not know. kubernetes-models ships its
 * schemas as ajv-compiled code that reads every property its schema declares (`data.x`), but
 * never rejects others. Watching what it reads, through a Proxy, tells us exactly which fields
 * the Kubernetes schema knows: the rest are unknown (what kubeconform -strict reports).
 *
 * - an object the validator enumerates (a map such as labels or resources.limits) accepts any key;
 * - an object it never reads from (a free-form schema such as `x-kubernetes-preserve-unknown-fields`)
 *   is not judged.
 */
export interface TrackedFields {
  /** The object to hand to the validator in place of the original. */
  readonly proxy: unknown;
  /** Paths (JSON pointer segments) of fields the validator did not read. */
  unknownFields(): string[][];
}

interface Visit {
  readonly path: string[];
  readonly target: Record<string, unknown>;
  readonly read: Set<string>;
  enumerated: boolean;
}

export function trackFields(data: unknown): TrackedFields {
  const visits: Visit[] = [];
  const proxies = new WeakMap<object, unknown>();

  const wrap = (value: unknown, path: string[]): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const cached = proxies.get(value);
    if (cached) return cached;
    const visit: Visit | undefined = Array.isArray(value) ? undefined : { path, target: value as Record<string, unknown>, read: new Set(), enumerated: false };
    if (visit) visits.push(visit);
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        const child = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return child;
        visit?.read.add(key);
        return Object.prototype.hasOwnProperty.call(target, key) ? wrap(child, [...path, key]) : child;
      },
      ownKeys(target) {
        if (visit) visit.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };

  const proxy = wrap(data, []);
  return {
    proxy,
    unknownFields: () => visits
      .filter((v) => !v.enumerated && v.read.size > 0)
      .flatMap((v) => Object.keys(v.target).filter((key) => !v.read.has(key)).map((key) => [...v.path, key])),
  };
}
