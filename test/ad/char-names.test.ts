import { codePointLabel, describeCodePoint } from '../../src/ad/char-names';

// Names from the Unicode Character Database: UnicodeData.txt, and NameAliases.txt for the
// C0/C1 controls (https://www.unicode.org/Public/UCD/latest/ucd/).
describe('codePointLabel', () => {
  it.each([
    [0x0, 'U+0000'],
    [0x1b, 'U+001B'],
    [0x202e, 'U+202E'],
    [0xfeff, 'U+FEFF'],
    [0xe0041, 'U+E0041'],
    [0x10ffff, 'U+10FFFF'],
  ])('%i is %s', (cp, label) => {
    expect(codePointLabel(cp)).toBe(label);
  });
});

describe('describeCodePoint', () => {
  it.each([
    // C0 controls, by their formal aliases: both ends of the range
    [0x00, 'U+0000 NULL'],
    [0x09, 'U+0009 CHARACTER TABULATION'],
    [0x1b, 'U+001B ESCAPE'],
    [0x1f, 'U+001F INFORMATION SEPARATOR ONE'],
    // DEL and the C1 controls: both ends of the range
    [0x7f, 'U+007F DELETE'],
    [0x80, 'U+0080 PADDING CHARACTER'],
    [0x85, 'U+0085 NEXT LINE'],
    [0x9f, 'U+009F APPLICATION PROGRAM COMMAND'],
    // surrogates, both ends
    [0xd800, 'U+D800 UNPAIRED SURROGATE'],
    [0xdfff, 'U+DFFF UNPAIRED SURROGATE'],
    // named format and invisible characters
    [0xad, 'U+00AD SOFT HYPHEN'],
    [0x200b, 'U+200B ZERO WIDTH SPACE'],
    [0x202e, 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    [0x2069, 'U+2069 POP DIRECTIONAL ISOLATE'],
    [0xfeff, 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    [0xe0001, 'U+E0001 LANGUAGE TAG'],
    [0xe007f, 'U+E007F CANCEL TAG'],
  ])('%i is "%s"', (cp, text) => {
    expect(describeCodePoint(cp)).toBe(text);
  });

  it.each([
    [0x20, 'U+0020'],
    [0x41, 'U+0041'],
    [0xa0, 'U+00A0'],
    [0xe0041, 'U+E0041'],
  ])('%i has no listed name, so only its code point: %s', (cp, text) => {
    expect(describeCodePoint(cp)).toBe(text);
  });
});
