import { Site, ValidationError } from '../../core/errors';
import { imageReferenceProblem } from '../../core/image-reference';
import { Manifest } from '../../core/manifest';
import { checkLabels, checkLabelValue } from '../../core/names';
import { PROMQL_FIX, promqlProblem } from '../../core/promql';
import { formatBytes, parseQuantity } from '../../core/quantity';
import { containersOf, podSpecOf, selects } from '../../core/pod-specs';
import { apiServerErrors } from '../api-server/api-server-checks';

/**
 * Values the API server (or the operator reading them) would refuse, checked on every object the
 * build writes, hand-written (L1) ones included: the constructs check their props, but an
 * ApiObject or a JSON patch reaches dist/ without them. The API server's own field rules are in
 * lib/policy/api-server/; here are the rest: labels, selectors, images, probe timings, the memory
 * floor, PromQL.
 */
export function objectValueErrors(m: Manifest): ValidationError[] {
  const errors: ValidationError[] = [...apiServerErrors(m)];
  const site = new Site(m.path);
  const attempt = (check: () => void) => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.push(error);
    }
  };
  for (const [field, labels] of labelMaps(m)) attempt(() => checkLabels(site.at(field), labels));
  for (const [field, values] of expressionValues(m)) values.forEach((v, i) => attempt(() => checkLabelValue(site.at(field).at(i), v)));
  attempt(() => checkSelectorMatchesTemplate(site, m));
  const found = podSpecOf(m);
  if (found) {
    for (const { field, container } of containersOf(found, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const at = new Site(m.path, field);
      if (typeof container.image === 'string') attempt(() => checkImage(at.at('image'), container.image));
      for (const probe of PROBES) if (container[probe]) attempt(() => checkProbeTiming(at.at(probe), container[probe]));
      for (const bound of ['requests', 'limits'])
        attempt(() => checkMemoryFloor(at.at('resources').at(bound).at('memory'), container.resources?.[bound]?.memory));
    }
  }
  if (m.kind === 'PrometheusRule') {
    (m.object.spec?.groups ?? []).forEach((group: any, i: number) =>
      (group?.rules ?? []).forEach((rule: any, j: number) => {
        const problem = typeof rule?.expr === 'string' ? promqlProblem(rule.expr) : undefined;
        if (problem)
          errors.push(new ValidationError({ path: m.path, field: `spec.groups[${i}].rules[${j}].expr`, value: rule.expr, problem, fix: PROMQL_FIX }));
      }),
    );
  }
  return errors;
}

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'];
/** Kinds whose spec.selector must select their own pod template (the API server refuses them otherwise). */
const SELECTING_OWNERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
/**
 * runc refuses a memory limit under 6 MiB ("minimum memory limit allowed is 6MB"), so no container
 * starts below it; a request that small is a unit slip (`1e3` is 1000 bytes, a valid quantity).
 */
export const MEMORY_FLOOR = 6 * 2 ** 20;

/** Label maps of an object: its own, its pod template's, and the selectors written as maps. */
function labelMaps(m: Manifest): [string, Record<string, string>][] {
  const o = m.object;
  const maps: [string, unknown][] = [['metadata.labels', o.metadata?.labels]];
  const found = podSpecOf(m);
  if (found && m.kind !== 'Pod') maps.push([`${found.field.slice(0, -'.spec'.length)}.metadata.labels`, found.labels]);
  if (m.kind === 'Service') maps.push(['spec.selector', o.spec?.selector]);
  else maps.push(['spec.selector.matchLabels', o.spec?.selector?.matchLabels]);
  maps.push(['spec.podSelector.matchLabels', o.spec?.podSelector?.matchLabels]);
  return maps.filter((entry): entry is [string, Record<string, string>] => isMap(entry[1]));
}

/** The values of matchExpressions of an object's selector, by field. */
function expressionValues(m: Manifest): [string, string[]][] {
  const spec = m.object.spec ?? {};
  return [
    ['spec.selector', spec.selector],
    ['spec.podSelector', spec.podSelector],
  ].flatMap(([field, selector]) =>
    (Array.isArray(selector?.matchExpressions) ? selector.matchExpressions : []).map((e: any, i: number): [string, string[]] => [
      `${field}.matchExpressions[${i}].values`,
      Array.isArray(e?.values) ? e.values : [],
    ]),
  );
}

function isMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkSelectorMatchesTemplate(site: Site, m: Manifest): void {
  if (!SELECTING_OWNERS.has(m.kind)) return;
  const selector = m.object.spec?.selector;
  const labels = podSpecOf(m)?.labels ?? {};
  // A missing selector is the schema check's to report (a required field).
  if (selector === undefined || selects(selector, labels)) return;
  site
    .at('spec.selector')
    .fail(
      selector,
      `does not select the labels of its own pod template ${JSON.stringify(labels)}, so the API server refuses the ${m.kind}`,
      'make spec.selector.matchLabels a subset of spec.template.metadata.labels',
    );
}

function checkImage(site: Site, image: string): void {
  const problem = imageReferenceProblem(image);
  if (problem)
    site.fail(image, problem, 'write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})');
}

/** Probe timings: 0 silently means "the default" and a negative value is refused by the API server. */
function checkProbeTiming(site: Site, probe: Record<string, unknown>): void {
  for (const [field, least] of [
    ['initialDelaySeconds', 0],
    ['periodSeconds', 1],
    ['timeoutSeconds', 1],
    ['successThreshold', 1],
    ['failureThreshold', 1],
    ['terminationGracePeriodSeconds', 1],
  ] as const) {
    const value = probe[field];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < least)) {
      site
        .at(field)
        .fail(
          value,
          `must be a whole number of at least ${least}`,
          `drop ${field} for the default, or give e.g. ${field === 'initialDelaySeconds' ? 5 : field.endsWith('Threshold') ? 3 : 10}`,
        );
    }
  }
}

function checkMemoryFloor(site: Site, memory: unknown): void {
  if (typeof memory !== 'string') return;
  const bytes = parseQuantity(memory);
  if (bytes === undefined || bytes >= MEMORY_FLOOR) return;
  site.fail(
    memory,
    `is ${bytes} bytes, below the ${formatBytes(MEMORY_FLOOR)} a container needs to start (runc's minimum memory limit)`,
    'write memory with a binary suffix, e.g. "256Mi"',
  );
}
