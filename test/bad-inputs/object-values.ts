import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { AlertRules } from '../../lib/monitoring/alert-rules';
import { Probe } from '../../lib/workloads/probe';
import { WebService } from '../../lib/workloads/web-service';
import { rawPodSpec } from '../helpers';
import { ALERT, Case, PROBES, PROMETHEUS, rawDeployment, web } from './fixtures';

/** Refused inputs: object values as the API server sees them: labels, selectors, probe timings, the memory floor, PromQL, image references. */
export const objectValues: Case[] = [
  [
    'a label-selector value with a space',
    (ctx) => {
      rawDeployment(ctx);
      new k8s.KubeService(ctx.platform.apps, 'svc', {
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { selector: { app: 'raw app' }, ports: [{ port: 80, targetPort: k8s.IntOrString.fromNumber(8080) }] },
      });
    },
    'test/apps/svc: spec.selector.app must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit) (got "raw app"); fix: shorten it or move long text to an annotation',
  ],
  [
    'a 64-character label value on an L1 object',
    (ctx) =>
      new k8s.KubeConfigMap(ctx.platform.apps, 'config', {
        metadata: { name: 'config', namespace: 'apps', labels: { team: 'a'.repeat(64) } },
        data: { mode: 'fast' },
      }),
    'test/apps/config: metadata.labels.team must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit) (got "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); fix: shorten it or move long text to an annotation',
  ],
  [
    'a negative probe period',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: -10 } })),
    'test/apps/raw: spec.template.spec.containers[0].readinessProbe.periodSeconds must be a whole number of at least 1 (got -10); fix: drop periodSeconds for the default, or give e.g. 10',
  ],
  [
    'a probe timeout of 0',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { readinessProbe: Probe.httpGet('/healthz', 'http', { timeoutSeconds: 0 }), livenessProbe: Probe.httpGet('/healthz', 'http') }),
      ),
    'test/apps/web/deployment: spec.template.spec.containers[0].readinessProbe.timeoutSeconds must be a whole number of at least 1 (got 0); fix: drop timeoutSeconds for the default, or give e.g. 10',
  ],
  [
    'memory of 1e3 (1000 bytes)',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { ...PROBES, resources: { requests: { cpu: '100m', memory: '1e3' }, limits: { cpu: '500m', memory: '256Mi' } } }),
      ),
    'test/apps/web/deployment: spec.template.spec.containers[0].resources.requests.memory is 1000 bytes, below the 6Mi a container needs to start (runc\'s minimum memory limit) (got "1e3"); fix: write memory with a binary suffix, e.g. "256Mi"',
  ],
  [
    'an L1 Deployment whose selector misses its template',
    (ctx) => rawDeployment(ctx, { selector: { matchLabels: { app: 'other' } } }),
    'test/apps/raw: spec.selector does not select the labels of its own pod template {"app":"raw"}, so the API server refuses the Deployment (got {"matchLabels":{"app":"other"}}); fix: make spec.selector.matchLabels a subset of spec.template.metadata.labels',
  ],
  [
    'unbalanced PromQL in AlertRules',
    (ctx) =>
      new AlertRules(ctx.platform.apps, 'alerts', {
        name: 'alerts',
        namespace: 'apps',
        prometheus: PROMETHEUS,
        groups: { app: [{ ...ALERT, expr: 'sum(rate(http_requests_total[5m])' }] },
      }),
    'test/apps/alerts: groups.app[0].expr is not valid PromQL: it stops parsing at character 34 (the end: an unclosed bracket or a missing operand?) (got "sum(rate(http_requests_total[5m])"); fix: close every bracket and brace, and give each operator both operands, e.g. up{job="app"} == 0',
  ],
  [
    'unbalanced PromQL in an L1 PrometheusRule',
    (ctx) => {
      new AlertRules(ctx.platform.apps, 'alerts', { name: 'alerts', namespace: 'apps', prometheus: PROMETHEUS, groups: { app: [ALERT] } }); // brings the operator that defines the kind
      new ApiObject(ctx.platform.apps, 'rule', {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { groups: [{ name: 'app', rules: [{ alert: 'AppDown', expr: 'up{job="app" == 0', for: '5m' }] }] },
      });
    },
    'test/apps/rule: spec.groups[0].rules[0].expr is not valid PromQL: it stops parsing at character 14 ("== 0") (got "up{job=\\"app\\" == 0"); fix: close every bracket and brace, and give each operator both operands, e.g. up{job="app"} == 0',
  ],
  [
    'an invalid image on an L1 object',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ image: 'registry.example.com/app:' })),
    'test/apps/raw: spec.template.spec.containers[0].image is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>) (got "registry.example.com/app:"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})',
  ],
  [
    'an image with an empty tag',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { image: 'nginx:' })),
    'test/apps/web: containers[0].image is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>) (got "nginx:"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})',
  ],
  [
    'an image with a short digest',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { image: 'app@sha256:abc' })),
    'test/apps/web: containers[0].image is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>) (got "app@sha256:abc"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})',
  ],
  [
    'an image with an upper-case repository',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { image: 'registry.example.com/MyApp:1.0' })),
    'test/apps/web: containers[0].image has upper-case letters in its repository name (got "registry.example.com/MyApp:1.0"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})',
  ],
  [
    'an image with an unfilled variable',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { image: 'app:${TAG}' })),
    'test/apps/web: containers[0].image is not a valid image reference (registry/name:tag or name@sha256:<64 hex digits>) (got "app:${TAG}"); fix: write "registry/name:tag" or "name@sha256:<64 hex digits>", lower-case, with the tag filled in (no ${VARIABLES})',
  ],
];
