import { BlockList, isIP, type LookupFunction } from 'node:net';

// Every range that is not the public internet: this host, private and
// shared networks, link-local (the cloud metadata address 169.254.169.254
// among them), documentation, benchmarking, multicast and reserved.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/**
 * Tells whether an IP address is on the public internet: not loopback,
 * private, shared, link-local, multicast, documentation or reserved. An
 * IPv4 address written inside IPv6 (`::ffff:10.0.0.1`, NAT64 `64:ff9b::`)
 * is judged as the IPv4 address it holds.
 *
 * @param address - an IPv4 or IPv6 address
 * @returns true for a public address
 *
 * @example
 * ```ts
 * [isPublicAddress('93.184.216.34'), isPublicAddress('169.254.169.254'), isPublicAddress('::ffff:127.0.0.1')];
 * // => [true, false, false]
 * ```
 */
export function isPublicAddress(address: string): boolean {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(plain);
  if (family === 4) return !PRIVATE.check(plain, 'ipv4');
  if (family !== 6) return false;
  const embedded = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (embedded) return isPublicAddress(embedded[1]!);
  const hex = /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(plain);
  if (hex) {
    const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
    return isPublicAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return !PRIVATE.check(plain, 'ipv6');
}

/** The error a guarded lookup gives for a host that resolves to an address that is not public. */
export function privateAddressError(host: string, address: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${host} is at ${address}, not a public address: not requested (allow it with --allow-private)`), { code: 'EPRIVATE', hostname: host });
}

/**
 * A lookup that refuses, with an `EPRIVATE` error, any host name that
 * resolves to an address that is not public, so no request is ever sent to
 * this machine, the local network or a cloud metadata service, however a
 * link or a redirect names it.
 *
 * @param lookup - the lookup to guard (the system's, or a test's)
 * @returns the guarded lookup
 */
export function publicOnly(lookup: LookupFunction): LookupFunction {
  return ((hostname: string, options: object, callback: (...args: unknown[]) => void) => {
    lookup(hostname, options as never, ((error: Error | null, address: string | { address: string; family: number }[], family?: number) => {
      if (error) return callback(error);
      const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const refused = addresses.find((a) => !isPublicAddress(a));
      if (refused !== undefined) return callback(privateAddressError(hostname, refused));
      callback(null, address, family);
    }) as never);
  }) as LookupFunction;
}
