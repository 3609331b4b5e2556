import { ApiObjectMetadata } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';

/** How many pods a voluntary eviction (node drain, upgrade) must leave, as a count or "N%". */
export type DisruptionBudgetProps =
  | { readonly minAvailable: number | string; readonly maxUnavailable?: undefined }
  | { readonly maxUnavailable: number | string; readonly minAvailable?: undefined };

/** What a workload with more than one pod gets unless it says otherwise: one pod always stays. */
export const DEFAULT_DISRUPTION_BUDGET: DisruptionBudgetProps = { minAvailable: 1 };

const PERCENT = /^(100|[1-9]?[0-9])%$/;

/** A PodDisruptionBudget over the selected pods; `site` is the workload's `disruptionBudget` field. */
export function buildDisruptionBudget(
  owner: Construct,
  site: Site,
  props: DisruptionBudgetProps,
  selector: Readonly<Record<string, string>>,
  metadata: ApiObjectMetadata,
): k8s.KubePodDisruptionBudget {
  const given = (['minAvailable', 'maxUnavailable'] as const).filter((k) => props[k] !== undefined);
  if (given.length !== 1) {
    site.fail(
      props,
      'must give exactly one of minAvailable and maxUnavailable',
      'e.g. disruptionBudget: { maxUnavailable: 1 }, or false for pods meant to be evicted',
    );
  }
  const key = given[0];
  const value = props[key]!;
  const valid = typeof value === 'number' ? Number.isInteger(value) && value >= 0 : PERCENT.test(value);
  if (!valid) site.at(key).fail(value, 'must be a whole number of pods of at least 0 or a percentage such as "50%"', `e.g. ${key}: 1`);
  const amount = typeof value === 'number' ? k8s.IntOrString.fromNumber(value) : k8s.IntOrString.fromString(value);
  return new k8s.KubePodDisruptionBudget(owner, 'disruption-budget', {
    metadata,
    spec: { [key]: amount, selector: { matchLabels: { ...selector } } },
  });
}
