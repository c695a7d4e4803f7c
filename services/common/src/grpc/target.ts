import net from 'node:net';

/**
 * A service's address as configured: one `host:port` (a name may resolve to
 * several addresses, each a replica), or a comma-separated list of IP
 * `address:port`s, one per replica (`127.0.0.1:50054,127.0.0.1:50064`;
 * IPv6 in brackets).
 */
export function addressList(address: string): string[] {
  return address
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const hostOf = (address: string) => {
  const match = /^\[?([^\]]*)\]?:(\d{1,5})$/.exec(address);
  return match ? { host: match[1]!, port: Number(match[2]) } : undefined;
};

/** Why `address` is not a usable service address, or undefined when it is. */
export function addressProblem(address: string): string | undefined {
  const list = addressList(address);
  if (list.length === 0) return 'must be host:port, or a comma-separated list of IP address:port';
  for (const item of list) {
    const parsed = hostOf(item);
    if (!parsed || parsed.host === '' || parsed.port > 65_535) return `"${item}" is not host:port`;
    if (list.length > 1 && net.isIP(parsed.host) === 0) return `"${item}": a list takes IP addresses (one name may resolve to several replicas instead)`;
  }
  const families = new Set(list.map((item) => net.isIP(hostOf(item)!.host)));
  if (list.length > 1 && families.size > 1) return 'a list takes IPv4 or IPv6 addresses, not both';
  return undefined;
}

/**
 * The grpc-js target of an address: a list becomes one channel over every
 * replica (`ipv4:a,b`), balanced round robin by the client, which skips a
 * replica it cannot connect to; a single address stays as it is.
 */
export function grpcTarget(address: string): string {
  const problem = addressProblem(address);
  if (problem) throw new Error(`not a service address: ${address} (${problem})`);
  const list = addressList(address);
  if (list.length === 1) return list[0]!;
  const scheme = net.isIPv6(hostOf(list[0]!)!.host) ? 'ipv6' : 'ipv4';
  return `${scheme}:${list.join(',')}`;
}
