import { k8s } from 'cdk8s-plus-28';
import { BlockList, isIP } from 'node:net';
import { Site } from '../core/errors';

/**
 * Cloud instance metadata (169.254.169.254 on AWS, Azure and GCP; fd00:ec2::254 on AWS) hands
 * out the node's cloud credentials. "The internet" in a NetworkPolicy therefore leaves out the
 * link-local ranges; a rule that really needs them names them as its own peer
 * (Peer.cidr('169.254.169.254/32', 'instance-metadata')), which is the declaration a reviewer sees.
 */
const LINK_LOCAL: Record<4 | 6, readonly { range: string; probe: string }[]> = {
  4: [{ range: '169.254.0.0/16', probe: '169.254.169.254' }],
  6: [{ range: 'fe80::/10', probe: 'fe80::1' }, { range: 'fd00:ec2::254/128', probe: 'fd00:ec2::254' }],
};

/** A CIDR as the API accepts it: an IPv4 or IPv6 address and a prefix within its length. */
export function checkCidr(site: Site, cidr: string): { address: string; prefix: number; family: 4 | 6 } {
  const [address, prefixText, extra] = typeof cidr === 'string' ? cidr.split('/') : [];
  const family = isIP(address ?? '');
  const prefix = Number(prefixText);
  if (extra !== undefined || family === 0 || !/^\d{1,3}$/.test(prefixText ?? '') || prefix > (family === 4 ? 32 : 128)) {
    site.fail(cidr, 'must be a CIDR: an IPv4 address with a prefix of 0-32, or an IPv6 address with 0-128', 'write e.g. "10.0.0.0/16" or "fd00::/8"');
  }
  return { address, prefix, family: family as 4 | 6 };
}

/** An ipBlock for `cidr` that leaves out the link-local metadata ranges it would contain. */
export function ipBlockWithoutMetadata(site: Site, cidr: string): k8s.IpBlock {
  const { address, prefix, family } = checkCidr(site, cidr);
  const block = new BlockList();
  block.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  const except = LINK_LOCAL[family].filter((l) => block.check(l.probe, family === 4 ? 'ipv4' : 'ipv6') && prefix < Number(l.range.split('/')[1])).map((l) => l.range);
  return except.length > 0 ? { cidr, except } : { cidr };
}

/** "Any destination" for an egress rule without peers: every pod, and every address but the metadata ranges. */
export function anyDestinationButMetadata(site: Site): k8s.NetworkPolicyPeer[] {
  return [{ namespaceSelector: {} }, { ipBlock: ipBlockWithoutMetadata(site, '0.0.0.0/0') }, { ipBlock: ipBlockWithoutMetadata(site, '::/0') }];
}
