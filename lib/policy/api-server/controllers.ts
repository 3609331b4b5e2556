import { cronProblem } from '../../workloads/cron-schedule';
import { ApiFindings, listAt, mapAt } from './api-findings';

// The API server's rules for the objects that make pods, beyond their pod template:
// pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateDeploymentStrategy,
// ValidateRollingUpdateDeployment, ValidateStatefulSetSpec, ValidateDaemonSetSpec) and
// pkg/apis/batch/validation/validation.go (validateJobSpec, validateCronJobSpec,
// ValidateCronJobCreate), Kubernetes 1.28.

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

export function controllerFindings(f: ApiFindings, kind: string, spec: Record<string, any>): void {
  switch (kind) {
    case 'Deployment':
      nonNegative(f, spec, 'spec', ['replicas', 'minReadySeconds', 'revisionHistoryLimit']);
      emptySelector(f, spec.selector);
      deploymentStrategy(f, mapAt(spec.strategy));
      if (spec.progressDeadlineSeconds !== undefined && !(spec.progressDeadlineSeconds > (spec.minReadySeconds ?? 0))) {
        f.refuse(
          'spec.progressDeadlineSeconds',
          spec.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
          'give the rollout more time than a pod needs to count as ready',
        );
      }
      break;
    case 'ReplicaSet':
      nonNegative(f, spec, 'spec', ['replicas', 'minReadySeconds']);
      emptySelector(f, spec.selector);
      break;
    case 'StatefulSet':
      nonNegative(f, spec, 'spec', ['replicas', 'minReadySeconds', 'revisionHistoryLimit']);
      emptySelector(f, spec.selector);
      if (typeof spec.podManagementPolicy === 'string' && !['OrderedReady', 'Parallel'].includes(spec.podManagementPolicy)) {
        f.refuse('spec.podManagementPolicy', spec.podManagementPolicy, 'must be OrderedReady or Parallel', 'drop it for OrderedReady');
      }
      updateStrategy(f, mapAt(spec.updateStrategy), ['RollingUpdate', 'OnDelete']);
      listAt(spec.volumeClaimTemplates).forEach((t, i) => {
        if (typeof t?.metadata?.name !== 'string' || t.metadata.name === '')
          f.refuse(
            `spec.volumeClaimTemplates[${i}].metadata.name`,
            t?.metadata?.name,
            'must be set (the pods mount the claim by it)',
            'name the claim template, e.g. "data"',
          );
      });
      break;
    case 'DaemonSet':
      nonNegative(f, spec, 'spec', ['minReadySeconds', 'revisionHistoryLimit']);
      emptySelector(f, spec.selector);
      updateStrategy(f, mapAt(spec.updateStrategy), ['RollingUpdate', 'OnDelete']);
      break;
    case 'Job':
      jobSpec(f, 'spec', spec);
      break;
    case 'CronJob':
      cronJobSpec(f, spec);
      break;
    default:
      break;
  }
}

/** ValidateNonnegativeField on the integer fields named. */
function nonNegative(f: ApiFindings, spec: Record<string, any>, at: string, fields: readonly string[]): void {
  for (const name of fields) {
    const value = spec[name];
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0))
      f.refuse(`${at}.${name}`, value, 'must be a whole number of at least 0', `drop ${name} for the default`);
  }
}

/** ValidateDeploymentSpec and its siblings: a selector that selects nothing is refused ("empty selector is invalid"). */
function emptySelector(f: ApiFindings, selector: unknown): void {
  const s = mapAt(selector);
  if (selector !== undefined && Object.keys(mapAt(s.matchLabels)).length === 0 && listAt(s.matchExpressions).length === 0) {
    f.refuse(
      'spec.selector',
      selector,
      'must select by at least one label (an empty selector would take every pod of the namespace)',
      'select the labels of the pod template',
    );
  }
}

/** ValidateDeploymentStrategy and ValidateRollingUpdateDeployment. */
function deploymentStrategy(f: ApiFindings, strategy: Record<string, any>): void {
  const type = strategy.type ?? 'RollingUpdate';
  if (typeof type === 'string' && !['RollingUpdate', 'Recreate'].includes(type)) {
    f.refuse('spec.strategy.type', strategy.type, 'must be RollingUpdate or Recreate', 'drop the strategy for RollingUpdate');
    return;
  }
  if (type === 'Recreate' && strategy.rollingUpdate !== undefined) {
    f.refuse('spec.strategy.rollingUpdate', strategy.rollingUpdate, 'may not be set when the strategy is Recreate', 'drop rollingUpdate');
  }
  const rolling = mapAt(strategy.rollingUpdate);
  const unavailable = intOrPercent(f, 'spec.strategy.rollingUpdate.maxUnavailable', rolling.maxUnavailable, true);
  const surge = intOrPercent(f, 'spec.strategy.rollingUpdate.maxSurge', rolling.maxSurge, false);
  // Defaults are 25% each; only the two given as zero stall a rollout.
  if (rolling.maxUnavailable !== undefined && rolling.maxSurge !== undefined && unavailable === 0 && surge === 0) {
    f.refuse(
      'spec.strategy.rollingUpdate.maxUnavailable',
      rolling.maxUnavailable,
      'may not be 0 when maxSurge is 0 (the rollout could neither add nor remove a pod)',
      'allow one of them, e.g. maxSurge: 1',
    );
  }
}

/** StatefulSet and DaemonSet update strategies. */
function updateStrategy(f: ApiFindings, strategy: Record<string, any>, types: readonly string[]): void {
  if (typeof strategy.type === 'string' && !types.includes(strategy.type)) {
    f.refuse('spec.updateStrategy.type', strategy.type, `must be ${types.join(' or ')}`, 'drop the strategy for RollingUpdate');
  } else if (strategy.type === 'OnDelete' && strategy.rollingUpdate !== undefined) {
    f.refuse('spec.updateStrategy.rollingUpdate', strategy.rollingUpdate, 'may only be set with type RollingUpdate', 'drop rollingUpdate');
  }
  const rolling = mapAt(strategy.rollingUpdate);
  if (typeof rolling.partition === 'number' && !(Number.isInteger(rolling.partition) && rolling.partition >= 0)) {
    f.refuse('spec.updateStrategy.rollingUpdate.partition', rolling.partition, 'must be a whole number of at least 0', 'drop partition');
  }
  intOrPercent(f, 'spec.updateStrategy.rollingUpdate.maxUnavailable', rolling.maxUnavailable, true);
  intOrPercent(f, 'spec.updateStrategy.rollingUpdate.maxSurge', rolling.maxSurge, true);
}

/** ValidatePositiveIntOrPercent and IsNotMoreThan100Percent; the value as a number or percent, when valid. */
function intOrPercent(f: ApiFindings, at: string, value: unknown, atMost100: boolean): number | undefined {
  if (value === undefined) return undefined;
  const percent = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  const amount = typeof value === 'number' ? value : percent ? Number(percent[1]) : undefined;
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  if (amount === undefined || !Number.isInteger(amount) || amount < 0) {
    f.refuse(at, value, 'must be a whole number of pods of at least 0 or a percentage such as "25%"', 'write e.g. 1 or "25%"');
    return undefined;
  }
  if (percent && atMost100 && amount > 100) f.refuse(at, value, 'must not be more than 100%', 'write at most "100%"');
  return amount;
}

/** validateJobSpec: counts not negative, an Indexed Job's completions given, the pods' restartPolicy checked with the pod spec. */
function jobSpec(f: ApiFindings, at: string, spec: Record<string, any>): void {
  nonNegative(f, spec, at, ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished']);
  if (typeof spec.activeDeadlineSeconds === 'number' && !(Number.isInteger(spec.activeDeadlineSeconds) && spec.activeDeadlineSeconds > 0)) {
    f.refuse(
      `${at}.activeDeadlineSeconds`,
      spec.activeDeadlineSeconds,
      'must be a whole number of seconds of at least 1',
      'drop it, or give e.g. 3600',
    );
  }
  if (typeof spec.completionMode === 'string' && !['NonIndexed', 'Indexed'].includes(spec.completionMode)) {
    f.refuse(`${at}.completionMode`, spec.completionMode, 'must be NonIndexed or Indexed', 'drop completionMode for NonIndexed');
  }
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) {
    f.refuse(`${at}.completions`, undefined, 'must be set on an Indexed Job (it numbers the pods 0 to completions - 1)', 'give completions, e.g. 3');
  }
}

/** validateCronJobSpec and ValidateCronJobCreate. */
function cronJobSpec(f: ApiFindings, spec: Record<string, any>): void {
  // The controller names each Job "<cronjob>-<minutes since epoch>", 11 characters more, within a 63-character label.
  const name = f.manifest.name;
  if (typeof name === 'string' && name.length > 52) {
    f.refuse('metadata.name', name, 'must be at most 52 characters (its Jobs are named after it with 11 more)', 'shorten the name');
  }
  const problem = typeof spec.schedule === 'string' ? cronProblem(spec.schedule) : undefined;
  if (problem)
    f.refuse('spec.schedule', spec.schedule, problem, 'write five fields, e.g. "0 2 * * *" (02:00 daily), and a time zone in spec.timeZone');
  if (typeof spec.concurrencyPolicy === 'string' && !CONCURRENCY_POLICIES.includes(spec.concurrencyPolicy)) {
    f.refuse('spec.concurrencyPolicy', spec.concurrencyPolicy, `must be one of ${CONCURRENCY_POLICIES.join(', ')}`, 'write e.g. "Forbid"');
  }
  nonNegative(f, spec, 'spec', ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']);
  const jobTemplateSpec = mapAt(spec.jobTemplate?.spec);
  if (jobTemplateSpec.selector !== undefined) {
    f.refuse(
      'spec.jobTemplate.spec.selector',
      jobTemplateSpec.selector,
      'may not be set (the controller generates it for each Job)',
      'drop the selector',
    );
  }
  jobSpec(f, 'spec.jobTemplate.spec', jobTemplateSpec);
}
