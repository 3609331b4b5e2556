import { Manifest } from '../core/manifest';
import { FoundPodSpec, podSpecOf, selects } from '../core/pod-specs';

/**
 * Lookups the rules need across a platform's objects, built once per object list (one pass),
 * so no rule scans every object for every object. Memoized on the array itself: any caller that
 * hands the same `manifests` (verify.ts, the test helpers) shares one index; a new array gets a
 * new one. Every lookup keeps the first match in `manifests` order, as the `find`/`some` scans
 * it replaces did, so messages and output are unchanged.
 */
export interface ManifestIndex {
  /** `<group>/<kind>` of kinds a CRD of this platform declares cluster-scoped. */
  readonly clusterScopedCustomKinds: ReadonlySet<string>;
  /** First Namespace object of each name. */
  namespace(name: string | undefined): Manifest | undefined;
  /** First HPA whose scaleTargetRef names this object (same namespace, kind and name). */
  hpaOf(m: Manifest): Manifest | undefined;
  /** Is there a policy/v1 PodDisruptionBudget in `namespace` whose selector selects `labels`? */
  pdbCovers(namespace: string | undefined, labels: Readonly<Record<string, string>>): boolean;
  /** Is there a pod template in `namespace` that `selector` selects? */
  selectsTemplateIn(namespace: string | undefined, selector: Record<string, any>): boolean;
  /** NetworkPolicies of a namespace, in manifests order. */
  networkPoliciesIn(namespace: string | undefined): readonly Manifest[];
  /** Every object of a namespace, in manifests order. */
  inNamespace(namespace: string | undefined): readonly Manifest[];
  /** The pod templates of a namespace (objects that make pods), in manifests order. */
  podTemplatesIn(namespace: string | undefined): readonly FoundPodSpec[];
  /** First object of this kind, namespace and name. */
  find(kind: unknown, namespace: string | undefined, name: unknown): Manifest | undefined;
  /** Every object of a kind, in manifests order. */
  ofKind(kind: string): readonly Manifest[];
}

const cache = new WeakMap<readonly Manifest[], ManifestIndex>();

export function manifestIndex(manifests: readonly Manifest[]): ManifestIndex {
  let index = cache.get(manifests);
  if (!index) {
    index = buildIndex(manifests);
    cache.set(manifests, index);
  }
  return index;
}

/** The labels a selector requires by equality (the same reading as `selects`). */
function requiredLabels(selector: Record<string, any>): [string, string][] {
  const matchLabels: Record<string, string> = selector.matchLabels ?? (selector.matchExpressions ? {} : selector);
  return Object.entries(matchLabels);
}

const pair = (k: string, v: unknown) => `${k}\u0000${String(v)}`;

/** Items with labels (pod templates), found by one required label pair of a selector. */
class LabelledIndex {
  private readonly all: Readonly<Record<string, string>>[] = [];
  private readonly byPair = new Map<string, Readonly<Record<string, string>>[]>();

  add(labels: Readonly<Record<string, string>>): void {
    this.all.push(labels);
    for (const [k, v] of Object.entries(labels)) push(this.byPair, pair(k, v), labels);
  }

  anySelectedBy(selector: Record<string, any>): boolean {
    const required = requiredLabels(selector);
    // Candidates: those carrying the first required pair (every selected one must), else all.
    const candidates = required.length > 0 ? (this.byPair.get(pair(required[0][0], required[0][1])) ?? []) : this.all;
    return candidates.some((labels) => selects(selector, labels));
  }
}

/** Items with selectors (PDBs), found by the label pairs of the object they may select. */
class SelectorIndex {
  /** Selectors with no required label (expressions only, or empty): checked every time. */
  private readonly open: Record<string, any>[] = [];
  private readonly byPair = new Map<string, Record<string, any>[]>();

  add(selector: Record<string, any> | undefined): void {
    if (!selector) return; // selects() is false for a missing selector
    const required = requiredLabels(selector);
    if (required.length === 0) this.open.push(selector);
    else push(this.byPair, pair(required[0][0], required[0][1]), selector);
  }

  anySelects(labels: Readonly<Record<string, string>>): boolean {
    if (this.open.some((s) => selects(s, labels))) return true;
    return Object.entries(labels).some(([k, v]) => (this.byPair.get(pair(k, v)) ?? []).some((s) => selects(s, labels)));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(manifests: readonly Manifest[]): ManifestIndex {
  const clusterScopedCustomKinds = new Set<string>();
  const namespaces = new Map<string, Manifest>();
  const hpas = new Map<string, Manifest>();
  const pdbs = new Map<string | undefined, SelectorIndex>();
  const templates = new Map<string | undefined, LabelledIndex>();
  const networkPolicies = new Map<string | undefined, Manifest[]>();
  const hpaKey = (namespace: string | undefined, kind: unknown, name: unknown) => JSON.stringify([namespace ?? null, kind, name]);
  const byNamespace = new Map<string | undefined, Manifest[]>();
  const byIdentity = new Map<string, Manifest>();
  const podTemplates = new Map<string | undefined, FoundPodSpec[]>();
  const byKind = new Map<string, Manifest[]>();

  for (const m of manifests) {
    push(byNamespace, m.namespace, m);
    push(byKind, m.kind, m);
    const identity = hpaKey(m.namespace, m.kind, m.name);
    if (!byIdentity.has(identity)) byIdentity.set(identity, m);
    const pod = podSpecOf(m);
    if (pod) push(podTemplates, m.namespace, pod);
    switch (m.kind) {
      case 'CustomResourceDefinition':
        if (m.object.spec?.scope === 'Cluster') clusterScopedCustomKinds.add(`${m.object.spec.group}/${m.object.spec.names?.kind}`);
        break;
      case 'Namespace':
        if (!namespaces.has(m.name)) namespaces.set(m.name, m);
        break;
      case 'HorizontalPodAutoscaler': {
        const ref = m.object.spec?.scaleTargetRef;
        const key = hpaKey(m.namespace, ref?.kind, ref?.name);
        if (!hpas.has(key)) hpas.set(key, m);
        break;
      }
      case 'PodDisruptionBudget': {
        if (m.apiVersion !== 'policy/v1') break; // policy/v1beta1 is not served by 1.28: it covers nothing
        let index = pdbs.get(m.namespace);
        if (!index) pdbs.set(m.namespace, (index = new SelectorIndex()));
        index.add(m.object.spec?.selector);
        break;
      }
      case 'NetworkPolicy':
        push(networkPolicies, m.namespace, m);
        break;
      default:
        break;
    }
    const found: FoundPodSpec | undefined = podSpecOf(m);
    if (found) {
      let index = templates.get(m.namespace);
      if (!index) templates.set(m.namespace, (index = new LabelledIndex()));
      index.add(found.labels);
    }
  }

  return {
    clusterScopedCustomKinds,
    namespace: (name) => (name === undefined ? undefined : namespaces.get(name)),
    hpaOf: (m) => hpas.get(hpaKey(m.namespace, m.kind, m.name)),
    pdbCovers: (namespace, labels) => pdbs.get(namespace)?.anySelects(labels) ?? false,
    selectsTemplateIn: (namespace, selector) => templates.get(namespace)?.anySelectedBy(selector) ?? false,
    networkPoliciesIn: (namespace) => networkPolicies.get(namespace) ?? [],
    inNamespace: (namespace) => byNamespace.get(namespace) ?? [],
    podTemplatesIn: (namespace) => podTemplates.get(namespace) ?? [],
    find: (kind, namespace, name) => byIdentity.get(hpaKey(namespace, kind, name)),
    ofKind: (kind) => byKind.get(kind) ?? [],
  };
}
