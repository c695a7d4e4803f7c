import { isIP } from 'node:net';

/**
 * Where an endpoint may point (API.md "Webhooks"): outside production http(s)
 * to anything; in production https only and public addresses only, checked at
 * save and at every delivery against the address actually connected to.
 */
export interface AddressPolicy {
  /** True outside production: http, loopback and private networks are allowed. */
  allowPrivateNetworks: boolean;
}

/** [first address, prefix length] of IPv4 ranges that are not the public internet. */
const V4_BLOCKED: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const v4ToInt = (address: string) => address.split('.').reduce((n, part) => n * 256 + Number(part), 0);

function v4Problem(address: string): string | undefined {
  const value = v4ToInt(address);
  for (const [base, bits, what] of V4_BLOCKED) {
    const size = 2 ** (32 - bits);
    const start = v4ToInt(base);
    if (value >= start && value < start + size) return what;
  }
  return undefined;
}

/** 16 bytes of an IPv6 address (with an embedded dotted IPv4 tail allowed). */
function v6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail = text
      .slice(lastColon + 1)
      .split('.')
      .map(Number);
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').filter((g) => g !== '') : []);
  const front = groups(head);
  const back = groups(rest);
  const middle = rest === undefined ? [] : new Array(8 - front.length - back.length).fill('0');
  const words = [...front, ...middle, ...back].map((g) => parseInt(g, 16));
  const bytes = words.flatMap((w) => [w >> 8, w & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function v6Problem(address: string): string | undefined {
  const b = v6Bytes(address);
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const embedded = () => b.slice(12, 16).join('.');
  if (zeros(0, 16)) return 'unspecified';
  if (zeros(0, 15) && b[15] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): what counts is the IPv4 address inside.
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4Problem(embedded()) ?? undefined;
  if (zeros(0, 12)) return v4Problem(embedded()) ?? 'reserved';
  // 64:ff9b::/96, NAT64: the IPv4 address inside.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return v4Problem(embedded());
  if ((b[0]! & 0xfe) === 0xfc) return 'unique local (private)';
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 'link-local';
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return 'site-local';
  if (b[0] === 0xff) return 'multicast';
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return 'documentation';
  return undefined;
}

/**
 * Why an IP address is not a public internet address ("loopback", "private",
 * "link-local", …), or undefined when it is public. Mapped IPv6 forms
 * (`::ffff:127.0.0.1`, `::ffff:7f00:1`) are judged by their IPv4 address.
 */
export function nonPublicReason(address: string): string | undefined {
  const family = isIP(address);
  if (family === 4) return v4Problem(address);
  if (family === 6) return v6Problem(address);
  return 'not an IP address';
}

/** The hostname of a URL as a bare name or address (`[::1]` → `::1`). */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The problem with an endpoint URL as written, before any name is resolved,
 * or undefined: absolute http(s), no credentials in it, and under a strict
 * policy https and no literal non-public address.
 */
export function urlProblem(text: string, policy: AddressPolicy): string | undefined {
  if (text.length > 2_000) return 'must be at most 2000 characters';
  if (!URL.canParse(text)) return 'must be an absolute http or https URL';
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an absolute http or https URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (policy.allowPrivateNetworks) return undefined;
  if (url.protocol !== 'https:') return 'must be https in production';
  const host = hostOf(url);
  if (isIP(host)) {
    const reason = nonPublicReason(host);
    if (reason) return `must be a public address; ${host} is ${reason}`;
  }
  return undefined;
}

/**
 * The first resolved address that may not be connected to under the policy,
 * with the reason; undefined when every address is allowed.
 */
export function refusedAddress(addresses: readonly string[], policy: AddressPolicy): { address: string; reason: string } | undefined {
  if (policy.allowPrivateNetworks) return undefined;
  for (const address of addresses) {
    const reason = nonPublicReason(address);
    if (reason) return { address, reason };
  }
  return undefined;
}
