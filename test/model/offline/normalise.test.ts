import { normalise, stripTrailingPunctuation, unquote } from '../../../src/model/offline/normalise';

describe('normalise', () => {
  it('unifies line breaks, odd spaces and zero-width characters, and trims', () => {
    expect(normalise('  a\r\nb\rc\u00a0d\u2009e\u200bf\ufeff  ')).toBe('a\nb\nc d ef');
  });

  it('drops list markers at the start of a line only', () => {
    expect(normalise('- name: Spring\n• budget 50\n2. cta shop now\n10) text hi')).toBe(
      'name: Spring\nbudget 50\ncta shop now\ntext hi',
    );
    expect(normalise('budget - 50')).toBe('budget - 50');
    expect(normalise('-5 degrees')).toBe('-5 degrees');
  });

  it('changes nothing else (case, punctuation, inner spaces)', () => {
    expect(normalise('Call it "Big  Sale"!')).toBe('Call it "Big  Sale"!');
  });
});

describe('unquote', () => {
  it.each([
    ['"Spring Sale"', 'Spring Sale'],
    ['“Spring Sale”', 'Spring Sale'],
    ["'Spring Sale'", 'Spring Sale'],
    ['‘Spring Sale’', 'Spring Sale'],
    ['`Spring Sale`', 'Spring Sale'],
    ['  " padded "  ', 'padded'],
  ])('%s → %s', (raw, value) => expect(unquote(raw)).toBe(value));

  it('removes one pair only, and leaves unmatched or lone quotes', () => {
    expect(unquote('""double""')).toBe('"double"');
    expect(unquote('"open only')).toBe('"open only');
    expect(unquote('"')).toBe('"');
    expect(unquote("Joe's shop")).toBe("Joe's shop");
  });
});

describe('stripTrailingPunctuation', () => {
  it('strips trailing sentence punctuation and spaces only', () => {
    expect(stripTrailingPunctuation('https://shop.example/sale.')).toBe(
      'https://shop.example/sale',
    );
    expect(stripTrailingPunctuation('Spring Sale!?! ')).toBe('Spring Sale');
    expect(stripTrailingPunctuation('a.b, c')).toBe('a.b, c');
  });
});
