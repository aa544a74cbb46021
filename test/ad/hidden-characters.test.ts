import { checkAdText, checkCampaignName } from '../../src/ad/field-rules';
import { findHiddenCharacters, hiddenCharactersMessage } from '../../src/ad/hidden-characters';

const named = (text: string) =>
  findHiddenCharacters(text).map((h) => [h.position, h.code_point.toString(16)]);

describe('hidden characters in ad text and names', () => {
  it.each([
    ['NUL', 'a\x00b', [[2, '0']]],
    ['ESC of a colour sequence', '\x1b[31mred', [[1, '1b']]],
    [
      'OSC title sequence',
      '\x1b]0;t\x07',
      [
        [1, '1b'],
        [6, '7'],
      ],
    ],
    [
      'DEL and a C1 CSI',
      'a\x7fb\u009b',
      [
        [2, '7f'],
        [4, '9b'],
      ],
    ],
    [
      'line feed and tab',
      'a\nb\tc',
      [
        [2, 'a'],
        [4, '9'],
      ],
    ],
    ['RIGHT-TO-LEFT OVERRIDE', 'abc\u202edef', [[4, '202e']]],
    [
      'isolates and marks',
      '\u2066x\u2069\u200f',
      [
        [1, '2066'],
        [3, '2069'],
        [4, '200f'],
      ],
    ],
    [
      'zero-width space and BOM',
      'a\u200bb\ufeff',
      [
        [2, '200b'],
        [4, 'feff'],
      ],
    ],
    [
      'soft hyphen, word joiner',
      'a\u00adb\u2060c',
      [
        [2, 'ad'],
        [4, '2060'],
      ],
    ],
    ['line separator', 'a\u2028b', [[2, '2028']]],
    ['Hangul filler', 'a\u3164b', [[2, '3164']]],
    ['tag characters', 'a\u{e0041}', [[2, 'e0041']]],
    ['position counts characters, not UTF-16 units', '𝐁𝐮𝐲\u202e', [[4, '202e']]],
  ])('%s', (_name, text, expected) => {
    expect(named(text)).toEqual(expected);
  });

  it('keeps ordinary text, and a joiner inside Persian or Indic words', () => {
    expect(named('Warm boots for cold days! 50% off — today only.')).toEqual([]);
    expect(named('می\u200cخواهم')).toEqual([]);
    expect(named('क्\u200dष')).toEqual([]);
    expect(named('日本語の広告')).toEqual([]);
    // …but not between ASCII letters, where it only hides a difference.
    expect(named('pay\u200dpal')).toEqual([[4, '200d']]);
  });

  it('the message names each character by code point, name and position', () => {
    expect(hiddenCharactersMessage('ad text', [{ position: 12, code_point: 0x202e }])).toBe(
      'The ad text has a control character (U+202E RIGHT-TO-LEFT OVERRIDE) at position 12. Such characters are invisible or change how the text shows, yet TikTok would get them as they are: please type it again without them. I kept the ad text as it was.',
    );
    const many = findHiddenCharacters('\x1b[1m\x1b[2m\x1b[3m\x1b[0m');
    expect(hiddenCharactersMessage('ad text', many)).toMatch(
      /^The ad text has 4 control characters: U\+001B ESCAPE at position 1, U\+001B ESCAPE at position 5, U\+001B ESCAPE at position 9 and 1 more\./,
    );
  });

  it('ad text and campaign names refuse them with their own rule', () => {
    const text = checkAdText('Warm boots \u202efor cold days');
    expect(text).toMatchObject({ ok: false, violation: { rule: 'ad_text.hidden_character' } });
    const name = checkCampaignName('Fall\x00Promo');
    expect(name).toMatchObject({
      ok: false,
      violation: { field: 'campaign_name', rule: 'campaign_name.hidden_character' },
    });
    if (!name.ok) expect(name.violation.message).toContain('(U+0000 NULL) at position 5');
  });
});
