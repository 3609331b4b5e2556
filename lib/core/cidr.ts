import { BlockList, isIP } from 'node:net';
import { Site } from './errors';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * A CIDR block as NetworkPolicy ipBlock takes it: an IPv4 or IPv6 address and a prefix length,
 * with no host bits set (the API server refuses "10.0.0.1/8").
 */
export function checkCidr(site: Site, cidr: string): string {
  const problem = cidrProblem(cidr);
  if (problem) site.fail(cidr, problem.problem, problem.fix);
  return cidr;
}

/** Why `cidr` is not a CIDR block the API server takes, with the fix; undefined for a valid one. */
export function cidrProblem(cidr: unknown): { readonly problem: string; readonly fix: string } | undefined {
  const [address, prefix, extra] = typeof cidr === 'string' ? cidr.split('/') : [];
  const v4 = IPV4.test(address ?? '');
  const v6 = !v4 && isIP(address ?? '') === 6;
  const bits = v4 ? 32 : 128;
  const length = Number(prefix);
  if ((!v4 && !v6) || extra !== undefined || prefix === undefined || !/^\d{1,3}$/.test(prefix) || length > bits) {
    return { problem: 'must be a CIDR block (address/prefix length)', fix: 'e.g. "10.0.0.0/8" or "203.0.113.7/32"' };
  }
  if (v4) {
    const value = address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
    const host = length === 0 ? value : value % 2 ** (32 - length);
    if (host !== 0) {
      return {
        problem: `has host bits set below its /${length} prefix`,
        fix: `write the network address, e.g. "${networkOf(value, length)}/${length}"`,
      };
    }
  }
  return undefined;
}

/** Does block `outer` hold address `address` (IPv4 or IPv6)? Both already checked. */
export function cidrHolds(outer: string, address: string): boolean {
  const [network, prefix] = outer.split('/');
  const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
  if (isIP(address) !== isIP(network)) return false;
  const block = new BlockList();
  block.addSubnet(network, Number(prefix), family);
  return block.check(address, family);
}

/** Is `inner` a block inside `outer` with a longer prefix (a strict subset, as ipBlock.except must be)? Both already checked. */
export function cidrStrictlyInside(outer: string, inner: string): boolean {
  const [network, prefix] = inner.split('/');
  return cidrHolds(outer, network) && Number(prefix) > Number(outer.split('/')[1]);
}

/** Is IPv4 block `inner` inside `outer`? (Both already checked.) */
export function cidrContains(outer: string, inner: string): boolean {
  const [oa, op] = outer.split('/');
  const [ia, ip] = inner.split('/');
  if (!IPV4.test(oa) || !IPV4.test(ia)) return oa.includes(':') === ia.includes(':');
  const toInt = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(op));
  return Number(ip) >= Number(op) && Math.floor(toInt(ia) / size) === Math.floor(toInt(oa) / size);
}

function networkOf(value: number, length: number): string {
  const network = length === 0 ? 0 : value - (value % 2 ** (32 - length));
  return [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.');
}

/**
 * Address ranges that are not the internet from inside a cluster: private networks (RFC 1918,
 * where VPCs, pods and Services live), carrier-grade NAT (RFC 6598, used by some CNIs) and
 * link-local (RFC 3927), which holds the cloud metadata address 169.254.169.254.
 */
export const NON_INTERNET_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16'];

/** The private networks of RFC 1918, where home and office networks (and their clients) live. */
export const LOCAL_NETWORK_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
