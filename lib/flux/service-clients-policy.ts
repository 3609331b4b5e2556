import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { ClusterContract } from '../addons/cluster-contract';
import { LoadBalancerImplementation } from '../addons/load-balancer-implementation';
import { Site } from '../core/errors';
import { exposuresIn, ServiceExposure } from '../core/service-exposure';
import { ipBlockWithoutMetadata } from '../security/metadata-addresses';
import { PEER_NAME_ANNOTATION } from '../security/network-graph';

const POLICY_ID = 'service-clients-policy';

/**
 * For each LoadBalancer or NodePort Service under `root`: refuses it where the cluster cannot
 * serve it, and writes the NetworkPolicy that admits its clients to its pods
 * (`<service>-from-<clients>`), with the address the LoadBalancer implementation replaces theirs
 * with. Idempotent: a second call replaces the policies of the first.
 */
export function admitServiceClients(root: IConstruct, cluster: ClusterContract): void {
  const loadBalancer = LoadBalancerImplementation.of(new Site(root.node.path, 'cluster'), cluster);
  for (const { scope, exposure } of exposuresIn(root)) {
    const site = new Site(exposure.path, 'spec');
    let replacedSource;
    if (exposure.type === 'LoadBalancer') {
      const implementation = loadBalancer ?? undeclared(site);
      implementation.checkService(site, exposure);
      replacedSource = implementation.replacedSource(exposure.service, exposure.namespace);
    }
    const id = `${POLICY_ID}-${exposure.service}`;
    scope.node.tryRemoveChild(id);
    new k8s.KubeNetworkPolicy(scope, id, {
      metadata: {
        name: `${exposure.service}-from-${exposure.clients.name}`,
        namespace: exposure.namespace,
        // Its peer is address blocks: the YAML and the generated docs name it as the platform did.
        annotations: { [PEER_NAME_ANNOTATION]: exposure.clients.name },
      },
      spec: {
        podSelector: { matchLabels: { ...exposure.selector } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              // Like every block the build writes, the metadata ranges stay out (metadata-addresses.ts).
              ...exposure.clients.blocks.map((b, i) => ({
                ipBlock: b.except.length > 0 ? { cidr: b.cidr, except: [...b.except] } : ipBlockWithoutMetadata(site.at('clients').at(i), b.cidr),
              })),
              ...(replacedSource ? [replacedSource] : []),
            ],
            ports: portRanges(exposure.ports),
          },
        ],
      },
    });
  }
}

function undeclared(site: Site): never {
  return site
    .at('type')
    .fail(
      'LoadBalancer',
      'needs a LoadBalancer implementation, but the cluster contract names none (cluster.loadBalancer, or servicelb in cluster.provided), so the build cannot tell whether the Service is served and how its clients arrive',
      'declare cluster.loadBalancer: LoadBalancerImplementation.cloudController(...), .metalLb([...]) or .none(), or provide k3s ServiceLB',
    );
}

/** The ports as policy ports, in the Service's order, runs of consecutive ones joined into a range (a Service's 8000-8999). */
function portRanges(ports: ServiceExposure['ports']): { port: k8s.IntOrString; endPort?: number; protocol: string }[] {
  const ranges: { start: number; end: number; protocol: string }[] = [];
  for (const { port, protocol } of ports) {
    const last = ranges[ranges.length - 1];
    if (last && last.protocol === protocol && port === last.end + 1) last.end = port;
    else ranges.push({ start: port, end: port, protocol });
  }
  return ranges.map((r) => ({ port: k8s.IntOrString.fromNumber(r.start), endPort: r.end > r.start ? r.end : undefined, protocol: r.protocol }));
}
