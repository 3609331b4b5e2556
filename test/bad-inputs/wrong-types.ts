import { PlatformApp } from '../../lib/cli/platform-app';
import { NamespacedRole } from '../../lib/security/rbac';
import { WebService } from '../../lib/workloads/web-service';
import { Case, web } from './fixtures';

/** Refused inputs: props of the wrong type: a named error by field, never a raw TypeError. */
export const wrongTypes: Case[] = [
  [
    'a PlatformApp dist that is not a folder path',
    () => new PlatformApp({ dist: 5 as unknown as string }),
    "PlatformApp: dist must be the path of a folder (got 5); fix: give the folder the synth replaces, e.g. 'dist', or leave it out for dist/ in the project folder",
  ],
  [
    'a PlatformApp source that is not a GitSource',
    () => new PlatformApp({ source: { url: 'ssh://git@example.com/org/repo.git' } as never }),
    'PlatformApp: source must be a GitSource (got {"url":"ssh://git@example.com/org/repo.git"}); fix: write new GitSource({ url: \'ssh://git@example.com/org/repo.git\' }) (lib/flux/git-source.ts checks the URL and branch)',
  ],
  [
    'environment value null',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { MODE: null as unknown as string } })),
    'test/apps/web: containers[0].env.MODE must be a string, a number or an EnvValue (got null); fix: write a literal such as "8080", or EnvValue.fromSecret(...) / EnvValue.fromConfigMap(...)',
  ],
  [
    'environment value that is not a finite number',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { env: { RATIO: Number.NaN } })),
    'test/apps/web: containers[0].env.RATIO must be a finite number or a string (got null); fix: write the value as a string',
  ],
  [
    'undefined node pool',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { pool: undefined as any })),
    'test/apps/web: pool must be a node pool of this cluster (got nothing); fix: pass one of the cluster\'s pools, e.g. pools.get("general")',
  ],
  [
    'container ports that are not a list',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ports: { name: 'http', port: 8080 } as any })),
    'test/apps/web: containers[0].ports must be a list (got {"name":"http","port":8080}); fix: write it as an array, e.g. [ ... ]',
  ],
  [
    'Role rules that are not a list',
    (ctx) =>
      new NamespacedRole(ctx.platform.apps, 'role', {
        name: 'r',
        namespace: 'apps',
        subjects: [{ name: 'web', namespace: 'apps' }],
        rules: { verbs: ['get'] } as any,
      }),
    'test/apps/role: rules must be a list (got {"verbs":["get"]}); fix: write it as an array, e.g. [ ... ]',
  ],
  [
    'a probe that is not a Probe',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { readinessProbe: { httpGet: { path: '/' } } as any })),
    'test/apps/web: containers[0].readinessProbe must be a Probe (got {"httpGet":{"path":"/"}}); fix: write Probe.httpGet("/healthz", "http"), Probe.tcpSocket("http"), Probe.grpc("grpc") or Probe.exec([...])',
  ],
  [
    'extraServices that is not a list',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { extraServices: 'public' as any })),
    'test/apps/web: extraServices must be a list (got "public"); fix: write it as an array, e.g. [ ... ]',
  ],
];
