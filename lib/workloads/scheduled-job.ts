import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel } from '../core/names';
import { PodSecurityLevel } from '../core/pod-security';
import { buildPodSpec, declarePodSecurityExceptions, PodProps, podSecurityLevelFor } from './pod';

// Five cron fields, or a macro. `TZ=` inside the schedule is refused by 1.27+: use timeZone.
const CRON = /^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|([0-9*/,\-A-Za-z?]+\s+){4}[0-9*/,\-A-Za-z?]+)$/;

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
  /** Annotations of the job's ServiceAccount, e.g. an IAM role for S3. @default none */
  readonly serviceAccountAnnotations?: Readonly<Record<string, string>>;
  /** Extra pod labels, e.g. for network policies. @default none */
  readonly podLabels?: Readonly<Record<string, string>>;
}

/**
 * A CronJob whose runs never overlap (a slow backup is not started twice), that keeps the last
 * runs for inspection, and whose pods are built like every other pod (placed, restricted unless
 * an exception is declared).
 */
export class ScheduledJob extends Construct {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The Pod Security level the job's namespace may enforce at most. */
  readonly podSecurity: PodSecurityLevel;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const site = new Site(this.node.path);
    this.name = checkDnsLabel(site.at('name'), props.name);
    if (this.name.length > 52) site.at('name').fail(props.name, 'must be at most 52 characters (the Job controller appends 11)', 'shorten the name');
    this.namespace = checkDnsLabel(site.at('namespace'), props.namespace);
    if (!CRON.test(props.schedule ?? '')) {
      site.at('schedule').fail(props.schedule, 'must be a cron schedule of five fields or a macro such as @daily', 'e.g. "0 2 * * *" for 02:00 every day; set the zone with timeZone');
    }
    this.selector = { 'app.kubernetes.io/name': this.name };
    const pod = buildPodSpec(site, props, this.name);
    this.podSecurity = podSecurityLevelFor(pod);
    new k8s.KubeServiceAccount(this, 'service-account', {
      metadata: { name: this.name, namespace: this.namespace, labels: { ...this.selector }, annotations: props.serviceAccountAnnotations ? { ...props.serviceAccountAnnotations } : undefined },
      automountServiceAccountToken: false,
    });
    const cronJob = new k8s.KubeCronJob(this, 'cron-job', {
      metadata: { name: this.name, namespace: this.namespace, labels: { ...this.selector } },
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
            template: {
              metadata: { labels: { ...props.podLabels, ...pod.placementLabels, ...this.selector } },
              spec: { ...pod.spec, restartPolicy: 'OnFailure' },
            },
          },
        },
      },
    });
    declarePodSecurityExceptions(cronJob, pod);
  }
}
