import { escapeHtml, page } from '../../src/http/pages';

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('escapes & first, so existing entities are shown, not decoded', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('page', () => {
  it('puts the escaped title in <title> and <h1>, one <p> per line, no scripts', () => {
    const html = page('Linked <ok>', ['First line', 'Second & last']);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<title>Linked &lt;ok&gt;</title>');
    expect(html).toContain('<h1>Linked &lt;ok&gt;</h1>');
    expect(html).toContain('<p>First line</p>\n    <p>Second &amp; last</p>');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('Reference:');
  });

  it('adds the reference line when given', () => {
    expect(page('Failed', ['Try again.'], 'ab12"cd')).toContain(
      '<p>Try again.</p>\n    <p class="ref">Reference: ab12&quot;cd</p>\n  </body>',
    );
  });
});
