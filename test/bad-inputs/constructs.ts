import { CustomResourceDefinition } from '../../lib/crds/custom-resource-definition';
import { AcmeClusterIssuer } from '../../lib/ingress/acme-issuer';
import { IngressController } from '../../lib/ingress/ingress-controller';
import { IstioHttpsGateway, IstioIngressGateway, IstioVirtualService } from '../../lib/ingress/istio';
import { WebIngress } from '../../lib/ingress/web-ingress';
import { AlertRules } from '../../lib/monitoring/alert-rules';
import { AzureKeyVaultSecrets } from '../../lib/security/azure-key-vault';
import { NetworkGraph } from '../../lib/security/network-graph';
import { NamespacedRole } from '../../lib/security/rbac';
import { CloudIdentity } from '../../lib/workloads/cloud-identity';
import { ScheduledJob } from '../../lib/workloads/scheduled-job';
import { SessionTemplates } from '../../lib/workloads/session-templates';
import { WebService } from '../../lib/workloads/web-service';
import { container } from '../helpers';
import { ALERT, Case, Context, PROBED, PROMETHEUS, sessions, web } from './fixtures';

const GUID = '11111111-2222-3333-4444-555555555555';

/** A valid nightly ScheduledJob "backup" in namespace "apps"; override what a case breaks. */
function backupJob(ctx: Context, overrides: Record<string, unknown>): ScheduledJob {
  return new ScheduledJob(ctx.platform.apps, 'backup', {
    name: 'backup',
    namespace: 'apps',
    schedule: '0 2 * * *',
    pool: ctx.pools.get('general'),
    containers: [container()],
    ...overrides,
  });
}

/**
 * Refused inputs: other constructs and helpers with their own validation: alerts, CRDs, ingress, Istio,
 * identities, jobs, sessions, sandboxes, RBAC.
 */
export const constructs: Case[] = [
  [
    'ACME issuer without a usable email',
    (ctx) => new AcmeClusterIssuer(ctx.platform.infrastructure, 'issuer', { name: 'le', email: 'ops', ingressController: IngressController.nginx() }),
    'test/infrastructure/issuer: email must be an email address (got "ops"); fix: give the team address that should get certificate expiry notices',
  ],
  [
    'an ACME server that is not a URL',
    (ctx) =>
      new AcmeClusterIssuer(ctx.platform.infrastructure, 'issuer', {
        name: 'le',
        email: 'ops@example.com',
        ingressController: IngressController.nginx(),
        server: 'letsencrypt staging',
      }),
    'test/infrastructure/issuer: server must be the https URL of an ACME directory (got "letsencrypt staging"); fix: drop server for Let\'s Encrypt production, or give e.g. "https://acme-staging-v02.api.letsencrypt.org/directory"',
  ],
  [
    'Key Vault tenant that is not a GUID',
    (ctx) =>
      new AzureKeyVaultSecrets(ctx.platform.apps, 'kv', {
        name: 'kv',
        namespace: 'apps',
        keyVaultName: 'vault',
        tenantId: 'contoso',
        workloadIdentityClientId: GUID,
        secrets: [{ objectName: 'a', secretName: 'a', key: 'a' }],
      }),
    'test/apps/kv: tenantId must be a GUID (got "contoso"); fix: copy it from the Azure identity (az identity show --query clientId)',
  ],
  [
    'Key Vault name with an underscore',
    (ctx) =>
      new AzureKeyVaultSecrets(ctx.platform.apps, 'kv', {
        name: 'kv',
        namespace: 'apps',
        keyVaultName: 'my_vault',
        tenantId: GUID,
        workloadIdentityClientId: GUID,
        secrets: [{ objectName: 'a', secretName: 'a', key: 'a' }],
      }),
    'test/apps/kv: keyVaultName must be a Key Vault name (3-24 letters, digits and "-", starting with a letter) (got "my_vault"); fix: use the vault\'s name as the Azure portal shows it',
  ],
  [
    'a Key Vault secret with an empty key',
    (ctx) =>
      new AzureKeyVaultSecrets(ctx.platform.apps, 'kv', {
        name: 'kv',
        namespace: 'apps',
        keyVaultName: 'vault',
        tenantId: GUID,
        workloadIdentityClientId: GUID,
        secrets: [{ objectName: 'db-password', secretName: 'db', key: '' }],
      }),
    'test/apps/kv: secrets[0].key must not be empty (got ""); fix: give the key the value gets in the Kubernetes Secret, e.g. "password"',
  ],
  [
    'IRSA role that is not an ARN',
    (ctx) =>
      new ScheduledJob(ctx.platform.apps, 'backup', {
        name: 'backup',
        namespace: 'apps',
        schedule: '@daily',
        pool: ctx.pools.get('general'),
        containers: [container()],
        cloudIdentity: CloudIdentity.awsIamRole('backup-role'),
      }),
    'test/apps/backup: cloudIdentity must be an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>) (got "backup-role"); fix: copy it from the role (aws iam get-role --query Role.Arn)',
  ],
  [
    'duration that is not one',
    (ctx) =>
      new AlertRules(ctx.platform.apps, 'alerts', {
        name: 'alerts',
        namespace: 'apps',
        prometheus: PROMETHEUS,
        groups: { app: [{ ...ALERT, for: 'five minutes' }] },
      }),
    'test/apps/alerts: groups.app[0].for must be a duration such as "30s", "10m" or "24h" (got "five minutes"); fix: write a number followed by ms, s, m, h or d',
  ],
  [
    'alert name that is not CamelCase',
    (ctx) =>
      new AlertRules(ctx.platform.apps, 'alerts', {
        name: 'alerts',
        namespace: 'apps',
        prometheus: PROMETHEUS,
        groups: { app: [{ ...ALERT, name: 'app-down' }] },
      }),
    'test/apps/alerts: groups.app[0].name must be a CamelCase alert name (got "app-down"); fix: e.g. "SessionManagerDown"',
  ],
  [
    'CRD group without a dot',
    (ctx) =>
      new CustomResourceDefinition(ctx.platform.infrastructure, 'crd', {
        group: 'streaming',
        kind: 'Session',
        plural: 'sessions',
        versions: [{ name: 'v1', storage: true, schema: { type: 'object' } }],
      }),
    'test/infrastructure/crd: group must contain a dot (the API server refuses groups without one) (got "streaming"); fix: use a domain you own, e.g. "streaming.example.com"',
  ],
  [
    'Istio gateway without hosts',
    (ctx) =>
      new IstioHttpsGateway(ctx.platform.apps, 'gw', {
        name: 'gw',
        namespace: 'apps',
        ingressGateway: IstioIngressGateway.default(),
        hosts: [],
        tlsSecret: 'tls',
      }),
    'test/apps/gw: hosts must list at least one host (got []); fix: e.g. hosts: ["app.example.com"]',
  ],
  [
    'route to a backend of another namespace',
    (ctx) => {
      const gateway = new IstioHttpsGateway(ctx.platform.apps, 'gw', {
        name: 'gw',
        namespace: 'apps',
        ingressGateway: IstioIngressGateway.default(),
        hosts: ['app.example.com'],
        tlsSecret: 'tls',
      });
      const other = new WebService(ctx.platform.apps, 'other', web(ctx, { name: 'other', namespace: 'elsewhere' }));
      new IstioVirtualService(ctx.platform.apps, 'vs', {
        name: 'vs',
        namespace: 'apps',
        gateway,
        network: new NetworkGraph(ctx.platform.apps, 'net'),
        routes: [{ match: { prefix: '/' }, backend: other, port: 'http', timeout: '30s' }],
      });
    },
    'test/apps/vs: routes[0].backend is not in the VirtualService namespace "apps" (got "elsewhere/other"); fix: routes only reach Services of their own namespace: move the VirtualService or the backend',
  ],
  [
    'Ingress path without a leading slash',
    (ctx) =>
      new WebIngress(ctx.platform.apps, 'ingress', {
        name: 'site',
        namespace: 'apps',
        host: 'shop.example.com',
        controller: IngressController.nginx(),
        network: new NetworkGraph(ctx.platform.apps, 'net'),
        routes: [{ path: 'api', backend: new WebService(ctx.platform.apps, 'web', web(ctx)), port: 'http' }],
      }),
    'test/apps/ingress: routes[0].path must start with "/" (got "api"); fix: write "/api"',
  ],
  [
    'session user id that is not a DNS label',
    (ctx) => sessions(ctx).renderForUser(ctx.platform.apps, 'main', 'User_42'),
    'test/apps/sessions.renderForUser: userId must be a DNS-1123 label (lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit) (got "User_42"); fix: use a name such as "user-42"',
  ],
  [
    'session variant that does not exist',
    (ctx) => sessions(ctx).renderForUser(ctx.platform.apps, 'gpu', 'user-1'),
    'test/apps/sessions: variants is not a session variant (got "gpu"); fix: use one of: main',
  ],
  [
    'backup schedule that is not cron',
    (ctx) =>
      new ScheduledJob(ctx.platform.apps, 'backup', {
        name: 'backup',
        namespace: 'apps',
        schedule: 'daily at 2',
        pool: ctx.pools.get('general'),
        containers: [container()],
      }),
    'test/apps/backup: schedule must have five fields (minute hour day-of-month month day-of-week), not 3: it must be a cron schedule of five fields or a macro such as @daily (got "daily at 2"); fix: e.g. "0 2 * * *" for 02:00 every day; set the zone with timeZone',
  ],
  [
    'a cron schedule out of range',
    (ctx) => backupJob(ctx, { schedule: '60 25 * * *' }),
    'test/apps/backup: schedule has a minute field "60" that is outside 0-59: it must be a cron schedule of five fields or a macro such as @daily (got "60 25 * * *"); fix: e.g. "0 2 * * *" for 02:00 every day; set the zone with timeZone',
  ],
  [
    'a cron schedule in words',
    (ctx) => backupJob(ctx, { schedule: 'at two am every day' }),
    'test/apps/backup: schedule has a minute field "at" that is not a number: it must be a cron schedule of five fields or a macro such as @daily (got "at two am every day"); fix: e.g. "0 2 * * *" for 02:00 every day; set the zone with timeZone',
  ],
  [
    'a time zone that does not exist',
    (ctx) => backupJob(ctx, { timeZone: 'Mars/Olympus' }),
    'test/apps/backup: timeZone must be an IANA time zone name (the tz database the cluster ships) (got "Mars/Olympus"); fix: write e.g. "Etc/UTC" or "Europe/Berlin"',
  ],
  [
    'a negative backoffLimit',
    (ctx) => backupJob(ctx, { backoffLimit: -1 }),
    'test/apps/backup: backoffLimit must be a whole number of at least 0 (got -1); fix: drop backoffLimit for the default, or give e.g. 3',
  ],
  [
    'an activeDeadlineSeconds of 0',
    (ctx) => backupJob(ctx, { activeDeadlineSeconds: 0 }),
    'test/apps/backup: activeDeadlineSeconds must be a whole number of at least 1 (got 0); fix: drop activeDeadlineSeconds for the default, or give e.g. 3600',
  ],
  [
    'wildcard in a Role',
    (ctx) =>
      new NamespacedRole(ctx.platform.apps, 'role', {
        name: 'r',
        namespace: 'apps',
        subjects: [{ name: 'web', namespace: 'apps' }],
        rules: [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }],
      }),
    'test/apps/role: rules[0].resources must not contain "*": a wildcard grants whatever is added later (got ["*"]); fix: list the resources explicitly',
  ],
  [
    'exec role without get',
    (ctx) =>
      new NamespacedRole(ctx.platform.apps, 'role', {
        name: 'terminal',
        namespace: 'apps',
        subjects: [{ name: 'web', namespace: 'apps' }],
        rules: [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }],
      }),
    'test/apps/role: rules[0].verbs grant pods/exec without "get": WebSocket clients (@kubernetes/client-node, kubectl 1.30+) open it with an HTTP GET, which RBAC checks as get (got ["create"]); fix: grant both "get" and "create" on pods/exec',
  ],
  [
    'exec role without create',
    (ctx) =>
      new NamespacedRole(ctx.platform.apps, 'role', {
        name: 'terminal',
        namespace: 'apps',
        subjects: [{ name: 'web', namespace: 'apps' }],
        rules: [{ apiGroups: [''], resources: ['pods', 'pods/exec'], verbs: ['get'] }],
      }),
    'test/apps/role: rules[0].verbs grant pods/exec without "create": SPDY clients open it with a POST, and from Kubernetes 1.35 the WebSocket upgrade is checked as create too (got ["get"]); fix: grant both "get" and "create" on pods/exec',
  ],
  [
    'sandbox asking for a token',
    (ctx) =>
      new SessionTemplates(ctx.platform.apps, 'sandbox', {
        name: 'sandbox',
        namespace: 'apps',
        podLabels: { app: 'sandbox' },
        runsUntrustedCode: true,
        variants: { shell: { pool: ctx.pools.get('general'), automountServiceAccountToken: true, containers: [container(PROBED)] } },
      }),
    'test/apps/sandbox: variants.shell.automountServiceAccountToken must be false for a pod that runs user code: the user would hold its API token (got true); fix: drop it; the service that creates the pods calls the API, not the pod',
  ],
  [
    'privileged container in a sandbox',
    (ctx) =>
      new SessionTemplates(ctx.platform.apps, 'sandbox', {
        name: 'sandbox',
        namespace: 'apps',
        podLabels: { app: 'sandbox' },
        runsUntrustedCode: true,
        variants: {
          shell: { pool: ctx.pools.get('general'), containers: [container({ ...PROBED, privileged: { reason: 'wants to run docker inside' } })] },
        },
      }),
    'test/apps/sandbox: variants.shell.containers[0].privileged is not allowed in a pod that runs user code: the user would get root on the pod, and with privileged the node (got {"reason":"wants to run docker inside"}); fix: run the container as a non-root user without privileges',
  ],
];
