import { Construct } from 'constructs';
import { Alert, AlertSpecEventSeverity, AlertSpecEventSourcesKind } from '../imports/alert-notification.toolkit.fluxcd.io';
import { Provider, ProviderSpecType } from '../imports/provider-notification.toolkit.fluxcd.io';
import { ExternalPrerequisite } from '../addons/cluster-contract';
import { CheckedConstruct } from '../core/app-checks';

/** Where Flux sends a build's failures. The address (webhook URL, with its token) is never in Git: it is in a Secret. */
export interface AlertSettings {
  /**
   * The notification service.
   * @default 'generic' (a JSON POST to the address)
   */
  readonly type?: 'generic' | 'slack' | 'msteams' | 'googlechat' | 'discord' | 'opsgenie' | 'pagerduty' | 'alertmanager';
  /**
   * The Secret in flux-system whose key `address` holds the address, created at bootstrap.
   * @default `<folder>-alerts`
   */
  readonly secretName?: string;
}

export interface FluxAlertsProps {
  readonly folder: string;
  readonly namespace: string;
  /** The build's Kustomizations and HelmReleases, by name. */
  readonly kustomizations: readonly string[];
  readonly helmReleases: readonly string[];
  readonly settings?: AlertSettings;
}

/**
 * A notification Provider (address in a referenced Secret) and an Alert on every failed
 * reconciliation of the build's Kustomizations and HelmReleases (notification.toolkit.fluxcd.io/v1beta3).
 */
export class FluxAlerts extends CheckedConstruct {
  /** The Secret the Provider reads, which bootstrap creates: the build's prerequisite. */
  readonly prerequisite: ExternalPrerequisite;

  constructor(scope: Construct, id: string, props: FluxAlertsProps) {
    super(scope, id);
    const { folder, namespace } = props;
    const secretName = props.settings?.secretName ?? `${folder}-alerts`;
    const type = Object.values(ProviderSpecType).find((t) => (t as string) === (props.settings?.type ?? 'generic'))!;
    this.prerequisite = {
      kind: 'Secret',
      namespace,
      name: secretName,
      reason: `holds the address Flux alerts go to; created at bootstrap: kubectl -n ${namespace} create secret generic ${secretName} --from-literal=address=<URL>`,
    };
    new Provider(this, 'provider', { metadata: { name: folder, namespace }, spec: { type, secretRef: { name: secretName } } });
    const sources = [
      ...props.kustomizations.map((name) => ({ kind: AlertSpecEventSourcesKind.KUSTOMIZATION, name, namespace })),
      ...props.helmReleases.map((name) => ({ kind: AlertSpecEventSourcesKind.HELM_RELEASE, name, namespace })),
    ];
    new Alert(this, 'alert', {
      metadata: { name: folder, namespace },
      spec: {
        providerRef: { name: folder },
        eventSeverity: AlertSpecEventSeverity.ERROR,
        eventSources: sources,
        summary: `${folder}: a reconciliation failed`,
      },
    });
  }
}
