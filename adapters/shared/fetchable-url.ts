import { BlockList, isIP } from 'node:net';

/**
 * Addresses a chat platform's servers cannot fetch from the public internet: loopback,
 * private (RFC 1918, RFC 4193), link-local (incl. the 169.254.169.254 metadata address),
 * carrier-grade NAT, "this network" and documentation ranges. Source: IANA IPv4/IPv6 Special-
 * Purpose Address Registries (iana.org/assignments/iana-ipv4-special-registry).
 */
const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');

/**
 * Whether Slack's or Discord's servers could fetch `url` as an image: `http(s)` to a host that
 * is not `localhost` (or `*.localhost`, `*.local`, `*.internal`) nor an address in a loopback,
 * private or link-local range. The emulator's `http://127.0.0.1:…` thumbnails fail this, so
 * they are shown as text instead of an image the platform would refuse or show broken.
 */
export function isFetchableImageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || /\.(localhost|local|internal)\.?$/.test(host)) return false;
  const family = isIP(host);
  if (family === 0) return host.includes('.');
  return !NOT_PUBLIC.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
