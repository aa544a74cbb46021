import { checkLandingPageUrl, landingPageDisplay } from '../../src/ad/landing-page';

function ruleOf(raw: string, ports: number[] = []): string {
  const checked = checkLandingPageUrl(raw, { allowed_ports: ports });
  return checked.ok ? 'ok' : checked.violation.rule.replace('landing_page_url.', '');
}

describe('landing page: IP literals in any notation', () => {
  it.each([
    ['https://127.0.0.1/', '127.0.0.1'],
    ['https://2130706433/', '127.0.0.1'],
    ['https://0x7f000001/', '127.0.0.1'],
    ['https://0177.0.0.1/', '127.0.0.1'],
    ['https://0x7f.1/', '127.0.0.1'],
    ['https://127.1/', '127.0.0.1'],
    ['https://[::1]/', '::1'],
    ['https://[::ffff:127.0.0.1]/', '127.0.0.1'],
    ['https://[0:0:0:0:0:ffff:7f00:1]/', '127.0.0.1'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['https://2852039166/', '169.254.169.254'],
    ['https://[fd00:ec2::254]/', 'fd00:ec2::254'],
    ['https://10.0.0.5/', '10.0.0.5'],
    ['https://192.168.1.1/', '192.168.1.1'],
    ['https://172.16.0.1/', '172.16.0.1'],
    ['https://100.64.0.1/', '100.64.0.1'],
    ['https://0.0.0.0/', '0.0.0.0'],
    ['https://8.8.8.8/', '8.8.8.8'],
    ['https://[2001:4860:4860::8888]/', '2001:4860:4860::8888'],
  ])('%s is refused as the IP address %s', (raw, dotted) => {
    const checked = checkLandingPageUrl(raw);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.violation.rule).toBe('landing_page_url.ip_address');
    expect(checked.violation.message).toContain(`${dotted}`);
    expect(checked.violation.message).toMatch(
      /^The landing page must name a public host, not an IP address/,
    );
  });

  it('names the range: metadata, loopback, private, link-local', () => {
    const message = (raw: string) => {
      const c = checkLandingPageUrl(raw);
      return c.ok ? '' : c.violation.message;
    };
    expect(message('https://169.254.169.254/')).toContain('the cloud metadata service');
    expect(message('https://[fd00:ec2::254]/')).toContain('the cloud metadata service');
    expect(message('https://169.254.1.1/')).toContain('a link-local address');
    expect(message('https://0x7f000001/')).toContain(
      '"0x7f000001" is 127.0.0.1, a loopback address',
    );
    expect(message('https://10.1.2.3/')).toContain('a private-network address');
    expect(message('https://[fc00::1]/')).toContain('a private-network address');
  });
});

describe('landing page: schemes, user info, ports, names', () => {
  it.each([
    ['javascript:alert(1)', 'scheme'],
    ['JavaScript:alert(1)', 'scheme'],
    ['data:text/html,<b>x</b>', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ftp://example.com/x', 'scheme'],
    ['mailto:a@example.com', 'scheme'],
    ['vbscript:msgbox(1)', 'scheme'],
    ['http://shop.example.com/', 'https_only'],
    ['https://user:pass@shop.example.com/', 'userinfo'],
    ['https://user@shop.example.com/', 'userinfo'],
    ['https://shop.example.com:8443/', 'port'],
    ['shop.example.com:8080/x', 'port'],
    ['https://localhost/', 'internal_host'],
    ['localhost:3000', 'internal_host'],
    ['https://app.localhost/', 'internal_host'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'internal_host'],
    ['https://printer.local/', 'internal_host'],
    ['https://router.home.arpa/', 'internal_host'],
    ['https://shop/', 'host'],
    ['https://shop_front.example.com/', 'host'],
    ['not a url at all', 'invalid'],
  ])('%s → %s', (raw, rule) => {
    expect(ruleOf(raw)).toBe(rule);
  });

  it('keeps a good address as typed; a default port or an allowed one is fine', () => {
    expect(checkLandingPageUrl('https://shop.example.com/summer?utm_source=tiktok')).toEqual({
      ok: true,
      value: 'https://shop.example.com/summer?utm_source=tiktok',
    });
    expect(checkLandingPageUrl('solulab.com')).toEqual({ ok: true, value: 'https://solulab.com' });
    expect(ruleOf('https://shop.example.com:443/')).toBe('ok');
    expect(ruleOf('https://shop.example.com:8443/', [8443])).toBe('ok');
    expect(ruleOf('https://shop.example.com:8444/', [8443])).toBe('port');
  });

  it('a hostile host is named before the http scheme is', () => {
    expect(ruleOf('http://10.0.0.5/')).toBe('ip_address');
    expect(ruleOf('http://127.0.0.1:6379/')).toBe('ip_address');
  });

  it('never repeats the user info it refuses', () => {
    const checked = checkLandingPageUrl('https://admin:hunter2@shop.example.com/');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.violation.message).not.toMatch(/admin|hunter2/);
  });

  it('refuses control and invisible characters, which a URL parser would drop silently', () => {
    expect(ruleOf('https://shop.exa\tmple.com/')).toBe('hidden_character');
    expect(ruleOf('https://shop.example.com/\u202egpj.exe')).toBe('hidden_character');
    expect(ruleOf('https://shop\u200b.example.com/')).toBe('hidden_character');
  });
});

describe('landing page: international host names (UTS #39)', () => {
  it.each([
    ['https://bооts.example.com/', 'mixed_script'], // Cyrillic о
    ['bооts.example.com', 'mixed_script'],
    ['https://xn--bts-seda.example.com/', 'mixed_script'], // the same, typed in punycode
    ['https://pаypal.com/', 'mixed_script'], // Cyrillic а
    ['https://gοοgle.com/', 'mixed_script'], // Greek ο
    ['https://аррӏе.com/', 'lookalike'], // all Cyrillic, reads "appie"
    ['https://ехаmple.com/', 'mixed_script'],
  ])('%s → %s', (raw, rule) => {
    expect(ruleOf(raw)).toBe(rule);
  });

  it('takes names in one script, and Latin mixed with Han and kana as Japanese names are', () => {
    for (const raw of [
      'https://bücher.example/',
      'https://пример.рф/',
      'https://例え.jp/',
      'https://ドメイン名例.jp/',
      'https://abcカタカナ.jp/',
      'https://münchen.de/',
      'https://ελλάδα.gr/',
    ])
      expect([raw, ruleOf(raw)]).toEqual([raw, 'ok']);
  });

  it('says what the look-alike reads as, in Unicode and punycode', () => {
    const checked = checkLandingPageUrl('https://bооts.example.com/');
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.violation.message).toBe(
        'The landing page host "bооts.example.com" (xn--bts-seda.example.com in punycode) mixes Latin and Cyrillic letters in "bооts", as look-alike addresses do. It reads like "boots.example.com". Please type the address in one alphabet.',
      );
  });

  it('the card shows an international host in punycode beside the Unicode form', () => {
    expect(landingPageDisplay('https://bücher.example/angebot')).toBe(
      'https://bücher.example/angebot (host xn--bcher-kva.example in punycode)',
    );
    expect(landingPageDisplay('https://xn--bcher-kva.example/angebot')).toBe(
      'https://xn--bcher-kva.example/angebot (host bücher.example in Unicode)',
    );
    expect(landingPageDisplay('https://shop.example.com/x')).toBe('https://shop.example.com/x');
  });
});
