import { checkTimeZone, cronProblem } from './cron-schedule';
import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { PodSecurityLevel } from '../core/pod-security';
import { CloudIdentity } from './cloud-identity';
import { PodProps } from './pod';
import { PodIdentity } from './pod-identity';
import { PodGroup, PodPort } from './pod-group';
import { CheckedConstruct } from '../core/app-checks';

export interface ScheduledJobProps extends PodProps {
  /** CronJob and ServiceAccount name (at most 52 characters: Jobs get a suffix). */
  readonly name: string;
  readonly namespace: string;
  /** Cron schedule, e.g. "0 2 * * *". */
  readonly schedule: string;
  /** IANA time zone of the schedule. @default "Etc/UTC" (not the controller's local time) */
  readonly timeZone?: string;
  /** @default 2 */
  readonly backoffLimit?: number;
  /** Kill a run that takes longer. @default 3600 */
  readonly activeDeadlineSeconds?: number;
  /** The cloud identity the job acts as, e.g. an IAM role for S3 (IRSA). @default none */
  readonly cloudIdentity?: CloudIdentity;
  /** Extra pod labels, e.g. for network policies. @default none */
  readonly podLabels?: Readonly<Record<string, string>>;
}

/**
 * A CronJob whose runs never overlap (a slow backup is not started twice), that keeps the last
 * runs for inspection, and whose pods are built like every other pod (placed, restricted unless
 * an exception is declared).
 */
export class ScheduledJob extends CheckedConstruct implements PodGroup {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The CronJob (escape hatch). */
  readonly cronJob: k8s.KubeCronJob;
  private readonly identity: PodIdentity;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, freeId(scope, id));
    const built = buildScheduledJob(this, props);
    this.identity = built.identity;
    this.cronJob = built.cronJob;
    this.name = this.identity.name;
    this.namespace = this.identity.namespace;
    this.selector = this.identity.selector;
  }

  /** The named ports the pods declare (what a NetworkPolicy naming a port opens). */
  get ports(): readonly PodPort[] {
    return this.identity.ports;
  }

  /** The Pod Security level the job's namespace may enforce at most. */
  get podSecurity(): PodSecurityLevel {
    return this.identity.podSecurity;
  }
}

/**
 * The ServiceAccount and CronJob of a scheduled job, as children of `owner`: for constructs that
 * are a job of a kind (EtcdSnapshotJob) without being a ScheduledJob subclass.
 */
export function buildScheduledJob(owner: Construct, props: ScheduledJobProps): { identity: PodIdentity; cronJob: k8s.KubeCronJob } {
  const site = new Site(owner.node.path);
  if (typeof props.name === 'string' && props.name.length > 52)
    site.at('name').fail(props.name, 'must be at most 52 characters (the Job controller appends 11)', 'shorten the name');
  const cron = cronProblem(props.schedule);
  if (cron)
    site
      .at('schedule')
      .fail(
        props.schedule,
        `${cron}: it must be a cron schedule of five fields or a macro such as @daily`,
        'e.g. "0 2 * * *" for 02:00 every day; set the zone with timeZone',
      );
  if (props.timeZone !== undefined) checkTimeZone(site.at('timeZone'), props.timeZone);
  for (const [field, min] of [
    ['backoffLimit', 0],
    ['activeDeadlineSeconds', 1],
  ] as const) {
    const value = props[field];
    if (value !== undefined && (!Number.isInteger(value) || value < min))
      site
        .at(field)
        .fail(
          value,
          `must be a whole number of at least ${min}`,
          `drop ${field} for the default, or give e.g. ${field === 'backoffLimit' ? 3 : 3600}`,
        );
  }
  const identity = new PodIdentity(owner, site, {
    name: props.name,
    namespace: props.namespace,
    podLabels: props.podLabels,
    cloudIdentities: props.cloudIdentity ? [props.cloudIdentity] : [],
  });
  const pod = identity.buildPod(site, props);
  const cronJob = new k8s.KubeCronJob(owner, 'cron-job', {
    metadata: identity.metadata(),
    spec: {
      schedule: props.schedule,
      timeZone: props.timeZone ?? 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          backoffLimit: props.backoffLimit ?? 2,
          activeDeadlineSeconds: props.activeDeadlineSeconds ?? 3600,
          template: { metadata: pod.template.metadata, spec: { ...pod.template.spec!, restartPolicy: 'OnFailure' } },
        },
      },
    },
  });
  identity.declareExceptions(cronJob, pod);
  return { identity, cronJob };
}
