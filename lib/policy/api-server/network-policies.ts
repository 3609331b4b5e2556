import { isPortName, isPortNumber } from '../../core/names';
import { cidrProblem, cidrStrictlyInside } from '../../core/cidr';
import { ApiFindings, listAt, mapAt } from './api-findings';

// The API server's rules for a NetworkPolicy: pkg/apis/networking/validation/validation.go
// (Kubernetes 1.28), ValidateNetworkPolicySpec, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer
// and ValidateIPBlock.

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export function networkPolicyFindings(f: ApiFindings, spec: Record<string, any>): void {
  for (const [direction, peersField] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    listAt(spec[direction]).forEach((rule, i) => {
      const at = `spec.${direction}[${i}]`;
      listAt(rule?.ports).forEach((port, j) => portFindings(f, `${at}.ports[${j}]`, mapAt(port)));
      listAt(rule?.[peersField]).forEach((peer, j) => peerFindings(f, `${at}.${peersField}[${j}]`, mapAt(peer)));
    });
  }
  const types = listAt(spec.policyTypes);
  if (types.length > 2) f.refuse('spec.policyTypes', types, 'must list at most two types', 'list Ingress, Egress or both, once each');
  types.forEach((type, i) => {
    if (typeof type === 'string' && !['Ingress', 'Egress'].includes(type))
      f.refuse(`spec.policyTypes[${i}]`, type, 'must be Ingress or Egress', 'write "Ingress" or "Egress"');
  });
}

/** ValidateNetworkPolicyPort: a port by number or name; endPort only after a numeric port, not below it. */
function portFindings(f: ApiFindings, at: string, port: Record<string, any>): void {
  if (typeof port.protocol === 'string' && !PROTOCOLS.includes(port.protocol))
    f.refuse(`${at}.protocol`, port.protocol, `must be one of ${PROTOCOLS.join(', ')}`, 'write e.g. "TCP"');
  if (port.port !== undefined && !(isPortNumber(port.port) || isPortName(port.port))) {
    f.refuse(`${at}.port`, port.port, 'must be a port number from 1 to 65535 or a port name', 'open the port the pods declare');
  }
  if (port.endPort === undefined) return;
  if (port.port === undefined)
    f.refuse(
      `${at}.endPort`,
      port.endPort,
      'may not be set without port (it ends the range port starts)',
      'give the first port of the range in port',
    );
  else if (typeof port.port !== 'number')
    f.refuse(`${at}.endPort`, port.endPort, 'may not be set when port is a name', 'give the range as port numbers');
  else if (typeof port.endPort === 'number' && (!isPortNumber(port.endPort) || port.endPort < port.port))
    f.refuse(`${at}.endPort`, port.endPort, `must be a port number of at least port (${port.port})`, 'give the range as port <= endPort');
}

/** ValidateNetworkPolicyPeer and ValidateIPBlock: one kind of peer; an address block with excepts strictly inside it. */
function peerFindings(f: ApiFindings, at: string, peer: Record<string, any>): void {
  const kinds = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => peer[k] !== undefined);
  if (kinds.length === 0) f.refuse(at, peer, 'must give a peer (podSelector, namespaceSelector or ipBlock)', 'say who the rule admits');
  if (peer.ipBlock !== undefined && kinds.length > 1) f.refuse(at, kinds, 'may not combine ipBlock with a selector', 'make them two peers');
  if (peer.ipBlock === undefined) return;
  const cidr = peer.ipBlock.cidr;
  const problem = cidrProblem(cidr);
  if (problem) {
    f.refuse(`${at}.ipBlock.cidr`, cidr, problem.problem, problem.fix);
    return;
  }
  listAt(peer.ipBlock.except).forEach((block, i) => {
    const blockProblem = cidrProblem(block);
    if (blockProblem) f.refuse(`${at}.ipBlock.except[${i}]`, block, blockProblem.problem, blockProblem.fix);
    else if (!cidrStrictlyInside(cidr, block)) {
      f.refuse(
        `${at}.ipBlock.except[${i}]`,
        block,
        `must be a block strictly inside the cidr ${cidr}`,
        'list only smaller blocks inside the cidr; to admit nothing, drop the peer',
      );
    }
  });
}
