import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import { ClusterIssuer } from '../imports/clusterissuer-cert-manager.io';
import { Site } from '../core/errors';
import { checkDnsSubdomain } from '../core/names';
import { IngressController } from './ingress-controller';
import { needAddon } from '../core/addon-needs';
import { CheckedConstruct } from '../core/app-checks';

export const LETS_ENCRYPT_PRODUCTION = 'https://acme-v02.api.letsencrypt.org/directory';
export const LETS_ENCRYPT_STAGING = 'https://acme-staging-v02.api.letsencrypt.org/directory';

/** Pods cert-manager starts to answer HTTP-01 challenges, in the namespace of the Ingress. */
export const HTTP01_SOLVER = { podLabels: { 'acme.cert-manager.io/http01-solver': 'true' }, port: 8089 } as const;

export interface AcmeClusterIssuerProps {
  readonly name: string;
  /** Contact address for the ACME account (expiry notices). */
  readonly email: string;
  /** Ingress controller that serves the HTTP-01 challenge. */
  readonly ingressController: IngressController;
  /** @default LETS_ENCRYPT_PRODUCTION */
  readonly server?: string;
}

/**
 * A cert-manager ClusterIssuer for an ACME CA (Let's Encrypt) solving HTTP-01 through the
 * cluster's ingress controller. The account key is a Secret cert-manager creates: only its name
 * is written here.
 */
export class AcmeClusterIssuer extends CheckedConstruct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: AcmeClusterIssuerProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    this.name = checkDnsSubdomain(site.at('name'), props.name);
    if (props.server !== undefined && !isHttpsUrl(props.server)) {
      site
        .at('server')
        .fail(
          props.server,
          'must be the https URL of an ACME directory',
          'drop server for Let\'s Encrypt production, or give e.g. "https://acme-staging-v02.api.letsencrypt.org/directory"',
        );
    }
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(props.email)) {
      site.at('email').fail(props.email, 'must be an email address', 'give the team address that should get certificate expiry notices');
    }
    // cert-manager issues; the HTTP-01 challenge is served through the cluster's ingress controller.
    needAddon(this, { addon: 'cert-manager' });
    needAddon(this, props.ingressController.addon);
    new ClusterIssuer(this, 'issuer', {
      metadata: { name: this.name },
      spec: {
        acme: {
          server: props.server ?? LETS_ENCRYPT_PRODUCTION,
          email: props.email,
          privateKeySecretRef: { name: `${this.name}-account-key` },
          solvers: [{ http01: { ingress: { ingressClassName: props.ingressController.className } } }],
        },
      },
    });
  }
}

function isHttpsUrl(value: unknown): boolean {
  try {
    return typeof value === 'string' && new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
