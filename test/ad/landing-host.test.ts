import { checkLandingHost } from '../../src/ad/landing-host';

const ASK = 'give the public host name of the page, such as https://example.com/offer.';

/** The hostname as the WHATWG URL parser gives it, as the caller passes it. */
const host = (raw: string) => new URL(`https://${raw}/`).hostname;

describe('checkLandingHost: public names pass', () => {
  it.each(['example.com', 'shop.example.co.uk', 'a-b.example', 'xn--bcher-kva.de', '1.example'])(
    '%s',
    (hostname) => {
      expect(checkLandingHost(hostname, hostname)).toEqual({ ok: true });
    },
  );
});

describe('checkLandingHost: IP literals', () => {
  it('names the typed form, its dotted form and its range', () => {
    expect(checkLandingHost(host('0x7f000001'), '0x7f000001')).toEqual({
      ok: false,
      rule: 'ip_address',
      message: `The landing page must name a public host, not an IP address: "0x7f000001" is 127.0.0.1, a loopback address (this machine itself). Please ${ASK}`,
    });
  });

  it.each([
    ['10.1.2.3', '10.1.2.3 is a private-network address'],
    ['169.254.1.1', '169.254.1.1 is a link-local address'],
    ['169.254.169.254', '169.254.169.254 is the cloud metadata service (a link-local address)'],
    ['100.64.0.1', '100.64.0.1 is a carrier-grade NAT address'],
    ['0.0.0.0', '0.0.0.0 is the unspecified address'],
    ['255.255.255.255', '255.255.255.255 is the broadcast address'],
    ['224.0.0.1', '224.0.0.1 is a multicast address'],
    ['8.8.8.8', '8.8.8.8 is a bare IP address, not a host name'],
    ['[::1]', '::1 is a loopback address (this machine itself)'],
    ['[fd00:ec2::254]', 'fd00:ec2::254 is the cloud metadata service (a link-local address)'],
    ['[fc00::1]', 'fc00::1 is a private-network address'],
    ['[::ffff:10.0.0.1]', '10.0.0.1 is a private-network address'],
  ])('%s: "%s"', (typed, words) => {
    const checked = checkLandingHost(host(typed), host(typed));
    expect(checked).toMatchObject({ ok: false, rule: 'ip_address' });
    if (!checked.ok) expect(checked.message).toContain(`not an IP address: ${words}.`);
  });
});

describe('checkLandingHost: private-network names', () => {
  it.each([
    ['localhost', 'localhost'],
    ['printer.local', 'local'],
    ['metadata.google.internal', 'internal'],
    ['router.home.arpa', 'arpa'],
    ['abc.onion', 'onion'],
    ['nas.lan', 'lan'],
    ['mail.corp', 'corp'],
    ['box.localdomain', 'localdomain'],
    ['my.home', 'home'],
  ])('%s ends in .%s', (hostname, suffix) => {
    expect(checkLandingHost(hostname, hostname)).toEqual({
      ok: false,
      rule: 'internal_host',
      message: `"${hostname}" is a private-network name (".${suffix}"), which TikTok and the people who see the ad cannot reach. Please ${ASK}`,
    });
  });

  it('does not mistake a public name ending in the same letters', () => {
    expect(checkLandingHost('mylocal.com', 'mylocal.com')).toEqual({ ok: true });
    expect(checkLandingHost('homecorp.com', 'homecorp.com')).toEqual({ ok: true });
  });
});

describe('checkLandingHost: malformed names', () => {
  it.each(['example', 'exa_mple.com', '-shop.example.com', 'shop-.example.com', 'a..b'])(
    '%s is not a public host name',
    (hostname) => {
      expect(checkLandingHost(hostname, hostname)).toEqual({
        ok: false,
        rule: 'host',
        message: `"${hostname}" is not a public host name; ${ASK}`,
      });
    },
  );
});

// UTS #39 (https://www.unicode.org/reports/tr39/), via host-scripts.ts.
describe('checkLandingHost: international look-alikes', () => {
  it('refuses a label mixing Latin and Cyrillic, naming both and what it reads as', () => {
    const hostname = host('bооts.com');
    const checked = checkLandingHost(hostname, 'bооts.com');
    expect(checked).toEqual({
      ok: false,
      rule: 'mixed_script',
      message: `The landing page host "bооts.com" (${hostname} in punycode) mixes Latin and Cyrillic letters in "bооts", as look-alike addresses do. It reads like "boots.com". Please type the address in one alphabet.`,
    });
  });

  it('refuses a whole-Cyrillic label that reads as an ASCII one', () => {
    const hostname = host('аррӏе.com');
    expect(hostname.startsWith('xn--')).toBe(true);
    expect(checkLandingHost(hostname, 'аррӏе.com')).toEqual({
      ok: false,
      rule: 'lookalike',
      message: `The landing page host "аррӏе.com" (${hostname} in punycode) is written in letters that look like "appie.com" but are not, as look-alike addresses are. Please type the address with the letters the site really uses.`,
    });
  });

  it('accepts international names in one script', () => {
    for (const typed of ['bücher.de', 'пример.рф', '例え.jp']) {
      expect(checkLandingHost(host(typed), typed)).toEqual({ ok: true });
    }
  });

  it('refuses punycode that does not decode', () => {
    expect(checkLandingHost('xn--zz.com', 'xn--zz.com')).toEqual({
      ok: false,
      rule: 'host',
      message: `"xn--zz.com" is not a valid host name; ${ASK}`,
    });
  });
});
