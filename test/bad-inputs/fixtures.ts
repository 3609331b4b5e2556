import { ApiObject } from 'cdk8s';
import { gimpStreamingPools } from '../../platforms/gimp-streaming/pools';
import { ContainerProps } from '../../lib/workloads/container';
import { PodProps } from '../../lib/workloads/pod';
import { Probe } from '../../lib/workloads/probe';
import { SessionTemplates } from '../../lib/workloads/session-templates';
import { WebServiceProps } from '../../lib/workloads/web-service';
import { container, rawPodSpec, testPlatform } from '../helpers';

/**
 * The app a case builds into: one platform `test` with the restricted namespace `apps`
 * (test/helpers.ts), and the case's own dist/ folder, in a fresh folder of its own (`root`) that
 * a case about the synth's files may add to before the synth runs.
 */
export type Context = ReturnType<typeof testPlatform> & { readonly root: string; readonly dist: string };

/**
 * One refused input: its title, what it builds, and the exact message of the refusal (several
 * errors one a line). In the message, `<root>` stands for the case's folder and `<pid>` and
 * `<command>` for the test process's pid and command line.
 */
export type Case = [title: string, build: (ctx: Context) => void, message: string];

/** Props of a valid web service in namespace "apps" on pool "general"; override what a case breaks. */
export function web(ctx: Context, overrides: Partial<WebServiceProps> = {}, containerOverrides: Partial<ContainerProps> = {}): WebServiceProps {
  return { name: 'web', namespace: 'apps', pool: ctx.pools.get('general'), containers: [container(containerOverrides)], ...overrides };
}

/** Session templates on the gimp-streaming pools with one variant; override what a case breaks. */
export function sessions(ctx: Context, variant: Partial<PodProps> = {}, containerOverrides: Partial<ContainerProps> = {}): SessionTemplates {
  return new SessionTemplates(ctx.platform.apps, 'sessions', {
    name: 'session',
    namespace: 'apps',
    podLabels: { app: 'session' },
    userStorage: { volume: 'home', claimPrefix: 'home', size: '20Gi', storageClass: 'ssd' },
    snapshots: { snapshotClass: 'snapshots', namePrefix: 'snapshot' },
    variants: { main: { pool: gimpStreamingPools.get('cpu'), containers: [container(containerOverrides)], ...variant } },
  });
}

/** A raw Deployment `raw` in namespace "apps" with pods labelled app=raw. */
export function rawDeployment(ctx: Context, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = rawPodSpec()): ApiObject {
  return new ApiObject(ctx.platform.apps, 'raw', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'raw', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: podSpec }, ...spec },
  });
}

/** Container overrides that pass the probe rule. */
export const PROBED: Partial<ContainerProps> = { readinessProbe: Probe.tcpSocket('http'), livenessProbe: Probe.tcpSocket('http') };
/** Probes, so a web service passes every rule but the one a case is about. */
export const PROBES: Partial<ContainerProps> = {
  readinessProbe: Probe.httpGet('/healthz', 'http'),
  livenessProbe: Probe.httpGet('/healthz', 'http'),
};

/** The Prometheus that AlertRules are written for, and one valid alert. */
export const PROMETHEUS = { namespace: 'monitoring', podLabels: { app: 'prometheus' }, selectorLabels: { release: 'prom' } };
export const ALERT = { name: 'AppDown', expr: 'up == 0', for: '5m', severity: 'critical' as const, summary: 'down', description: 'the app is down' };

/** A hand-written namespaced CRD `<plural>.<group>` of one version, v1, with this schema: it makes the kind part of the build. */
export function customResourceDefinition(plural: string, kind: string, schema: Record<string, unknown> = { type: 'object' }, group = 'example.com') {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { kind, plural },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    },
  };
}

/** A hand-written CRD of kind Session (streaming.platform/v1) whose spec has one field, userId. */
export const SESSION_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'sessions.streaming.platform' },
  spec: {
    group: 'streaming.platform',
    scope: 'Namespaced',
    names: { kind: 'Session', plural: 'sessions' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { userId: { type: 'string' } } } } } },
      },
    ],
  },
};
