import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel, checkLabels } from '../core/names';
import { podSecurityLabels, PodSecurityLevel } from '../core/pod-security';
import { CheckedConstruct } from '../core/app-checks';

/** Where cluster DNS runs; every namespace's pods may reach it. */
export const CLUSTER_DNS = { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } } as const;
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface SecureNamespaceProps {
  readonly name: string;
  /** The level enforced; lower it only for pods that declare an exception. @default PodSecurityLevel.RESTRICTED */
  readonly podSecurity?: PodSecurityLevel;
  /** The level audited and warned about. @default PodSecurityLevel.RESTRICTED */
  readonly podSecurityAudit?: PodSecurityLevel;
  /** @default none */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A namespace that is closed by default: Pod Security Admission labels (enforce, audit, warn,
 * version pinned), a NetworkPolicy denying all ingress and egress, and one allowing DNS so that
 * name lookups still work. Traffic is then opened rule by rule with a NetworkGraph.
 */
export class SecureNamespace extends CheckedConstruct {
  readonly name: string;
  /** The Namespace (escape hatch: labels, annotations). */
  readonly namespace: k8s.KubeNamespace;
  /** The NetworkPolicy denying all ingress and egress. */
  readonly defaultDeny: k8s.KubeNetworkPolicy;
  /** The NetworkPolicy allowing DNS lookups. */
  readonly allowDns: k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: SecureNamespaceProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    this.name = checkDnsLabel(site.at('name'), props.name);
    const labels = checkLabels(site.at('labels'), props.labels ?? {});

    this.namespace = new k8s.KubeNamespace(this, 'namespace', {
      metadata: {
        name: this.name,
        labels: {
          ...labels,
          ...podSecurityLabels(props.podSecurity ?? PodSecurityLevel.RESTRICTED, props.podSecurityAudit ?? PodSecurityLevel.RESTRICTED),
        },
      },
    });
    this.defaultDeny = new k8s.KubeNetworkPolicy(this, 'default-deny', {
      metadata: { name: 'default-deny-all', namespace: this.name },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    this.allowDns = new k8s.KubeNetworkPolicy(this, 'allow-dns', {
      metadata: { name: 'allow-dns-egress', namespace: this.name },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: CLUSTER_DNS.namespace } },
                podSelector: { matchLabels: { ...CLUSTER_DNS.podLabels } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
              { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
            ],
          },
        ],
      },
    });
  }
}
