import { k8s } from 'cdk8s-plus-28';
import { BlockList, isIP } from 'node:net';
import { Site } from '../core/errors';
import { checkCidr } from '../core/cidr';

/**
 * Cloud instance metadata (169.254.169.254 on AWS, Azure and GCP; fd00:ec2::254 on AWS) hands
 * out the node's cloud credentials. "The internet" in a NetworkPolicy therefore leaves out the
 * link-local ranges; a rule that really needs them names them as its own peer
 * (Peer.cidr('169.254.169.254/32', 'instance-metadata')), which is the declaration a reviewer sees.
 */
const LINK_LOCAL: Record<4 | 6, readonly { range: string; probe: string }[]> = {
  4: [{ range: '169.254.0.0/16', probe: '169.254.169.254' }],
  6: [
    { range: 'fe80::/10', probe: 'fe80::1' },
    { range: 'fd00:ec2::254/128', probe: 'fd00:ec2::254' },
  ],
};

/** The parts of a CIDR, once checked (cidr.ts: the one CIDR check). */
function parseCidr(site: Site, cidr: string): { address: string; prefix: number; family: 4 | 6 } {
  checkCidr(site, cidr);
  const [address, prefix] = cidr.split('/');
  return { address, prefix: Number(prefix), family: isIP(address) as 4 | 6 };
}

/** An ipBlock for `cidr` that leaves out the link-local metadata ranges it would contain. */
export function ipBlockWithoutMetadata(site: Site, cidr: string): k8s.IpBlock {
  const { address, prefix, family } = parseCidr(site, cidr);
  const block = new BlockList();
  block.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  const except = LINK_LOCAL[family]
    .filter((l) => block.check(l.probe, family === 4 ? 'ipv4' : 'ipv6') && prefix < Number(l.range.split('/')[1]))
    .map((l) => l.range);
  return except.length > 0 ? { cidr, except } : { cidr };
}

/** "Any destination" for an egress rule without peers: every pod, and every address but the metadata ranges. */
export function anyDestinationButMetadata(site: Site): k8s.NetworkPolicyPeer[] {
  return [{ namespaceSelector: {} }, { ipBlock: ipBlockWithoutMetadata(site, '0.0.0.0/0') }, { ipBlock: ipBlockWithoutMetadata(site, '::/0') }];
}

/**
 * The link-local ranges (cloud metadata among them) an egress ipBlock reaches without naming them: the block is wider than the
 * link-local range (0.0.0.0/0, 169.0.0.0/8) and leaves no `except` over the metadata address. A
 * block inside the range (169.254.169.254/32) names it: that is the declaration, not a leak.
 * None for a block that is not a valid CIDR (the API server's rules report it).
 */
export function metadataReachedBy(ipBlock: { cidr?: unknown; except?: unknown }): string[] {
  if (typeof ipBlock.cidr !== 'string') return [];
  const [address, prefixText] = ipBlock.cidr.split('/');
  const family = isIP(address);
  const prefix = Number(prefixText);
  if ((family !== 4 && family !== 6) || !Number.isInteger(prefix)) return [];
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const block = new BlockList();
  block.addSubnet(address, prefix, type);
  const excepted = new BlockList();
  for (const except of Array.isArray(ipBlock.except) ? ipBlock.except : []) {
    const [a, p] = String(except).split('/');
    if (isIP(a) === family && Number.isInteger(Number(p))) excepted.addSubnet(a, Number(p), type);
  }
  return LINK_LOCAL[family]
    .filter((l) => block.check(l.probe, type) && prefix < Number(l.range.split('/')[1]) && !excepted.check(l.probe, type))
    .map((l) => l.range);
}
