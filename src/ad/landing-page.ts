import { domainToUnicode } from 'node:url';
import { findHiddenCharacters, hiddenCharactersMessage } from './hidden-characters';
import { checkLandingHost } from './landing-host';
import type { Violation } from './violation';

/** What the landing page rule may be told by the settings. */
export interface LandingPageOptions {
  /**
   * Ports other than the scheme's default (443) that a landing page may name, e.g. `[8443]`.
   * Setting `LANDING_PAGE_PORTS`; default none.
   */
  allowed_ports?: readonly number[];
}

type Result = { ok: true; value: string } | { ok: false; violation: Violation };

const fail = (rule: string, message: string): Result => ({
  ok: false,
  violation: { field: 'landing_page_url', rule: `landing_page_url.${rule}`, message },
});

/** A scheme at the start (`javascript:`, `data:`, `ftp://`), not a `host:port` ("shop.com:8443"). */
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i;

/**
 * `landing_page_url`: the page the ad opens, as TikTok and a careful admin would accept it.
 * Kept as typed except that surrounding quotes or `<…>` and trailing sentence punctuation
 * (".,;:!?)") go and a bare domain ("solulab.com") gets `https://`. Refused, each by its rule:
 * - `hidden_character`: control or invisible characters (a URL parser would drop some silently);
 * - `scheme`: anything but http(s) (`javascript:`, `data:`, `file:`, `ftp:`…);
 * - `invalid`: not a URL; `userinfo`: a user name or password before the host;
 * - the host rules of {@link checkLandingHost} (IP literals in any notation, private and
 *   internal names, look-alike international names);
 * - `port`: a port other than the default, unless `options.allowed_ports` lists it;
 * - `https_only`: `http:` (checked last, so a hostile host is named as such); TikTok's docs show
 *   only https landing pages (the "Create Carousel Ads" example sends
 *   `"landing_page_url":"https://example.com"`,
 *   https://business-api.tiktok.com/portal/docs?id=1766217791987713) and document no http one,
 *   so none is taken.
 * Pure: no DNS or network lookups. Source: TikTok "Create ads", `creatives[].landing_page_url`
 * (tiktok-business-api-sdk js_sdk/docs/AdcreateCreatives.md); the rest is this bot's rule.
 */
export function checkLandingPageUrl(raw: string, options: LandingPageOptions = {}): Result {
  const text = unquoteUrl(raw);
  const hidden = findHiddenCharacters(text);
  if (hidden.length > 0)
    return fail('hidden_character', hiddenCharactersMessage('landing page', hidden));
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
    return fail(
      'scheme',
      `A "${scheme}:" link cannot be a landing page: TikTok opens the landing page in a browser, so it must be an https:// web address such as https://example.com/offer.`,
    );
  }
  const withScheme = scheme ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail(
      'invalid',
      `"${excerpt(raw.trim())}" is not a web address; give a URL such as https://example.com/offer.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    return fail(
      'userinfo',
      'The landing page has a user name or password before the host ("name:password@"): everyone who sees the ad would get it. Give the address without it, e.g. https://example.com/offer.',
    );
  }
  const host = checkLandingHost(url.hostname, typedHost(withScheme));
  if (!host.ok) return fail(host.rule, host.message);
  if (url.port !== '' && !(options.allowed_ports ?? []).includes(Number(url.port))) {
    return fail(
      'port',
      `The landing page names port ${url.port}; landing pages use the standard https port (443). An admin can allow other ports with LANDING_PAGE_PORTS.`,
    );
  }
  if (scheme === 'http') {
    return fail(
      'https_only',
      `The landing page must be an https:// address: TikTok documents https landing pages only, so I did not take ${excerpt(text)}. Try ${excerpt(text.replace(/^http:/i, 'https:'))} if the site serves it.`,
    );
  }
  return { ok: true, value: withScheme };
}

/**
 * How a landing page is shown to the approver: the URL as stored and, for an international
 * host name, its other form beside it, so both the letters a reader sees and the punycode that
 * browsers and TikTok resolve are on the card: `https://bücher.example/x (host
 * xn--bcher-kva.example in punycode)`, or `(host bücher.example in Unicode)` when the punycode
 * was typed. ASCII hosts are shown as they are.
 */
export function landingPageDisplay(stored: string): string {
  let ascii: string;
  try {
    ascii = new URL(stored).hostname;
  } catch {
    return stored;
  }
  if (!/(^|\.)xn--/i.test(ascii)) return stored;
  const unicode = domainToUnicode(ascii);
  if (unicode === '' || unicode === ascii) return stored;
  return typedHost(stored) === ascii
    ? `${stored} (host ${unicode} in Unicode)`
    : `${stored} (host ${ascii} in punycode)`;
}

/** The value without surrounding quotes, `<…>` and trailing sentence punctuation. */
function unquoteUrl(raw: string): string {
  const text = raw.trim();
  const m = /^(["“'‘`])([\s\S]*)(["”'’`])$/.exec(text);
  const pairs: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’', '`': '`' };
  const inner = m && text.length >= 2 && pairs[m[1] ?? ''] === m[3] ? (m[2] ?? '').trim() : text;
  return inner.replace(/^<|>$/g, '').replace(/[.,;:!?)]+$/, '');
}

/** The host as typed (between `//` and the path), for naming a number-written IP address. */
function typedHost(url: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  return authority.replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase();
}

function excerpt(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}
