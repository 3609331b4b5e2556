import { PolicyRule } from '../../core/exceptions';
import { metadataReachedBy } from '../../security/metadata-addresses';
import { Finding, PolicyCheck } from '../policy-check';

/**
 * No NetworkPolicy lets pods reach the cloud instance metadata address (169.254.169.254,
 * fd00:ec2::254), which hands out the node's cloud credentials, unless it names that address as
 * its own peer: an egress rule without `to` reaches every address, and an ipBlock wider than the
 * link-local range reaches it unless an `except` leaves it out. Whatever wrote the policy (a
 * construct, an L1 object, a patch); no exceptions.
 */
export const metadataUnreachableCheck: PolicyCheck = {
  rule: PolicyRule.METADATA_UNREACHABLE,
  appliesTo: (m) => m.kind === 'NetworkPolicy' && Array.isArray(m.object.spec?.egress),
  check(m) {
    const findings: Finding[] = [];
    (m.object.spec.egress as Record<string, any>[]).forEach((rule, i) => {
      const peers: Record<string, any>[] | undefined = Array.isArray(rule?.to) ? rule.to : undefined;
      if (peers === undefined || peers.length === 0) {
        findings.push({
          field: `spec.egress[${i}].to`,
          value: rule?.to,
          problem: 'is missing, so the rule allows every destination, the cloud metadata address 169.254.169.254 among them',
          fix: 'name the destinations; for the internet, an ipBlock 0.0.0.0/0 with except 169.254.0.0/16 (what Peer.internet() writes)',
        });
        return;
      }
      peers.forEach((peer, j) => {
        const reached = peer?.ipBlock ? metadataReachedBy(peer.ipBlock) : [];
        if (reached.length === 0) return;
        findings.push({
          field: `spec.egress[${i}].to[${j}].ipBlock`,
          value: peer.ipBlock,
          problem: `reaches ${reached.join(' and ')}, which holds the cloud metadata address that hands out the node's cloud credentials`,
          fix: `add ${reached.join(' and ')} to its except; a rule that needs metadata names it as its own peer (Peer.cidr('169.254.169.254/32', 'instance-metadata'))`,
        });
      });
    });
    return findings;
  },
};
