import { domainToUnicode } from 'node:url';
import ipaddr from 'ipaddr.js';
import { asciiLookAlike, mixedScripts } from './host-scripts';

/** A host's verdict: fine, or the rule (without the `landing_page_url.` prefix) and message. */
export type HostCheck = { ok: true } | { ok: false; rule: string; message: string };

/**
 * Names that never reach a public web server: RFC 6761 `localhost`, RFC 6762 `.local`, RFC 8375
 * `.home.arpa` (and the rest of `.arpa`), ICANN's private-use `.internal` (where cloud metadata
 * names such as `metadata.google.internal` live), Tor's `.onion`, and the names ICANN keeps
 * out of the root for private networks (`.lan`, `.home`, `.corp`, `.localdomain`).
 */
const INTERNAL_SUFFIXES = [
  'localhost',
  'localdomain',
  'local',
  'internal',
  'arpa',
  'onion',
  'lan',
  'home',
  'corp',
];

/** `ipaddr.js` range names, in words. */
const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address (this machine itself)',
  private: 'a private-network address',
  uniqueLocal: 'a private-network address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  unicast: 'a bare IP address, not a host name',
};

/** Cloud metadata services (AWS/GCP/Azure IPv4, AWS IPv6): named as such in the refusal. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254']);

const ASK = 'give the public host name of the page, such as https://example.com/offer.';

/**
 * Checks the host of a landing page (`hostname` as the WHATWG URL parser gives it: lower case,
 * punycode, IPv4 in dotted decimal whatever notation was typed, IPv6 in brackets):
 * - `ip_address`: any IP literal, IPv4 in any notation (`2130706433`, `0x7f000001`,
 *   `0177.0.0.1`, `127.1`) or IPv6; the message names the range (private, loopback,
 *   link-local, the cloud metadata address) and the dotted form when typed otherwise;
 * - `internal_host`: names of private networks ({@link INTERNAL_SUFFIXES});
 * - `host`: anything but dotted labels of letters, digits and hyphens;
 * - `mixed_script` / `lookalike`: international names that pass for another (see
 *   `host-scripts.ts`, UTS #39).
 * `typed` is the host as the user typed it (for the message only).
 */
export function checkLandingHost(hostname: string, typed: string): HostCheck {
  const ip = ipLiteral(hostname);
  if (ip) {
    const written = typed && typed !== hostname ? `"${typed}" is ${ip.text}, ` : `${ip.text} is `;
    return {
      ok: false,
      rule: 'ip_address',
      message: `The landing page must name a public host, not an IP address: ${written}${ip.range}. Please ${ASK}`,
    };
  }
  const labels = hostname.split('.');
  const suffix = INTERNAL_SUFFIXES.find((s) => hostname === s || hostname.endsWith(`.${s}`));
  if (suffix) {
    return {
      ok: false,
      rule: 'internal_host',
      message: `"${hostname}" is a private-network name (".${suffix}"), which TikTok and the people who see the ad cannot reach. Please ${ASK}`,
    };
  }
  if (labels.length < 2 || !labels.every((l) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(l))) {
    return {
      ok: false,
      rule: 'host',
      message: `"${domainToUnicode(hostname) || hostname}" is not a public host name; ${ASK}`,
    };
  }
  return checkInternational(hostname);
}

function ipLiteral(hostname: string): { text: string; range: string } | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const isV6 = hostname.startsWith('[');
  if (!isV6 && !ipaddr.IPv4.isValidFourPartDecimal(bare)) return null;
  if (!ipaddr.isValid(bare)) return null;
  let addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  const text = addr.toString();
  if (METADATA.has(text))
    return { text, range: 'the cloud metadata service (a link-local address)' };
  return { text, range: RANGE_WORDS[addr.range()] ?? 'an IP address' };
}

/** The UTS #39 checks on the Unicode form of an international host name. */
function checkInternational(hostname: string): HostCheck {
  if (!hostname.split('.').some((l) => l.startsWith('xn--'))) return { ok: true };
  const unicode = domainToUnicode(hostname);
  if (unicode === '') {
    return { ok: false, rule: 'host', message: `"${hostname}" is not a valid host name; ${ASK}` };
  }
  const labels = unicode.split('.');
  const readsAs = labels.map((l) => asciiLookAlike(l) ?? l).join('.');
  const reads = readsAs !== unicode ? ` It reads like "${readsAs}"` : '';
  for (const label of labels) {
    const scripts = mixedScripts(label);
    if (scripts.length > 0) {
      return {
        ok: false,
        rule: 'mixed_script',
        message: `The landing page host "${unicode}" (${hostname} in punycode) mixes ${listed(scripts)} letters in "${label}", as look-alike addresses do.${reads}. Please type the address in one alphabet.`,
      };
    }
  }
  if (readsAs !== unicode) {
    return {
      ok: false,
      rule: 'lookalike',
      message: `The landing page host "${unicode}" (${hostname} in punycode) is written in letters that look like "${readsAs}" but are not, as look-alike addresses are. Please type the address with the letters the site really uses.`,
    };
  }
  return { ok: true };
}

function listed(names: readonly string[]): string {
  const words = names.map((n) => n.replace(/_/g, ' '));
  return words.length <= 2
    ? words.join(' and ')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
